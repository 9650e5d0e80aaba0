import type { HomeEvent } from '@chambers/contracts/home';
import { formatDate, formatDateTime, useTimeZone } from '@chambers/ui/date-time';

/**
 * When an event takes place, in the person's zone. An all-day event is a day where it was planned,
 * so its date is read in its own zone (midnight there may be the day before elsewhere).
 */
export function EventWhen({ event }: { event: HomeEvent }) {
  const timeZone = useTimeZone();
  const text = event.all_day
    ? `${formatDate(event.starts_at, event.time_zone)}, all day`
    : formatDateTime(event.starts_at, timeZone);
  return <time dateTime={event.starts_at}>{text}</time>;
}
