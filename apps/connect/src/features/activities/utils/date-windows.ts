/**
 * Plain-date (`YYYY-MM-DD`) arithmetic for walking a person's time entries back a month at a time:
 * the API lists entries oldest first, so "newest first" pages are date windows read backwards.
 */

const toDate = (date: string) => new Date(`${date}T00:00:00Z`);
const toPlain = (date: Date) => date.toISOString().slice(0, 10);

/** The day before `date`. */
export function dayBefore(date: string): string {
  const day = toDate(date);
  day.setUTCDate(day.getUTCDate() - 1);
  return toPlain(day);
}

/** The first day of `date`'s month, `months` months earlier (0: the same month). */
export function firstOfMonth(date: string, monthsEarlier = 0): string {
  const day = toDate(date);
  return toPlain(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - monthsEarlier, 1)));
}

/**
 * The window to read for a page: the first page (`before` null) has no end (future-dated entries
 * included) and starts a month before today's; each later page is the calendar month before `before`.
 */
export function windowBefore(before: string | null, today: string): { from: string; to: string | undefined } {
  if (before === null) return { from: firstOfMonth(today, 1), to: undefined };
  const to = dayBefore(before);
  return { from: firstOfMonth(to), to };
}

/** Newest first: by date, then by when it was logged. */
export function newestFirst<T extends { date: string; created_at: string }>(a: T, b: T): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0;
}
