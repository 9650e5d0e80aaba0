import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeContact, makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Person {
  type: 'user' | 'contact';
  id: string;
  name: string;
}
interface Communication {
  id: string;
  matter_id: string;
  type: string;
  subject: string;
  body: string;
  occurred_at: string;
  senders: Person[];
  receivers: Person[];
  created_by: Person;
  created_at: string;
  updated_at: string;
}

describe('communication logs', () => {
  let t: TestApp;
  let admin: SignedIn;
  let attorney: SignedIn;
  let staff: SignedIn;
  let coCounsel: SignedIn;
  let otherAdmin: SignedIn;
  let matterId: string;
  let secondMatterId: string;
  let otherFirmMatterId: string;
  let client: { id: string; name: string };
  let expert: { id: string; name: string };
  let otherFirmContactId: string;

  const { nextIp, call, rows } = apiCalls(() => t, '10.65');
  const user = (session: SignedIn) => ({ type: 'user', id: session.membership.id });
  const contact = (id: string) => ({ type: 'contact', id });
  const base = () => ({
    matter_id: matterId,
    type: 'phone_call',
    subject: 'Status call',
    occurred_at: '2026-11-20T10:30:00-05:00',
    senders: [user(attorney)],
    receivers: [contact(client.id)],
  });
  const create = async (session: SignedIn, payload: object): Promise<Communication> => {
    const response = await call(session, 'POST', '/api/v1/communications', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const counts = async () =>
    (
      await rows<{
        logs: number;
        people: number;
      }>(sql`select (select count(*)::int from communications) as logs,
                   (select count(*)::int from communication_participants) as people`)
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    attorney = await signIn(t.app, 'attorney@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    const firmId = admin.membership.firm_id;
    client = await makeContact(t.database.db, firmId, { name: 'Jordan Client', isClient: true });
    expert = await makeContact(t.database.db, firmId, { name: 'Erin Expert' });
    matterId = (await makeMatter(t.database.db, firmId, { clientId: client.id })).id;
    secondMatterId = (await makeMatter(t.database.db, firmId)).id;
    otherFirmMatterId = (await makeMatter(t.database.db, otherAdmin.membership.firm_id)).id;
    otherFirmContactId = (await makeContact(t.database.db, otherAdmin.membership.firm_id)).id;
  });
  afterAll(() => t.close());

  it('logs a call: 201 with Location, people named in the order given, stored in UTC, audited', async () => {
    const response = await call(staff, 'POST', '/api/v1/communications', {
      ...base(),
      body: 'Discussed <b>timeline</b>.',
      senders: [user(attorney), contact(expert.id)],
      receivers: [contact(client.id), user(admin), user(attorney)],
    });
    expect(response.statusCode).toBe(201);
    const log: Communication = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/communications/${log.id}`);
    expect(log).toEqual({
      id: expect.any(String),
      matter_id: matterId,
      type: 'phone_call',
      subject: 'Status call',
      body: 'Discussed <b>timeline</b>.',
      occurred_at: '2026-11-20T15:30:00.000Z',
      senders: [
        { type: 'user', id: attorney.membership.id, name: 'Ari Attorney' },
        { type: 'contact', id: expert.id, name: 'Erin Expert' },
      ],
      receivers: [
        { type: 'contact', id: client.id, name: 'Jordan Client' },
        { type: 'user', id: admin.membership.id, name: 'Avery Admin' },
        { type: 'user', id: attorney.membership.id, name: 'Ari Attorney' },
      ],
      created_by: { type: 'user', id: staff.membership.id, name: 'Sam Staff' },
      created_at: expect.any(String),
      updated_at: log.created_at,
    });
    const shown = await call(admin, 'GET', String(response.headers.location));
    expect(shown.json().data).toEqual(log);
    const events = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${log.id}`,
    );
    expect(events).toEqual([{ action: 'communication.created' }]);

    // Receivers may be left out; an email with one sender is enough.
    const email = await create(admin, {
      matter_id: matterId,
      type: 'email',
      subject: 'Engagement letter',
      occurred_at: '2026-11-21T09:00:00Z',
      senders: [user(admin)],
    });
    expect(email).toMatchObject({ type: 'email', body: '', receivers: [] });
  });

  it('refuses a person listed twice in one list (422 naming the entry), writing nothing', async () => {
    const before = await counts();
    const response = await call(admin, 'POST', '/api/v1/communications', {
      ...base(),
      senders: [
        user(attorney),
        contact(expert.id),
        { type: 'user', id: attorney.membership.id.toUpperCase() },
      ],
      receivers: [contact(client.id), contact(client.id)],
    });
    expect(response.statusCode).toBe(422);
    expect(errorPaths(response)).toBe('/senders/2 /receivers/1');
    expect(await counts()).toEqual(before);
  });

  it("refuses another firm's matter, contact or user (422 naming each path) and writes nothing", async () => {
    const before = await counts();
    const response = await call(admin, 'POST', '/api/v1/communications', {
      ...base(),
      matter_id: otherFirmMatterId,
      senders: [user(attorney), user(otherAdmin)],
      receivers: [contact(client.id), contact(otherFirmContactId)],
    });
    expect(response.statusCode).toBe(422);
    expect(errorPaths(response).split(' ').sort()).toEqual(
      ['/matter_id', '/receivers/1/id', '/senders/1/id'].sort(),
    );
    // An external's membership is not a firm user.
    const external = await call(admin, 'POST', '/api/v1/communications', {
      ...base(),
      senders: [user(coCounsel)],
    });
    expect(external.statusCode).toBe(422);
    expect(errorPaths(external)).toBe('/senders/0/id');
    expect(await counts()).toEqual(before);
  });

  it('refuses unknown fields, wrong types and list sizes out of bounds (400)', async () => {
    const before = await counts();
    const many = (n: number) => Array.from({ length: n }, () => user(attorney));
    for (const payload of [
      { ...base(), firm_id: otherAdmin.membership.firm_id },
      { ...base(), created_by: user(admin) },
      { ...base(), type: 'fax' },
      { ...base(), occurred_at: 'yesterday' },
      { ...base(), subject: { text: 'x' } },
      { ...base(), senders: [] },
      { ...base(), senders: many(21) },
      { ...base(), receivers: many(51) },
      { ...base(), senders: [{ type: 'firm', id: attorney.membership.id }] },
      { ...base(), senders: [{ ...user(attorney), name: 'Ari' }] },
      { ...base(), body: 'x'.repeat(100_001) },
    ]) {
      const response = await call(admin, 'POST', '/api/v1/communications', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 120)).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });

  it('lists with matter_id, type, contact_id and updated_since filters, and pages with a cursor', async () => {
    const made = [];
    for (const [index, type] of ['email', 'phone_call', 'email', 'email', 'phone_call'].entries()) {
      made.push(
        await create(attorney, {
          ...base(),
          matter_id: secondMatterId,
          type,
          subject: `Log ${index}`,
          // The expert sends the first, receives the last; the others are between firm users.
          senders: index === 0 ? [contact(expert.id)] : [user(attorney)],
          receivers: index === 4 ? [contact(expert.id)] : [user(admin)],
        }),
      );
    }
    const subjects = async (query: string) => {
      const response = await call(admin, 'GET', `/api/v1/communications?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().data.map((log: Communication) => log.subject);
    };
    expect(await subjects(`matter_id=${secondMatterId}`)).toEqual([
      'Log 0',
      'Log 1',
      'Log 2',
      'Log 3',
      'Log 4',
    ]);
    expect(await subjects(`matter_id=${secondMatterId}&type=phone_call`)).toEqual(['Log 1', 'Log 4']);
    expect(await subjects(`contact_id=${expert.id}&matter_id=${secondMatterId}`)).toEqual(['Log 0', 'Log 4']);
    expect(await subjects(`contact_id=${otherFirmContactId}`)).toEqual([]);

    const pages: Communication[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `matter_id=${secondMatterId}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await call(admin, 'GET', `/api/v1/communications?${query}`);
      pages.push(response.json().data);
      cursor = response.json().meta.next_cursor;
    } while (cursor);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    // Each log on a page carries its own people.
    expect(pages.flat()).toEqual(made);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = await call(admin, 'PATCH', `/api/v1/communications/${made[1]?.id}`, {
      receivers: [contact(client.id)],
    });
    expect(changed.statusCode).toBe(200);
    const since = encodeURIComponent(changed.json().data.updated_at);
    expect(await subjects(`updated_since=${since}`)).toEqual(['Log 1']);

    expect((await call(otherAdmin, 'GET', '/api/v1/communications')).json().data).toEqual([]);
    for (const query of ['type=fax', 'contact_id=nope', 'updated_since=today', 'limit=201', 'q=x']) {
      expect((await call(admin, 'GET', `/api/v1/communications?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('updates with a fresh If-Match, replacing only the lists given; a stale one gets 412 and changes nothing', async () => {
    const log = await create(staff, { ...base(), senders: [user(attorney), contact(expert.id)] });
    const url = `/api/v1/communications/${log.id}`;
    const etag = String((await call(admin, 'GET', url)).headers.etag);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await call(
      admin,
      'PATCH',
      url,
      { receivers: [user(staff), contact(expert.id)], type: 'email' },
      { 'if-match': etag },
    );
    expect(updated.statusCode).toBe(200);
    const after: Communication = updated.json().data;
    expect(after.type).toBe('email');
    expect(after.senders).toEqual(log.senders);
    expect(after.receivers.map((person) => person.id)).toEqual([staff.membership.id, expert.id]);
    expect(after.updated_at > log.updated_at).toBe(true);
    expect(after.created_by.id).toBe(staff.membership.id);

    const stale = await call(admin, 'PATCH', url, { receivers: [] }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect((await call(admin, 'GET', url)).json().data).toEqual(after);

    // Lists in a change follow the same rules; a log stays on its matter.
    const twice = await call(admin, 'PATCH', url, { senders: [contact(client.id), contact(client.id)] });
    expect(twice.statusCode).toBe(422);
    const foreign = await call(admin, 'PATCH', url, { receivers: [contact(otherFirmContactId)] });
    expect(errorPaths(foreign)).toBe('/receivers/0/id');
    expect((await call(admin, 'PATCH', url, { matter_id: secondMatterId })).statusCode).toBe(400);
    expect((await call(admin, 'PATCH', url, { senders: [] })).statusCode).toBe(400);
    expect((await call(admin, 'PATCH', url, {})).statusCode).toBe(400);
    expect((await call(admin, 'GET', url)).json().data).toEqual(after);
  });

  it('deletes with its people (204, then 404), audited', async () => {
    const log = await create(admin, base());
    const url = `/api/v1/communications/${log.id}`;
    expect((await call(attorney, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(attorney, 'GET', url)).statusCode).toBe(404);
    expect((await call(attorney, 'DELETE', url)).statusCode).toBe(404);
    expect(
      await rows(sql`select 1 from communication_participants where communication_id = ${log.id}`),
    ).toEqual([]);
    const actions = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${log.id} order by id`,
    );
    expect(actions.map((event) => event.action)).toEqual(['communication.created', 'communication.deleted']);
  });

  it('replays a create with the same Idempotency-Key, and refuses the key with another body (422)', async () => {
    const before = await counts();
    const headers = { 'idempotency-key': 'communication-retry-1' };
    const first = await call(admin, 'POST', '/api/v1/communications', base(), headers);
    const retry = await call(admin, 'POST', '/api/v1/communications', base(), headers);
    expect(first.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    const other = await call(
      admin,
      'POST',
      '/api/v1/communications',
      { ...base(), subject: 'Other' },
      headers,
    );
    expect(other.statusCode).toBe(422);
    expect(await counts()).toEqual({ logs: (before?.logs ?? 0) + 1, people: (before?.people ?? 0) + 2 });
  });

  it("hides one firm's logs from another firm and from co-counsel the matter is not shared with (404)", async () => {
    const log = await create(admin, base());
    const url = `/api/v1/communications/${log.id}`;
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { subject: 'Taken over' }],
      ['DELETE', undefined],
    ] as const) {
      for (const session of [otherAdmin, coCounsel]) {
        expect((await call(session, method, url, payload)).statusCode, method).toBe(404);
      }
    }
    const listed = await call(coCounsel, 'GET', `/api/v1/communications?matter_id=${log.matter_id}`);
    expect(listed.json().data).toEqual([]);
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
    expect((await call(admin, 'GET', url)).json().data).toEqual(log);
  });
});
