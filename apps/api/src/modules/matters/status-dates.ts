import type { MatterStatus } from '@chambers/contracts/matters';
import { AppError } from '../../errors/app-error';

export interface StatusDates {
  status: MatterStatus;
  openDate: string | null;
  closeDate: string | null;
}

/** Today's date in UTC, `YYYY-MM-DD`. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * A matter's status and dates after a create (`current` null) or an update: closing sets the
 * close date (today unless given), reopening clears it, and a matter never closes before it
 * opened. Refuses (422) a close date on a matter that is not closed, rather than dropping it.
 */
export function statusDates(
  current: StatusDates | null,
  given: { status?: MatterStatus; open_date?: string; close_date?: string | null },
  today: string,
): StatusDates {
  const status = given.status ?? current?.status ?? 'open';
  const openDate = given.open_date ?? current?.openDate ?? today;
  const unprocessable = (message: string) =>
    new AppError('unprocessable', message, { errors: [{ path: '/close_date', message }] });

  if (status !== 'closed') {
    if (given.close_date) throw unprocessable('Only a closed matter has a close date.');
    return { status, openDate, closeDate: null };
  }
  if (given.close_date === null) throw unprocessable('A closed matter has a close date.');
  const closeDate = given.close_date ?? (current?.status === 'closed' ? current.closeDate : null) ?? today;
  if (openDate !== null && closeDate < openDate) {
    throw unprocessable('The close date is before the open date.');
  }
  return { status, openDate, closeDate };
}
