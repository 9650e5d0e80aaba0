import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { statusDates, todayUtc } from './status-dates';

const today = '2026-06-15';
const open = { status: 'open' as const, openDate: '2026-01-10', closeDate: null };
const closed = { status: 'closed' as const, openDate: '2026-01-10', closeDate: '2026-05-01' };

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.status === 422) return error.detail ?? '';
  }
  throw new Error('expected a 422');
}

describe('statusDates', () => {
  it('opens today by default and closes today unless a date is given', () => {
    expect(statusDates(null, {}, today)).toEqual({ status: 'open', openDate: today, closeDate: null });
    expect(statusDates(null, { status: 'closed' }, today)).toMatchObject({ closeDate: today });
    expect(statusDates(open, { status: 'closed', close_date: '2026-02-01' }, today)).toEqual({
      status: 'closed',
      openDate: '2026-01-10',
      closeDate: '2026-02-01',
    });
  });

  it('keeps a closed matter’s date, moves it when given, and clears it on reopening', () => {
    expect(statusDates(closed, {}, today).closeDate).toBe('2026-05-01');
    expect(statusDates(closed, { close_date: '2026-05-02' }, today).closeDate).toBe('2026-05-02');
    expect(statusDates(closed, { status: 'pending' }, today)).toMatchObject({
      status: 'pending',
      closeDate: null,
    });
    expect(statusDates(closed, { status: 'open', close_date: null }, today).closeDate).toBeNull();
  });

  it('refuses a close date on a matter that is not closed, none on a closed one, and one before the opening', () => {
    expect(refusal(() => statusDates(open, { close_date: '2026-02-01' }, today))).toMatch(/Only a closed/);
    expect(refusal(() => statusDates(closed, { close_date: null }, today))).toMatch(/has a close date/);
    expect(refusal(() => statusDates(closed, { open_date: '2026-05-02' }, today))).toMatch(/before the open/);
    expect(refusal(() => statusDates(null, { status: 'closed', open_date: '2999-01-01' }, today))).toMatch(
      /before the open/,
    );
  });

  it('reads today in UTC', () => {
    expect(todayUtc(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
  });
});
