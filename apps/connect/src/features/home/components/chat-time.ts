import { formatDate, formatTime, todayIn } from '@chambers/ui/date-time';

/** A chat list's time: the clock time for a message from today, else its day (in the person's zone). */
export function chatTime(iso: string, timeZone: string, now: Date = new Date()): string {
  const sameDay = todayIn(timeZone, new Date(iso)) === todayIn(timeZone, now);
  return sameDay ? formatTime(iso, timeZone) : formatDate(iso, timeZone);
}
