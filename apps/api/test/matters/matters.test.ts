import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/db/schema/activities';
import { notes } from '../../src/db/schema/notes';
import { todayUtc } from '../../src/modules/matters/status-dates';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeContact } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Matter {
  id: string;
  number: string;
  description: string;
  status: string;
  open_date: string | null;
  close_date: string | null;
  updated_at: string;
  [field: string]: unknown;
}

describe('matters', () => {
  let t: TestApp;
  let admin: SignedIn;
  let attorney: SignedIn;
  let staff: SignedIn;
  let otherAdmin: SignedIn;
  let firmId: string;
  /** A client contact most tests open their matters for. */
  let clientId: string;

  const { nextIp, call, rows } = apiCalls(() => t, '10.63');
  const create = async (payload: object, session = admin): Promise<Matter> => {
    const response = await call(session, 'POST', '/api/v1/matters', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const open = (description: string, extra: object = {}) =>
    create({ description, client_id: clientId, ...extra });
  const listIds = async (query: string, session = admin): Promise<string[]> => {
    const response = await call(session, 'GET', `/api/v1/matters?limit=200&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data.map((matter: Matter) => matter.id);
  };
  const counter = async () => {
    const [firm] = await rows<{ matter_counter: number }>(
      sql`select matter_counter from firms where id = ${firmId}`,
    );
    return Number(firm?.matter_counter);
  };
  const countMatters = async (description: string) =>
    (await rows(sql`select 1 from matters where description = ${description}`)).length;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    attorney = await signIn(t.app, 'attorney@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    firmId = admin.membership.firm_id;
    clientId = (await makeContact(t.database.db, firmId, { name: 'Baseline Client' })).id;
  });
  afterAll(() => t.close());

  it('opens a matter under the next number: 201 with Location, client marked, names resolved, audited', async () => {
    const before = await counter();
    const prospect = await makeContact(t.database.db, firmId, { name: 'Northwind Freight', isClient: false });
    const expert = await makeContact(t.database.db, firmId, { name: 'Dana Whitfield' });
    const response = await call(staff, 'POST', '/api/v1/matters', {
      description: 'Northwind v. Harbor Logistics',
      client_id: prospect.id,
      responsible_attorney_id: attorney.membership.id,
      originating_attorney_id: admin.membership.id,
      practice_area: 'Commercial litigation',
      billing_method: 'flat_fee',
      rate: 35000,
      related_contacts: [{ contact_id: expert.id, relationship: 'Expert witness' }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const matter = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/matters/${matter.id}`);
    expect(matter).toEqual({
      id: expect.any(String),
      number: String(before + 1).padStart(5, '0'),
      description: 'Northwind v. Harbor Logistics',
      client: { id: prospect.id, name: 'Northwind Freight' },
      responsible_attorney: { id: attorney.membership.id, name: 'Ari Attorney' },
      originating_attorney: { id: admin.membership.id, name: 'Avery Admin' },
      status: 'open',
      open_date: todayUtc(),
      close_date: null,
      practice_area: 'Commercial litigation',
      billing: { method: 'flat_fee', rate: 35000 },
      related_contacts: [
        { contact: { id: expert.id, name: 'Dana Whitfield' }, relationship: 'Expert witness' },
      ],
      created_at: expect.any(String),
      updated_at: matter.created_at,
    });
    expect(matter.number).toMatch(/^\d{5}$/);
    expect(await counter()).toBe(before + 1);
    const shown = await call(attorney, 'GET', String(response.headers.location));
    expect(shown.json().data).toEqual(matter);
    const client = await call(admin, 'GET', `/api/v1/contacts/${prospect.id}`);
    expect(client.json().data.is_client).toBe(true);
    const audited = await rows<{ action: string; subject: string }>(
      sql`select action, subject from audit_events where object_id = ${matter.id}`,
    );
    expect(audited).toEqual([{ action: 'matter.created', subject: matter.number }]);
  });

  it('numbers concurrent creations one after another, without gaps or repeats', async () => {
    const before = await counter();
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(admin, 'POST', '/api/v1/matters', { description: `Race ${i}`, client_id: clientId }),
      ),
    );
    expect(created.map((response) => response.statusCode)).toEqual(Array(10).fill(201));
    const numbers = created.map((response) => response.json().data.number).sort();
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => String(before + i + 1).padStart(5, '0')));
    expect(await counter()).toBe(before + 10);
  });

  it('applies the status rules: closing dates the close, reopening clears it, never before the open', async () => {
    const closed = await open('Closed at birth', { status: 'closed', open_date: '2026-01-10' });
    expect(closed).toMatchObject({ status: 'closed', open_date: '2026-01-10', close_date: todayUtc() });

    const matter = await open('Status walk', { open_date: '2026-02-01' });
    const url = `/api/v1/matters/${matter.id}`;
    const close = await call(attorney, 'PATCH', url, { status: 'closed', close_date: '2026-03-15' });
    expect(close.json().data).toMatchObject({ status: 'closed', close_date: '2026-03-15' });
    const moved = await call(attorney, 'PATCH', url, { close_date: '2026-03-20' });
    expect(moved.json().data).toMatchObject({ status: 'closed', close_date: '2026-03-20' });
    const pending = await call(attorney, 'PATCH', url, { status: 'pending' });
    expect(pending.json().data).toMatchObject({ status: 'pending', close_date: null });
    const today = await call(attorney, 'PATCH', url, { status: 'closed' });
    expect(today.json().data).toMatchObject({ status: 'closed', close_date: todayUtc() });
    const reopened = await call(attorney, 'PATCH', url, { status: 'open' });
    expect(reopened.json().data).toMatchObject({ status: 'open', close_date: null });

    for (const payload of [
      { status: 'closed', close_date: '2026-01-31' },
      { open_date: '2026-05-01', status: 'closed', close_date: '2026-04-30' },
      { close_date: '2026-03-01' },
      { status: 'pending', close_date: '2026-03-01' },
      { status: 'closed', close_date: null },
    ]) {
      const refused = await call(attorney, 'PATCH', url, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(422);
      expect(errorPaths(refused)).toBe('/close_date');
    }
    const refusedCreate = await call(admin, 'POST', '/api/v1/matters', {
      description: 'Closed before opened',
      client_id: clientId,
      open_date: '2026-05-01',
      status: 'closed',
      close_date: '2026-04-01',
    });
    expect(refusedCreate.statusCode).toBe(422);
    expect(await countMatters('Closed before opened')).toBe(0);
    const after = await call(admin, 'GET', url);
    expect(after.json().data).toMatchObject({ status: 'open', open_date: '2026-02-01', close_date: null });
  });

  it('lists with status, client, attorney (responsible or originating), q and updated_since, and pages', async () => {
    const tag = 'mq9';
    const client = await makeContact(t.database.db, firmId, { name: `Acme ${tag.toUpperCase()} Corp` });
    const made = [
      await open(`Lease dispute ${tag}`, { responsible_attorney_id: attorney.membership.id }),
      await open('Merger review', { client_id: client.id, originating_attorney_id: attorney.membership.id }),
      await open(`Patent 100%_${tag}`, { status: 'pending', responsible_attorney_id: admin.membership.id }),
      await open(`Closed ${tag}`, { status: 'closed', client_id: client.id }),
    ];
    const ids = (list: Matter[]) => list.map((matter) => matter.id);
    const [lease, merger, patent, closed] = ids(made);

    expect(await listIds(`q=${tag.toUpperCase()}`)).toEqual(ids(made));
    expect(await listIds(`q=${made[1]?.number}`)).toEqual([merger]);
    expect(await listIds(`q=${encodeURIComponent('0%_')}`)).toEqual([patent]);
    expect(await listIds(`q=${tag}&status=pending`)).toEqual([patent]);
    expect(await listIds(`q=${tag}&status=closed`)).toEqual([closed]);
    expect(await listIds(`client_id=${client.id}`)).toEqual([merger, closed]);
    expect(await listIds(`q=${tag}&attorney_id=${attorney.membership.id}`)).toEqual([lease, merger]);
    expect(await listIds(`q=${tag}&attorney_id=${admin.membership.id}`)).toEqual([patent]);
    const since = made[3]?.updated_at ?? '';
    expect(await listIds(`q=${tag}&updated_since=${encodeURIComponent(since)}`)).toEqual([closed]);

    const first = (await call(admin, 'GET', `/api/v1/matters?q=${tag}&limit=3`)).json();
    expect(ids(first.data)).toEqual([lease, merger, patent]);
    const second = (
      await call(admin, 'GET', `/api/v1/matters?q=${tag}&limit=3&cursor=${first.meta.next_cursor}`)
    ).json();
    expect(ids(second.data)).toEqual([closed]);
    expect(second.meta.next_cursor).toBeNull();
    expect(second.data[0]).toMatchObject({ client: { id: client.id, name: `Acme MQ9 Corp` } });

    expect(await listIds(`q=${tag}`, otherAdmin)).toEqual([]);
    // A misspelt filter is refused rather than ignored (which would answer every matter).
    for (const query of ['status=archived', 'client_id=nope', 'attorney_id=1', 'limit=201', 'stauts=open']) {
      expect((await call(admin, 'GET', `/api/v1/matters?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('updates with a fresh If-Match, replaces related contacts, and refuses a stale If-Match (412)', async () => {
    const [one, two, three] = await Promise.all(
      ['Rel One', 'Rel Two', 'Rel Three'].map((name) => makeContact(t.database.db, firmId, { name })),
    );
    const matter = await open('Etag matter', {
      related_contacts: [{ contact_id: one?.id }, { contact_id: two?.id, relationship: 'Witness' }],
    });
    const url = `/api/v1/matters/${matter.id}`;
    const etag = String((await call(admin, 'GET', url)).headers.etag);
    const changed = await call(
      staff,
      'PATCH',
      url,
      {
        description: 'Etag matter, amended',
        related_contacts: [{ contact_id: three?.id, relationship: ' Opposing counsel ' }],
        responsible_attorney_id: attorney.membership.id,
      },
      { 'if-match': etag },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data).toMatchObject({
      number: matter.number,
      description: 'Etag matter, amended',
      responsible_attorney: { id: attorney.membership.id, name: 'Ari Attorney' },
      related_contacts: [{ contact: { id: three?.id, name: 'Rel Three' }, relationship: 'Opposing counsel' }],
    });
    const stale = await call(admin, 'PATCH', url, { description: 'Stale write' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect((await call(admin, 'GET', url)).json().data.description).toBe('Etag matter, amended');

    const cleared = await call(admin, 'PATCH', url, { responsible_attorney_id: null, related_contacts: [] });
    expect(cleared.json().data).toMatchObject({ responsible_attorney: null, related_contacts: [] });
    expect((await call(admin, 'PATCH', url, { number: '99999' })).statusCode).toBe(400);
  });

  it("refuses another firm's records as references (422, nothing written) and bad input (400)", async () => {
    const theirContact = await makeContact(t.database.db, otherAdmin.membership.firm_id);
    const [coCounsel] = await rows<{ id: string }>(
      sql`select id from memberships where firm_id = ${firmId} and role = 'co_counsel'`,
    );
    const base = { description: 'Cross-firm attempt', client_id: clientId };
    const cases: [object, string][] = [
      [{ ...base, client_id: theirContact.id }, '/client_id'],
      [{ ...base, responsible_attorney_id: otherAdmin.membership.id }, '/responsible_attorney_id'],
      [{ ...base, originating_attorney_id: coCounsel?.id }, '/originating_attorney_id'],
      [{ ...base, related_contacts: [{ contact_id: theirContact.id }] }, '/related_contacts/0/contact_id'],
      [
        { ...base, related_contacts: [{ contact_id: clientId }, { contact_id: clientId }] },
        '/related_contacts/1/contact_id',
      ],
    ];
    for (const [payload, path] of cases) {
      const response = await call(admin, 'POST', '/api/v1/matters', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(errorPaths(response)).toBe(path);
    }
    expect(await countMatters('Cross-firm attempt')).toBe(0);

    const matter = await open('Target of a cross-firm change');
    const refused = await call(admin, 'PATCH', `/api/v1/matters/${matter.id}`, {
      client_id: theirContact.id,
    });
    expect(refused.statusCode).toBe(422);
    expect((await call(admin, 'GET', `/api/v1/matters/${matter.id}`)).json().data.client.id).toBe(clientId);

    for (const payload of [
      { ...base, number: '00001' },
      { ...base, firm_id: firmId },
      { ...base, description: '' },
      { description: 'No client' },
      { ...base, client_id: 'not-a-uuid' },
      { ...base, rate: 12.5 },
      { ...base, billing_method: 'barter' },
      { ...base, open_date: '2026-13-01' },
      { ...base, related_contacts: [{ contact_id: clientId, role: 'x' }] },
    ]) {
      expect(
        (await call(admin, 'POST', '/api/v1/matters', payload)).statusCode,
        JSON.stringify(payload),
      ).toBe(400);
    }
    expect(await countMatters('Cross-firm attempt')).toBe(0);
  });

  it("answers another firm's matter, or none, with 404 to read, change and delete", async () => {
    const theirClient = await makeContact(t.database.db, otherAdmin.membership.firm_id);
    const theirs = await create({ description: 'Harbor matter', client_id: theirClient.id }, otherAdmin);
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { description: 'Taken over' }],
      ['DELETE', undefined],
    ] as const) {
      for (const id of [theirs.id, '0190a000-0000-7000-8000-0000000000ff']) {
        expect(
          (await call(admin, method, `/api/v1/matters/${id}`, payload)).statusCode,
          `${method} ${id}`,
        ).toBe(404);
      }
    }
    expect((await call(otherAdmin, 'GET', `/api/v1/matters/${theirs.id}`)).json().data.description).toBe(
      'Harbor matter',
    );
  });

  it('deletes a matter with what hangs on it (204, then 404), but not once time was logged (422)', async () => {
    const related = await makeContact(t.database.db, firmId);
    const matter = await open('Short-lived matter', { related_contacts: [{ contact_id: related.id }] });
    await t.database.db.insert(notes).values({
      firmId,
      matterId: matter.id,
      subject: 'Goes with the matter',
      authorMembershipId: admin.membership.id,
      date: '2026-02-02',
    });
    const url = `/api/v1/matters/${matter.id}`;
    const etag = String((await call(admin, 'GET', url)).headers.etag);
    expect((await call(attorney, 'DELETE', url, undefined, { 'if-match': etag })).statusCode).toBe(204);
    expect((await call(admin, 'GET', url)).statusCode).toBe(404);
    expect(await rows(sql`select 1 from notes where matter_id = ${matter.id}`)).toHaveLength(0);
    expect(await rows(sql`select 1 from matter_contacts where matter_id = ${matter.id}`)).toHaveLength(0);
    // The related contact is free again.
    expect((await call(admin, 'DELETE', `/api/v1/contacts/${related.id}`)).statusCode).toBe(204);

    const billed = await open('Matter with time');
    await t.database.db.insert(activities).values({
      firmId,
      matterId: billed.id,
      date: '2026-02-03',
      durationSeconds: 3600,
      authorMembershipId: attorney.membership.id,
    });
    const refused = await call(admin, 'DELETE', `/api/v1/matters/${billed.id}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toMatch(/time entries or bills/);
    expect((await call(admin, 'GET', `/api/v1/matters/${billed.id}`)).statusCode).toBe(200);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id in (${matter.id}, ${billed.id}) order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual([
      'matter.created',
      'matter.deleted',
      'matter.created',
    ]);
  });

  it("refuses to delete a contact that is a matter's client (422)", async () => {
    const client = await makeContact(t.database.db, firmId);
    await open('Keeps its client', { client_id: client.id });
    const refused = await call(admin, 'DELETE', `/api/v1/contacts/${client.id}`);
    expect(refused.statusCode).toBe(422);
    expect((await call(admin, 'GET', `/api/v1/contacts/${client.id}`)).statusCode).toBe(200);
  });

  it('replays an Idempotency-Key retry (one matter, one number) and refuses the key with another body (422)', async () => {
    const before = await counter();
    const post = (description: string) =>
      call(
        admin,
        'POST',
        '/api/v1/matters',
        { description, client_id: clientId },
        { 'idempotency-key': 'matter-1' },
      );
    const first = await post('Exactly once');
    const retry = await post('Exactly once');
    expect(first.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(await countMatters('Exactly once')).toBe(1);
    expect(await counter()).toBe(before + 1);
    expect((await post('Something else')).statusCode).toBe(422);
    expect(await countMatters('Something else')).toBe(0);
  });
});
