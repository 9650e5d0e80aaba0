/**
 * Reads a typed duration into seconds: `1h 30m`, `1h30`, `90m`, `45 min`, `1:30` (hours and
 * minutes), or a plain number of hours (`1.5`, `1,5`, `2`). `null` when it is not a duration or
 * is not more than zero.
 */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase().replace(',', '.');
  if (text === '') return null;

  const clock = /^(\d+):([0-5]\d)$/.exec(text);
  if (clock) return positive(Number(clock[1]) * 3600 + Number(clock[2]) * 60);

  if (/^\d*\.?\d+$/.test(text)) return positive(Math.round(Number(text) * 3600));

  const units = /^(?:(\d*\.?\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*(?:m(?:in(?:utes?|s)?)?)?)?$/.exec(text);
  if (units && (units[1] !== undefined || units[2] !== undefined)) {
    const hours = units[1] === undefined ? 0 : Number(units[1]);
    const minutes = units[2] === undefined ? 0 : Number(units[2]);
    // "30" alone matched the minutes group only because the number test above did not take it.
    return positive(Math.round(hours * 3600) + minutes * 60);
  }
  return null;
}

function positive(seconds: number): number | null {
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/** Seconds as `1h 30m`, `45m` or `2h` (whole minutes, rounded). */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

/** A running timer's seconds as `1:02:03`. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
