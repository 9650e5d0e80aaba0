import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { makeContact } from '../support/factories/practice';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';
import { calendarKit, icsEvents, icsLines, icsUtc } from './calendar-kit';

describe('calendar entry .ics export', () => {
  let t: TestApp;
  const { nextIp, call, create } = calendarKit(() => t, '10.72');
  let admin: SignedIn;
  let attorney: SignedIn;
  let otherAdmin: SignedIn;
  let contactId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    attorney = await signIn(t.app, 'attorney@demo-firm.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    contactId = (await makeContact(t.database.db, admin.membership.firm_id, { name: 'Doe, "Jane"; Esq.' }))
      .id;
  });
  afterAll(() => t.close());

  it('exports one VEVENT: UTC times, RFC 5545 escaping, named attendees, a download named after the title', async () => {
    const entry = await create(admin, {
      title: 'Hearing; Smith, J. v. Acme\\Co',
      description: 'Line one\nLine two, with a comma; and a semicolon\r\nLast line',
      location: 'Room 4, Floor 2; County Court',
      conference_url: 'https://zoom.example/j/5550100?pwd=abc',
      starts_at: '2030-03-04T14:00:00-05:00',
      ends_at: '2030-03-04T23:00:00Z',
      time_zone: 'America/New_York',
      attendees: [
        { type: 'contact', id: contactId },
        { type: 'user', id: attorney.membership.id },
      ],
    });
    const response = await call(attorney, 'GET', `/api/v1/calendar_entries/${entry.id}/ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="hearing-smith-j-v-acme-co.ics"',
    );
    expect(icsLines(response.body)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Chambers//Calendar//EN',
      'CALSCALE:GREGORIAN',
      'BEGIN:VEVENT',
      `UID:${entry.id}@chambers`,
      `DTSTAMP:${icsUtc(entry.updated_at)}`,
      'DTSTART:20300304T190000Z',
      'DTEND:20300304T230000Z',
      'SUMMARY:Hearing\\; Smith\\, J. v. Acme\\\\Co',
      'DESCRIPTION:Line one\\nLine two\\, with a comma\\; and a semicolon\\nLast line',
      'LOCATION:Room 4\\, Floor 2\\; County Court',
      'URL:https://zoom.example/j/5550100?pwd=abc',
      `ATTENDEE;CUTYPE=INDIVIDUAL;CN="Doe, 'Jane'; Esq.":urn:uuid:${contactId}`,
      `ATTENDEE;CUTYPE=INDIVIDUAL;CN="Ari Attorney":urn:uuid:${attorney.membership.id}`,
      `CREATED:${icsUtc(entry.created_at)}`,
      `LAST-MODIFIED:${icsUtc(entry.updated_at)}`,
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    // The same revision exports the same bytes: its ETag holds until the entry changes.
    const again = await call(admin, 'GET', `/api/v1/calendar_entries/${entry.id}/ics`, undefined, {
      'if-none-match': String(response.headers.etag),
    });
    expect(again.statusCode).toBe(304);
  });

  it('folds long lines at 75 octets without splitting characters, and leaves out empty fields', async () => {
    const description = `${'Détails — '.repeat(20)}🙂 end`;
    const entry = await create(admin, {
      title: 'Ünïcödé',
      description,
      starts_at: '2030-03-05T14:00:00Z',
      ends_at: '2030-03-05T14:00:00Z',
      time_zone: 'UTC',
    });
    const response = await call(admin, 'GET', `/api/v1/calendar_entries/${entry.id}/ics`);
    expect(response.headers['content-disposition']).toBe('attachment; filename="unicode.ics"');
    const raw = response.body.split('\r\n');
    expect(raw.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(2);
    const event = icsEvents(icsLines(response.body)).get(`${entry.id}@chambers`) ?? [];
    expect(event).toContain(`DESCRIPTION:${description}`);
    expect(event.some((line) => /^(LOCATION|URL|ATTENDEE)/.test(line))).toBe(false);
    expect(event).toContain('DTSTART:20300305T140000Z');
    expect(event).toContain('DTEND:20300305T140000Z');
  });

  it('writes all-day entries as DATE values in their own time zone', async () => {
    // 25 and 26 November in Berlin: from its midnight (23:00 UTC the day before) to that of the 27th.
    const entry = await create(admin, {
      title: 'Trial',
      starts_at: '2030-11-24T23:00:00Z',
      ends_at: '2030-11-26T23:00:00Z',
      time_zone: 'Europe/Berlin',
      all_day: true,
    });
    const response = await call(admin, 'GET', `/api/v1/calendar_entries/${entry.id}/ics`);
    const event = icsEvents(icsLines(response.body)).get(`${entry.id}@chambers`) ?? [];
    expect(event).toContain('DTSTART;VALUE=DATE:20301125');
    expect(event).toContain('DTEND;VALUE=DATE:20301127');
    expect(event.some((line) => line.startsWith('DTSTART:'))).toBe(false);
  });

  it("is 404 for another firm's entry and for none at all", async () => {
    const entry = await create(admin, {
      title: 'Ours',
      starts_at: '2030-03-06T14:00:00Z',
      ends_at: '2030-03-06T15:00:00Z',
      time_zone: 'UTC',
    });
    const foreign = await call(otherAdmin, 'GET', `/api/v1/calendar_entries/${entry.id}/ics`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    const none = await call(
      admin,
      'GET',
      '/api/v1/calendar_entries/0190a000-0000-7000-8000-0000000000ff/ics',
    );
    expect(none.statusCode).toBe(404);
  });
});
