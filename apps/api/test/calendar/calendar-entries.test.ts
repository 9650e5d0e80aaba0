import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { makeContact, makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';
import { calendarKit, type Entry } from './calendar-kit';

describe('calendar entries', () => {
  let t: TestApp;
  const { nextIp, call, create, rows } = calendarKit(() => t, '10.71');
  let admin: SignedIn;
  let attorney: SignedIn;
  let staff: SignedIn;
  let coCounsel: SignedIn;
  let otherAdmin: SignedIn;
  let matterId: string;
  let otherFirmMatterId: string;
  let contactId: string;
  let otherFirmContactId: string;
  let morganId: string;

  const countEntries = async () =>
    Number((await rows<{ n: number }>(sql`select count(*)::int as n from calendar_entries`))[0]?.n);
  /** Entries of one matter listed with `query`, following every cursor, as titles. */
  const titles = async (query: string, session: SignedIn = admin) => {
    const response = await call(session, 'GET', `/api/v1/calendar_entries?limit=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().data as Entry[]).map((entry) => entry.title);
  };
  const timed = (title: string, starts_at: string, ends_at: string, extra: object = {}) => ({
    title,
    starts_at,
    ends_at,
    time_zone: 'America/New_York',
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    attorney = await signIn(t.app, 'attorney@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    const db = t.database.db;
    matterId = (await makeMatter(db, admin.membership.firm_id)).id;
    otherFirmMatterId = (await makeMatter(db, otherAdmin.membership.firm_id)).id;
    contactId = (await makeContact(db, admin.membership.firm_id, { name: 'Casey Counsel' })).id;
    otherFirmContactId = (await makeContact(db, otherAdmin.membership.firm_id)).id;
    const [morgan] = await rows<{ id: string }>(
      sql`select m.id from memberships m join identities i on i.id = m.identity_id where i.email = 'morgan@demo-firm.test'`,
    );
    morganId = morgan?.id ?? '';
  });
  afterAll(() => t.close());

  it('creates an entry: 201 with Location, attendees in order with names, the caller as creator, audited', async () => {
    const response = await call(admin, 'POST', '/api/v1/calendar_entries', {
      title: 'Deposition of the procurement manager',
      description: 'Bring exhibits.',
      location: 'Conference Room A',
      conference_url: 'https://zoom.example/j/5550100?pwd=x',
      starts_at: '2030-03-04T14:00:00-05:00',
      ends_at: '2030-03-04T23:00:00Z',
      time_zone: 'America/New_York',
      matter_id: matterId,
      attendees: [
        { type: 'contact', id: contactId },
        { type: 'user', id: attorney.membership.id },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const entry: Entry = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/calendar_entries/${entry.id}`);
    expect(entry).toMatchObject({
      title: 'Deposition of the procurement manager',
      description: 'Bring exhibits.',
      location: 'Conference Room A',
      conference_url: 'https://zoom.example/j/5550100?pwd=x',
      starts_at: '2030-03-04T19:00:00.000Z',
      ends_at: '2030-03-04T23:00:00.000Z',
      time_zone: 'America/New_York',
      all_day: false,
      matter_id: matterId,
      attendees: [
        { type: 'contact', id: contactId, name: 'Casey Counsel' },
        { type: 'user', id: attorney.membership.id, name: expect.any(String) },
      ],
      created_by: { type: 'user', id: admin.membership.id, name: 'Avery Admin' },
    });
    expect(Object.keys(entry).sort()).toEqual(
      [
        'id',
        'title',
        'description',
        'location',
        'conference_url',
        'starts_at',
        'ends_at',
        'time_zone',
        'all_day',
        'matter_id',
        'attendees',
        'created_by',
        'created_at',
        'updated_at',
      ].sort(),
    );
    const shown = await call(staff, 'GET', String(response.headers.location));
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toEqual(entry);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${entry.id}`,
    );
    expect(audited.map((event) => event.action)).toEqual(['calendar_entry.created']);
  });

  it('refuses bad input with 400 and references it cannot see with 422, writing nothing', async () => {
    const base = timed('Valid', '2030-03-05T14:00:00Z', '2030-03-05T15:00:00Z');
    const before = await countEntries();
    const cases: [object, number, string][] = [
      [{ ...base, colour: 'red' }, 400, ''],
      [{ ...base, starts_at: 5 }, 400, 'body/starts_at'],
      [{ ...base, starts_at: 'tomorrow' }, 400, 'body/starts_at'],
      [{ ...base, all_day: 'yes' }, 400, 'body/all_day'],
      [{ ...base, title: '' }, 400, 'body/title'],
      [{ ...base, conference_url: 'javascript:alert(1)' }, 400, 'body/conference_url'],
      [{ ...base, conference_url: 'data:text/html,hi' }, 400, 'body/conference_url'],
      [{ ...base, conference_url: 'https://' }, 400, 'body/conference_url'],
      [{ ...base, conference_url: 'https://zoom.example/j/1 2' }, 400, 'body/conference_url'],
      [{ ...base, time_zone: 'Mars/Olympus' }, 400, 'body/time_zone'],
      [{ ...base, time_zone: '+01:00' }, 400, 'body/time_zone'],
      [{ ...base, attendees: [{ type: 'robot', id: contactId }] }, 400, 'body/attendees/0/type'],
      [
        {
          ...base,
          attendees: [
            { type: 'contact', id: contactId },
            { type: 'contact', id: contactId },
          ],
        },
        400,
        'body/attendees',
      ],
      [
        {
          ...base,
          attendees: Array.from({ length: 101 }, (_, i) => ({
            type: 'contact',
            id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
          })),
        },
        400,
        'body/attendees',
      ],
      [{ ...base, ends_at: '2030-03-05T13:59:59.999Z' }, 422, '/ends_at'],
      [{ ...base, starts_at: '2040-01-01T00:00:00Z', ends_at: '2041-01-01T00:00:00.001Z' }, 422, '/ends_at'],
      [{ ...base, starts_at: '1899-12-31T23:00:00Z' }, 422, '/starts_at'],
      [{ ...base, matter_id: otherFirmMatterId }, 422, '/matter_id'],
      [{ ...base, attendees: [{ type: 'contact', id: otherFirmContactId }] }, 422, '/attendees/0/id'],
      [
        {
          ...base,
          attendees: [
            { type: 'user', id: admin.membership.id },
            { type: 'user', id: otherAdmin.membership.id },
            { type: 'user', id: coCounsel.membership.id },
            { type: 'contact', id: attorney.membership.id },
          ],
        },
        422,
        '/attendees/1/id /attendees/2/id /attendees/3/id',
      ],
    ];
    for (const [payload, status, paths] of cases) {
      const response = await call(admin, 'POST', '/api/v1/calendar_entries', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 200)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (paths) expect(errorPaths(response)).toContain(paths);
    }
    expect(await countEntries()).toBe(before);
    // 366 days is the limit (2040 is a leap year); up to it is fine.
    await create(admin, { ...base, starts_at: '2040-01-01T00:00:00Z', ends_at: '2041-01-01T00:00:00Z' });
  });

  it('keeps all-day entries to whole days in their time zone (DST and midnight-less days included)', async () => {
    const allDay = (starts_at: string, ends_at: string, time_zone: string) => ({
      title: 'Filing deadline',
      starts_at,
      ends_at,
      time_zone,
      all_day: true,
    });
    // Winter and summer in New York, a day in Berlin (its midnight is 23:00 UTC the day before),
    // and Santiago's DST day, which starts at 01:00 because midnight is skipped.
    for (const payload of [
      allDay('2030-01-15T05:00:00Z', '2030-01-16T05:00:00Z', 'America/New_York'),
      allDay('2030-07-15T04:00:00Z', '2030-07-18T04:00:00Z', 'America/New_York'),
      allDay('2030-03-10T05:00:00Z', '2030-03-11T04:00:00Z', 'America/New_York'),
      allDay('2030-11-24T23:00:00Z', '2030-11-25T23:00:00Z', 'Europe/Berlin'),
      allDay('2026-09-06T04:00:00Z', '2026-09-07T03:00:00Z', 'America/Santiago'),
    ]) {
      const entry = await create(admin, payload);
      expect(entry.all_day).toBe(true);
      expect(entry.starts_at).toBe(new Date(payload.starts_at).toISOString());
    }
    const refused = async (payload: object) => {
      const response = await call(admin, 'POST', '/api/v1/calendar_entries', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      return errorPaths(response);
    };
    // UTC midnights are not New York midnights.
    expect(await refused(allDay('2030-01-15T00:00:00Z', '2030-01-16T00:00:00Z', 'America/New_York'))).toBe(
      '/starts_at /ends_at',
    );
    // A summer offset in winter, an end in the middle of a day, no day at all.
    expect(await refused(allDay('2030-01-15T04:00:00Z', '2030-01-16T05:00:00Z', 'America/New_York'))).toBe(
      '/starts_at',
    );
    expect(await refused(allDay('2030-01-15T05:00:00Z', '2030-01-15T17:00:00Z', 'America/New_York'))).toBe(
      '/ends_at',
    );
    expect(await refused(allDay('2030-01-15T05:00:00Z', '2030-01-15T05:00:00Z', 'America/New_York'))).toBe(
      '/ends_at',
    );

    // Changing the zone of an all-day entry re-checks it; changing its title does not.
    const entry = await create(
      admin,
      allDay('2030-02-01T05:00:00Z', '2030-02-02T05:00:00Z', 'America/New_York'),
    );
    const url = `/api/v1/calendar_entries/${entry.id}`;
    const moved = await call(admin, 'PATCH', url, { time_zone: 'Europe/Berlin' });
    expect(moved.statusCode).toBe(422);
    expect(errorPaths(moved)).toBe('/starts_at /ends_at');
    const turned = await call(admin, 'PATCH', url, { all_day: false });
    expect(turned.statusCode).toBe(200);
    expect(
      (await call(admin, 'PATCH', url, { all_day: true, starts_at: '2030-02-01T04:00:00Z' })).statusCode,
    ).toBe(422);
    expect((await call(admin, 'PATCH', url, { all_day: true })).json().data).toMatchObject({ all_day: true });
  });

  it('lists entries overlapping [from, to): touching ends and starts are out, a point at `from` is in', async () => {
    const matter = (await makeMatter(t.database.db, admin.membership.firm_id)).id;
    const on = { matter_id: matter };
    await create(admin, timed('A 10–11', '2030-05-01T10:00:00Z', '2030-05-01T11:00:00Z', on));
    await create(admin, timed('B 11–12', '2030-05-01T11:00:00Z', '2030-05-01T12:00:00Z', on));
    await create(admin, timed('C point 12', '2030-05-01T12:00:00Z', '2030-05-01T12:00:00Z', on));
    await create(admin, timed('D 09–13', '2030-05-01T09:00:00Z', '2030-05-01T13:00:00Z', on));
    await create(admin, timed('E 13–14', '2030-05-01T13:00:00Z', '2030-05-01T14:00:00Z', on));
    const m = `&matter_id=${matter}`;

    expect(await titles(m)).toEqual(['D 09–13', 'A 10–11', 'B 11–12', 'C point 12', 'E 13–14']);
    expect(await titles(`${m}&from=2030-05-01T11:00:00Z&to=2030-05-01T12:00:00Z`)).toEqual([
      'D 09–13',
      'B 11–12',
    ]);
    expect(await titles(`${m}&from=2030-05-01T12:00:00Z&to=2030-05-01T13:00:00Z`)).toEqual([
      'D 09–13',
      'C point 12',
    ]);
    expect(await titles(`${m}&from=2030-05-01T13:00:00Z`)).toEqual(['E 13–14']);
    expect(await titles(`${m}&to=2030-05-01T10:00:00Z`)).toEqual(['D 09–13']);
    // Offsets are instants like any other.
    expect(await titles(`${m}&from=2030-05-01T07:30:00-04:00&to=2030-05-01T08:30:00-04:00`)).toEqual([
      'D 09–13',
      'B 11–12',
      'C point 12',
    ]);
    // Far-off bounds are fine.
    expect(await titles(`${m}&from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z`)).toHaveLength(5);

    const backwards = await call(
      admin,
      'GET',
      `/api/v1/calendar_entries?from=2030-05-02T00:00:00Z&to=2030-05-01T00:00:00Z`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(errorPaths(backwards)).toBe('querystring/to');
    const empty = await call(
      admin,
      'GET',
      `/api/v1/calendar_entries?from=2030-05-01T11:00:00Z&to=2030-05-01T07:00:00-04:00`,
    );
    expect(empty.statusCode).toBe(400);
    expect((await call(admin, 'GET', '/api/v1/calendar_entries?from=yesterday')).statusCode).toBe(400);
    expect((await call(admin, 'GET', '/api/v1/calendar_entries?colour=red')).statusCode).toBe(400);
  });

  it('pages by start time then id, across many entries starting at the same instant', async () => {
    const matter = (await makeMatter(t.database.db, admin.membership.firm_id)).id;
    const on = { matter_id: matter };
    await create(admin, timed('late', '2030-06-02T09:00:00Z', '2030-06-02T10:00:00Z', on));
    for (let i = 0; i < 5; i++) {
      await create(admin, timed(`same ${i}`, '2030-06-01T09:00:00Z', '2030-06-01T10:00:00Z', on));
    }
    await create(admin, timed('early', '2030-05-31T09:00:00.001Z', '2030-06-01T10:00:00Z', on));
    const all = (await call(admin, 'GET', `/api/v1/calendar_entries?matter_id=${matter}`)).json()
      .data as Entry[];
    expect(all.map((entry) => entry.title)).toEqual([
      'early',
      'same 0',
      'same 1',
      'same 2',
      'same 3',
      'same 4',
      'late',
    ]);

    const seen: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `matter_id=${matter}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await call(admin, 'GET', `/api/v1/calendar_entries?${query}`);
      expect(page.statusCode).toBe(200);
      const body = page.json();
      seen.push(...body.data);
      cursor = body.meta.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen.map((entry) => entry.id)).toEqual(all.map((entry) => entry.id));

    // Cursors are checked: garbage, another list's id cursor and a doctored one are all 400.
    const first = (await call(admin, 'GET', `/api/v1/calendar_entries?matter_id=${matter}&limit=2`)).json()
      .meta.next_cursor as string;
    const decoded = Buffer.from(first, 'base64url').toString('utf8');
    for (const bad of [
      'bm9wZQ',
      Buffer.from(all[0]?.id ?? '').toString('base64url'),
      Buffer.from(decoded.replace(/^t\.\d+/, 't.99999999999999999')).toString('base64url'),
      Buffer.from(decoded.replace(/^t\./, 't.x')).toString('base64url'),
      Buffer.from(`${decoded}'; drop table calendar_entries; --`).toString('base64url'),
    ]) {
      const response = await call(admin, 'GET', `/api/v1/calendar_entries?cursor=${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(errorPaths(response)).toBe('querystring/cursor');
    }
  });

  it('filters by matter, attendee (user or contact) and updated_since', async () => {
    const matter = (await makeMatter(t.database.db, admin.membership.firm_id)).id;
    const contact = (await makeContact(t.database.db, admin.membership.firm_id)).id;
    const window = '&from=2030-08-01T00:00:00Z&to=2030-09-01T00:00:00Z';
    await create(
      admin,
      timed('with staff', '2030-08-01T10:00:00Z', '2030-08-01T11:00:00Z', {
        attendees: [{ type: 'user', id: staff.membership.id }],
      }),
    );
    await create(
      admin,
      timed('with contact on matter', '2030-08-02T10:00:00Z', '2030-08-02T11:00:00Z', {
        matter_id: matter,
        attendees: [{ type: 'contact', id: contact }],
      }),
    );
    await create(
      admin,
      timed('with both', '2030-08-03T10:00:00Z', '2030-08-03T11:00:00Z', {
        attendees: [
          { type: 'contact', id: contact },
          { type: 'user', id: staff.membership.id },
        ],
      }),
    );
    expect(await titles(window)).toEqual(['with staff', 'with contact on matter', 'with both']);
    expect(await titles(`${window}&matter_id=${matter}`)).toEqual(['with contact on matter']);
    expect(await titles(`${window}&attendee_user_id=${staff.membership.id}`)).toEqual([
      'with staff',
      'with both',
    ]);
    expect(await titles(`${window}&attendee_contact_id=${contact}`)).toEqual([
      'with contact on matter',
      'with both',
    ]);
    expect(
      await titles(`${window}&attendee_contact_id=${contact}&attendee_user_id=${staff.membership.id}`),
    ).toEqual(['with both']);
    // Another firm's matter or person simply matches nothing.
    expect(await titles(`&matter_id=${otherFirmMatterId}`)).toEqual([]);

    const mark = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [first] = (await call(admin, 'GET', `/api/v1/calendar_entries?limit=1${window}`)).json()
      .data as Entry[];
    await call(admin, 'PATCH', `/api/v1/calendar_entries/${first?.id}`, { title: 'with staff (moved)' });
    expect(await titles(`${window}&updated_since=${encodeURIComponent(mark.toISOString())}`)).toEqual([
      'with staff (moved)',
    ]);
    for (const bad of [
      'matter_id=nope',
      'attendee_user_id=1',
      'updated_since=today',
      'limit=0',
      'limit=201',
    ]) {
      expect((await call(admin, 'GET', `/api/v1/calendar_entries?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it('updates with If-Match: a fresh tag changes it (attendees replaced), a stale one is 412 and changes nothing', async () => {
    const entry = await create(
      attorney,
      timed('Call', '2030-09-01T15:00:00Z', '2030-09-01T16:00:00Z', {
        attendees: [{ type: 'user', id: attorney.membership.id }],
      }),
    );
    const url = `/api/v1/calendar_entries/${entry.id}`;
    const read = await call(staff, 'GET', url);
    const etag = String(read.headers.etag);
    const updated = await call(
      staff,
      'PATCH',
      url,
      {
        title: 'Call with client',
        location: null,
        conference_url: 'https://meet.example/abc',
        matter_id: matterId,
        attendees: [
          { type: 'contact', id: contactId },
          { type: 'user', id: staff.membership.id },
        ],
      },
      { 'if-match': etag },
    );
    expect(updated.statusCode, updated.body).toBe(200);
    const after: Entry = updated.json().data;
    expect(after).toMatchObject({
      title: 'Call with client',
      conference_url: 'https://meet.example/abc',
      matter_id: matterId,
      starts_at: entry.starts_at,
      created_by: { id: attorney.membership.id },
    });
    expect(after.attendees.map((person) => person.id)).toEqual([contactId, staff.membership.id]);
    expect(after.updated_at > entry.updated_at).toBe(true);

    const stale = await call(staff, 'PATCH', url, { title: 'Stale' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect((await call(staff, 'GET', url)).json().data).toEqual(after);

    // Clearing: no matter, no attendees. An empty change and unknown fields are 400.
    const cleared = await call(staff, 'PATCH', url, { matter_id: null, attendees: [] });
    expect(cleared.json().data).toMatchObject({ matter_id: null, attendees: [] });
    expect((await call(staff, 'PATCH', url, {})).statusCode).toBe(400);
    expect((await call(staff, 'PATCH', url, { created_by: admin.membership.id })).statusCode).toBe(400);
    expect((await call(staff, 'PATCH', url, { ends_at: '2030-09-01T14:00:00Z' })).statusCode).toBe(422);
    expect((await call(staff, 'PATCH', url, { matter_id: otherFirmMatterId })).statusCode).toBe(422);
    expect((await call(staff, 'GET', url)).json().data).toEqual(cleared.json().data);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${entry.id} order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual([
      'calendar_entry.created',
      'calendar_entry.updated',
      'calendar_entry.updated',
    ]);
  });

  it('keeps a deactivated user already attending, but refuses adding one', async () => {
    const entry = await create(
      admin,
      timed('Team meeting', '2030-10-01T15:00:00Z', '2030-10-01T16:00:00Z', {
        attendees: [{ type: 'user', id: morganId }],
      }),
    );
    const url = `/api/v1/calendar_entries/${entry.id}`;
    expect((await call(admin, 'POST', `/api/v1/users/${morganId}/deactivate`)).statusCode).toBe(200);
    try {
      const kept = await call(admin, 'PATCH', url, {
        attendees: [
          { type: 'user', id: morganId },
          { type: 'contact', id: contactId },
        ],
      });
      expect(kept.statusCode, kept.body).toBe(200);
      const other = await create(admin, timed('Another', '2030-10-02T15:00:00Z', '2030-10-02T16:00:00Z'));
      const added = await call(admin, 'PATCH', `/api/v1/calendar_entries/${other.id}`, {
        attendees: [
          { type: 'contact', id: contactId },
          { type: 'user', id: morganId },
        ],
      });
      expect(added.statusCode).toBe(422);
      expect(errorPaths(added)).toBe('/attendees/1/id');
    } finally {
      await call(admin, 'POST', `/api/v1/users/${morganId}/reactivate`);
    }
  });

  it('deletes: 204, then 404; audited', async () => {
    const entry = await create(
      staff,
      timed('Doomed', '2030-11-01T15:00:00Z', '2030-11-01T16:00:00Z', {
        attendees: [{ type: 'contact', id: contactId }],
      }),
    );
    const url = `/api/v1/calendar_entries/${entry.id}`;
    const etag = String((await call(admin, 'GET', url)).headers.etag);
    expect((await call(admin, 'DELETE', url, undefined, { 'if-match': '"stale"' })).statusCode).toBe(412);
    expect((await call(admin, 'DELETE', url, undefined, { 'if-match': etag })).statusCode).toBe(204);
    expect((await call(admin, 'GET', url)).statusCode).toBe(404);
    expect((await call(admin, 'DELETE', url)).statusCode).toBe(404);
    expect(await rows(sql`select id from calendar_attendees where entry_id = ${entry.id}`)).toEqual([]);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${entry.id} order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual([
      'calendar_entry.created',
      'calendar_entry.deleted',
    ]);
  });

  it('replays a create with the same Idempotency-Key (one row) and refuses the key with another body', async () => {
    const payload = timed('Once', '2030-12-01T15:00:00Z', '2030-12-01T16:00:00Z');
    const headers = { 'idempotency-key': 'calendar-retry-1' };
    const before = await countEntries();
    const first = await call(admin, 'POST', '/api/v1/calendar_entries', payload, headers);
    const again = await call(admin, 'POST', '/api/v1/calendar_entries', payload, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(await countEntries()).toBe(before + 1);
    const other = await call(
      admin,
      'POST',
      '/api/v1/calendar_entries',
      { ...payload, title: 'Twice' },
      headers,
    );
    expect(other.statusCode).toBe(422);
    expect(await countEntries()).toBe(before + 1);
  });

  it("hides another firm's entries, and those a co-counsel does not attend (404 for every route), and refuses the anonymous", async () => {
    const entry = await create(admin, timed('Private', '2031-01-01T15:00:00Z', '2031-01-01T16:00:00Z'));
    const url = `/api/v1/calendar_entries/${entry.id}`;
    const before = await countEntries();
    for (const [method, path, payload] of [
      ['GET', url],
      ['GET', `${url}/ics`],
      ['PATCH', url, { title: 'Mine now' }],
      ['DELETE', url],
    ] as const) {
      for (const session of [otherAdmin, coCounsel]) {
        const response = await call(session, method, path, payload);
        expect(response.statusCode, `${method} ${path}`).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect((await call(null, method, path, payload)).statusCode).toBe(401);
    }
    expect(await titles('&from=2031-01-01T00:00:00Z&to=2031-01-02T00:00:00Z', otherAdmin)).toEqual([]);
    expect(await titles('&from=2031-01-01T00:00:00Z&to=2031-01-02T00:00:00Z', coCounsel)).toEqual([]);
    expect((await call(admin, 'GET', '/api/v1/calendar_entries/not-an-id')).statusCode).toBe(400);
    expect(await countEntries()).toBe(before);
    expect((await call(admin, 'GET', url)).json().data).toEqual(entry);
  });
});
