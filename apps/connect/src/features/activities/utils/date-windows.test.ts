import { describe, expect, it } from 'vitest';
import { dayBefore, firstOfMonth, newestFirst, windowBefore } from './date-windows';

describe('date windows', () => {
  it('steps back a day across month and year ends, and leap days', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });

  it('finds the first of a month, some months earlier', () => {
    expect(firstOfMonth('2026-11-22')).toBe('2026-11-01');
    expect(firstOfMonth('2026-01-15', 1)).toBe('2025-12-01');
  });

  it('opens with last month and everything after, then reads one month at a time backwards', () => {
    expect(windowBefore(null, '2026-11-22')).toEqual({ from: '2026-10-01', to: undefined });
    expect(windowBefore('2026-10-01', '2026-11-22')).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(windowBefore('2026-01-01', '2026-11-22')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('sorts by date, then by when it was logged, newest first', () => {
    const rows = [
      { date: '2026-11-01', created_at: '2026-11-01T10:00:00Z' },
      { date: '2026-11-02', created_at: '2026-11-01T09:00:00Z' },
      { date: '2026-11-01', created_at: '2026-11-01T11:00:00Z' },
    ];
    expect([...rows].sort(newestFirst).map((r) => r.created_at)).toEqual([
      '2026-11-01T09:00:00Z',
      '2026-11-01T11:00:00Z',
      '2026-11-01T10:00:00Z',
    ]);
  });
});
