import { describe, expect, it } from 'vitest';
import { formatEntryTime } from './calendar-entry-time';
import { calendarEventOf } from './calendar-view';

const NEW_YORK = 'America/New_York';
const timed = {
  starts_at: '2026-11-24T14:00:00.000Z',
  ends_at: '2026-11-24T18:00:00.000Z',
  time_zone: NEW_YORK,
  all_day: false,
};
// 24 and 25 Nov 2026 in New York: midnight there is 05:00 UTC.
const allDay = {
  starts_at: '2026-11-24T05:00:00.000Z',
  ends_at: '2026-11-26T05:00:00.000Z',
  time_zone: NEW_YORK,
  all_day: true,
};

describe('formatEntryTime', () => {
  it('tells a timed entry in the reader’s zone, the end as a time on the same day', () => {
    expect(formatEntryTime(timed, NEW_YORK)).toMatch(/^Nov 24, 2026, 9:00\sAM – 1:00\sPM$/);
    expect(formatEntryTime(timed, 'Asia/Tokyo')).toMatch(
      /^Nov 24, 2026, 11:00\sPM – Nov 25, 2026, 3:00\sAM$/,
    );
  });

  it('tells an entry of no length by its start', () => {
    expect(formatEntryTime({ ...timed, ends_at: timed.starts_at }, 'UTC')).toMatch(
      /^Nov 24, 2026, 2:00\sPM$/,
    );
  });

  it('tells an all-day entry by its own days, wherever the reader is', () => {
    expect(formatEntryTime(allDay, 'Asia/Tokyo')).toBe('Nov 24, 2026 – Nov 25, 2026 (all day)');
    expect(formatEntryTime({ ...allDay, ends_at: '2026-11-25T05:00:00.000Z' }, 'UTC')).toBe(
      'Nov 24, 2026 (all day)',
    );
  });
});

describe('calendarEventOf', () => {
  const entry = {
    id: 'e1',
    title: 'Hearing',
    description: '',
    location: null,
    conference_url: null,
    matter_id: null,
    attendees: [],
    created_by: { type: 'user' as const, id: 'u1', name: 'Ari Attorney' },
    created_at: timed.starts_at,
    updated_at: timed.starts_at,
  };

  it('keeps a timed entry’s instants', () => {
    expect(calendarEventOf({ ...entry, ...timed })).toEqual({
      id: 'e1',
      title: 'Hearing',
      start: timed.starts_at,
      end: timed.ends_at,
      allDay: false,
    });
  });

  it('lays an all-day entry out by its dates in its own zone, the end exclusive', () => {
    expect(calendarEventOf({ ...entry, ...allDay })).toMatchObject({
      start: '2026-11-24',
      end: '2026-11-26',
      allDay: true,
    });
  });
});
