import { MAX_ENTRY_DAYS } from '@chambers/contracts/calendar';
import { AppError, type FieldError } from '../../errors/app-error';
import { isIanaTimeZone, startsADay } from '../../lib/zoned-time';

/** When an entry happens, as stored. */
export interface Timing {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  allDay: boolean;
}

export const DAY_MS = 86_400_000;
/** Entries happen between these instants: far enough for any practice, and PostgreSQL-safe. */
const EARLIEST = Date.parse('1900-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** 400 for a zone the runtime does not know, as for a user's own time zone. */
export function assertTimeZone(zone: string): void {
  if (!isIanaTimeZone(zone)) {
    throw new AppError('validation_failed', 'time_zone must be an IANA time zone such as Europe/London.', {
      errors: [{ path: 'body/time_zone', message: 'is not an IANA time zone' }],
    });
  }
}

/**
 * The entry's timing rules, each broken one named (422): ends no earlier than it starts, lasts at
 * most MAX_ENTRY_DAYS, and an all-day entry runs from the start of a day in its zone to the start
 * of a later one (docs/decisions/014).
 */
export function assertTiming(timing: Timing): void {
  const { startsAt, endsAt, timeZone, allDay } = timing;
  const errors: FieldError[] = [];
  for (const [path, instant] of [
    ['/starts_at', startsAt],
    ['/ends_at', endsAt],
  ] as const) {
    if (!(instant.getTime() >= EARLIEST && instant.getTime() <= LATEST)) {
      errors.push({ path, message: 'must be between the years 1900 and 9999.' });
    }
  }
  if (errors.length === 0) {
    const length = endsAt.getTime() - startsAt.getTime();
    if (length < 0) errors.push({ path: '/ends_at', message: 'must not be before starts_at.' });
    else if (length > MAX_ENTRY_DAYS * DAY_MS) {
      errors.push({ path: '/ends_at', message: `must be at most ${MAX_ENTRY_DAYS} days after starts_at.` });
    } else if (allDay) {
      if (!startsADay(startsAt, timeZone)) {
        errors.push({ path: '/starts_at', message: `must be the start (midnight) of a day in ${timeZone}.` });
      }
      if (!startsADay(endsAt, timeZone)) {
        errors.push({
          path: '/ends_at',
          message: `must be the start (midnight) of the day after the last day, in ${timeZone}.`,
        });
      }
      if (length === 0)
        errors.push({ path: '/ends_at', message: 'an all-day entry lasts at least one day.' });
    }
  }
  if (errors.length > 0) {
    throw new AppError('unprocessable', 'The entry’s start and end break a rule.', { errors });
  }
}

/**
 * A timestamp from a query string. Every entry lies within 1900–9999, so clamping a filter to that
 * span changes no answer and keeps the database's timestamp range out of reach.
 */
export function queryInstant(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new AppError('validation_failed', `${name} is not a valid date-time.`, {
      errors: [{ path: `querystring/${name}`, message: 'is not a valid date-time' }],
    });
  }
  return new Date(Math.min(Math.max(ms, EARLIEST), LATEST));
}
