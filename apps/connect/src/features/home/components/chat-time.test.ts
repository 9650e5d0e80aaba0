import { describe, expect, it } from 'vitest';
import { chatTime } from './chat-time';

describe('chatTime', () => {
  const now = new Date('2026-11-22T15:00:00Z');

  it('shows the clock time for a message of the same day in the zone', () => {
    expect(chatTime('2026-11-22T09:30:00Z', 'UTC', now)).toMatch(/9:30/);
  });

  it('shows the day for an older message', () => {
    expect(chatTime('2026-11-20T09:30:00Z', 'UTC', now)).toMatch(/Nov 20, 2026/);
  });

  it('decides "today" in the person\'s zone, not in UTC', () => {
    // 03:00 UTC on the 22nd is still the 21st in New York.
    expect(chatTime('2026-11-22T03:00:00Z', 'America/New_York', now)).toMatch(/Nov 21, 2026/);
    expect(chatTime('2026-11-22T03:00:00Z', 'Asia/Tokyo', new Date('2026-11-22T10:00:00Z'))).toMatch(/12:00/);
  });
});
