import type { CalendarEntry } from '@chambers/contracts/calendar';
import { formatDateTime, formatPlainDate, formatTime, todayIn } from './date-time';

type Timing = Pick<CalendarEntry, 'starts_at' | 'ends_at' | 'all_day' | 'time_zone'>;

const DAY_MS = 86_400_000;

/** The day before a `YYYY-MM-DD` date. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/**
 * When a calendar entry happens, in words: "Nov 24, 2026, 9:00 AM – 1:00 PM" in `timeZone` (the
 * reader's). An all-day entry is told by its days in the zone it was planned in, which are the same
 * days for every reader: "Nov 24, 2026 (all day)".
 */
export function formatEntryTime(entry: Timing, timeZone: string): string {
  if (entry.all_day) {
    const first = todayIn(entry.time_zone, new Date(entry.starts_at));
    const last = dayBefore(todayIn(entry.time_zone, new Date(entry.ends_at)));
    const days =
      last > first ? `${formatPlainDate(first)} – ${formatPlainDate(last)}` : formatPlainDate(first);
    return `${days} (all day)`;
  }
  const start = formatDateTime(entry.starts_at, timeZone);
  if (entry.ends_at === entry.starts_at) return start;
  const sameDay = todayIn(timeZone, new Date(entry.starts_at)) === todayIn(timeZone, new Date(entry.ends_at));
  const end = sameDay ? formatTime(entry.ends_at, timeZone) : formatDateTime(entry.ends_at, timeZone);
  return `${start} – ${end}`;
}
