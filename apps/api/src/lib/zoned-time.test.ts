import { describe, expect, it } from 'vitest';
import { isIanaTimeZone, localDateOf, startOfDay, startsADay } from './zoned-time';

describe('zoned time', () => {
  it('knows IANA zones and their aliases, not offsets or made-up names', () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Asia/Calcutta', 'Etc/GMT+5']) {
      expect(isIanaTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ['+01:00', 'GMT+1:00', 'Mars/Olympus', 'Europe/', '', 'America/New York']) {
      expect(isIanaTimeZone(zone), zone).toBe(false);
    }
  });

  it('finds the date an instant falls on in a zone', () => {
    expect(localDateOf(new Date('2030-11-24T23:00:00Z'), 'Europe/Berlin')).toBe('2030-11-25');
    expect(localDateOf(new Date('2030-11-24T23:00:00Z'), 'America/New_York')).toBe('2030-11-24');
  });

  it('tells the first instant of a day in a zone, also where DST skips midnight', () => {
    expect(startsADay(new Date('2030-01-15T05:00:00Z'), 'America/New_York')).toBe(true);
    expect(startsADay(new Date('2030-07-15T04:00:00Z'), 'America/New_York')).toBe(true);
    expect(startsADay(new Date('2030-07-15T05:00:00Z'), 'America/New_York')).toBe(false);
    expect(startsADay(new Date('2030-01-15T05:00:00.001Z'), 'America/New_York')).toBe(false);
    // Santiago springs forward at midnight on 6 September 2026: that day starts at 01:00 (04:00 UTC).
    expect(startsADay(new Date('2026-09-06T04:00:00Z'), 'America/Santiago')).toBe(true);
  });

  it('finds the first instant of a date in a zone, in winter, in summer, across DST and far east', () => {
    expect(startOfDay('2030-01-15', 'America/New_York').toISOString()).toBe('2030-01-15T05:00:00.000Z');
    expect(startOfDay('2030-07-15', 'America/New_York').toISOString()).toBe('2030-07-15T04:00:00.000Z');
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(startOfDay('2030-01-01', 'Pacific/Kiritimati').toISOString()).toBe('2029-12-31T10:00:00.000Z');
    expect(startOfDay('2030-01-01', 'Etc/GMT+12').toISOString()).toBe('2030-01-01T12:00:00.000Z');
  });
});
