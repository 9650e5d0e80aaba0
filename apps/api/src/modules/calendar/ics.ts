import type { Person } from '@chambers/contracts/people';
import { localDateOf } from '../../lib/zoned-time';

/**
 * iCalendar (RFC 5545) output: one entry as an `.ics` file, or a feed of many. Written by hand
 * rather than with a library (docs/decisions/014): attendees have no email here, timed events are
 * exact UTC instants, and every value is escaped and folded by the rules below.
 */

/** What an event needs to be written; the entry as the API answers it. */
export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  location: string | null;
  conferenceUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  allDay: boolean;
  attendees: readonly Person[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Control characters no TEXT or parameter value may carry (RFC 5545 §3.1 CONTROL, and C1 too).
 * Tab stays; line breaks are kept here for the escaping below to turn into `\n`.
 */
const CONTROL = /[^\P{Cc}\t\n\r]/gu;

/** A TEXT value (§3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (§3.2), always quoted: a quoted value cannot hold DQUOTE, so it becomes '. */
function quotedParam(value: string): string {
  return `"${value
    .replace(CONTROL, '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/"/g, "'")}"`;
}

/**
 * Folds a content line to at most 75 octets per line (§3.1): continuation lines start with one
 * space, and a UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `YYYYMMDDTHHMMSSZ` (§3.3.5, form #2: UTC). */
function utcDateTime(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** `YYYYMMDD` of the day `instant` falls on in `zone` (§3.3.4). */
function date(instant: Date, zone: string): string {
  return localDateOf(instant, zone).replace(/-/g, '');
}

function eventLines(event: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.id}@chambers`,
    // No METHOD is sent, so DTSTAMP is the entry's last revision: the output is stable per revision.
    `DTSTAMP:${utcDateTime(event.updatedAt)}`,
  ];
  if (event.allDay) {
    lines.push(
      `DTSTART;VALUE=DATE:${date(event.startsAt, event.timeZone)}`,
      `DTEND;VALUE=DATE:${date(event.endsAt, event.timeZone)}`,
    );
  } else {
    // Exact instants in UTC need no VTIMEZONE; without recurrence nothing depends on the zone's rules.
    lines.push(`DTSTART:${utcDateTime(event.startsAt)}`, `DTEND:${utcDateTime(event.endsAt)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.title)}`);
  if (event.description !== '') lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location !== null) lines.push(`LOCATION:${escapeText(event.location)}`);
  // A URI value, not TEXT: not escaped (validated as http(s) without whitespace on the way in).
  if (event.conferenceUrl !== null) lines.push(`URL:${event.conferenceUrl}`);
  for (const attendee of event.attendees) {
    // People are named but their addresses are not published (the JSON answer has none either).
    lines.push(
      `ATTENDEE;CUTYPE=INDIVIDUAL;CN=${quotedParam(attendee.name)}:urn:uuid:${attendee.id.toLowerCase()}`,
    );
  }
  lines.push(
    `CREATED:${utcDateTime(event.createdAt)}`,
    `LAST-MODIFIED:${utcDateTime(event.updatedAt)}`,
    'END:VEVENT',
  );
  return lines;
}

/** A VCALENDAR object holding `events`, as CRLF-terminated, folded lines. */
export function calendarObject(events: readonly IcsEvent[], options: { name?: string } = {}): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Chambers//Calendar//EN', 'CALSCALE:GREGORIAN'];
  if (options.name !== undefined) {
    // A subscribed feed: its name in calendar apps, and how often to poll it.
    lines.push(
      `X-WR-CALNAME:${escapeText(options.name)}`,
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'X-PUBLISHED-TTL:PT1H',
    );
  }
  for (const event of events) lines.push(...eventLines(event));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** An ASCII file name for an entry's `.ics` download, from its title. */
export function icsFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
    .toLowerCase();
  return `${slug || 'calendar-entry'}.ics`;
}
