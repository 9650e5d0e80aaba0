/**
 * Calendar arithmetic in IANA time zones, from the runtime's own time-zone database (Intl):
 * no zone data of our own to keep up to date.
 */

/**
 * Whether the runtime knows `zone` (canonical names and their aliases). Offsets such as "+05:30"
 * and abbreviations with punctuation are not IANA zones. The same rule as a user's own time zone.
 */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]+(?:[/_+-][A-Za-z0-9]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormatIn(zone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(zone, format);
  }
  return format;
}

/** The calendar date (`YYYY-MM-DD`) that `instant` falls on in `zone`. */
export function localDateOf(instant: Date, zone: string): string {
  const parts = Object.fromEntries(
    dateFormatIn(zone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${String(parts.year).padStart(4, '0')}-${parts.month}-${parts.day}`;
}

/**
 * Whether `instant` is the first instant of its day in `zone`: usually midnight, but the day
 * starts at 01:00 where a DST change skips midnight, which this handles without special cases.
 */
export function startsADay(instant: Date, zone: string): boolean {
  return localDateOf(instant, zone) !== localDateOf(new Date(instant.getTime() - 1), zone);
}

const HOUR_MS = 3_600_000;

/** The first instant of `date` (`YYYY-MM-DD`) in `zone`, found by bisection on `localDateOf`. */
export function startOfDay(date: string, zone: string): Date {
  // 15 hours either side of UTC midnight is still the day before / already the day in every zone.
  let low = Date.parse(`${date}T00:00:00.000Z`) - 15 * HOUR_MS;
  let high = low + 30 * HOUR_MS;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localDateOf(new Date(middle), zone) < date) low = middle;
    else high = middle;
  }
  return new Date(high);
}
