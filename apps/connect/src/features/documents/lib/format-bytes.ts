const UNITS = ['KB', 'MB', 'GB', 'TB'];

/** A file size for people: `812 bytes`, `183 KB`, `4.2 MB` (decimal units, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = -1;
  // 999,999 bytes reads "1.0 MB", not "1000 KB".
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}
