import { expect } from 'vitest';
import { apiCalls } from '../support/api-calls';
import type { SignedIn } from '../support/sessions';
import type { TestApp } from '../support/test-app';

/** What the calendar tests share: calling the API as someone, and reading rows directly. */

export interface Entry {
  id: string;
  title: string;
  description: string;
  location: string | null;
  conference_url: string | null;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  all_day: boolean;
  matter_id: string | null;
  attendees: { type: string; id: string; name: string }[];
  created_by: { type: string; id: string; name: string };
  created_at: string;
  updated_at: string;
}

/** The shared API calls, plus creating an entry as someone. */
export function calendarKit(app: () => TestApp, network: string) {
  const { nextIp, call, rows } = apiCalls(app, network);
  const create = async (session: SignedIn, payload: object): Promise<Entry> => {
    const response = await call(session, 'POST', '/api/v1/calendar_entries', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  return { nextIp, call, create, rows };
}

/**
 * Reads an iCalendar body back (RFC 5545 §3.1): checks CRLF line ends and the 75-octet fold
 * limit, then unfolds it into content lines.
 */
export function icsLines(body: string): string[] {
  expect(body.endsWith('\r\n')).toBe(true);
  const physical = body.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  }
  return physical.reduce<string[]>((lines, line) => {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
    return lines;
  }, []);
}

/** The VEVENT blocks of an unfolded calendar, keyed by UID. */
export function icsEvents(lines: string[]): Map<string, string[]> {
  const events = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT' && current) {
      const uid = current.find((property) => property.startsWith('UID:'))?.slice(4) ?? '';
      events.set(uid, current);
      current = null;
    } else current?.push(line);
  }
  return events;
}

/** `2030-03-04T19:00:00.000Z` as an iCalendar UTC date-time, `20300304T190000Z`. */
export const icsUtc = (timestamp: string) => `${timestamp.slice(0, 19).replace(/[-:]/g, '')}Z`;
