import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeContact, makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Contact {
  id: string;
  kind: string;
  name: string;
  email: string | null;
  emails: { address: string; label: string | null; primary: boolean }[];
  updated_at: string;
  [field: string]: unknown;
}

describe('contacts', () => {
  let t: TestApp;
  let admin: SignedIn;
  let staff: SignedIn;
  let otherAdmin: SignedIn;
  let demoFirmId: string;

  const { nextIp, call, rows } = apiCalls(() => t, '10.62');
  const create = async (session: SignedIn, payload: object): Promise<Contact> => {
    const response = await call(session, 'POST', '/api/v1/contacts', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  /** Every page of a filtered list, following the cursor. */
  const listAll = async (session: SignedIn, query: string): Promise<Contact[]> => {
    const found: Contact[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/contacts?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await call(session, 'GET', url);
      expect(response.statusCode, response.body).toBe(200);
      found.push(...response.json().data);
      cursor = response.json().meta.next_cursor;
    } while (cursor);
    return found;
  };
  const countContacts = async (name: string) =>
    (await rows(sql`select 1 from contacts where name = ${name}`)).length;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    demoFirmId = admin.membership.firm_id;
  });
  afterAll(() => t.close());

  it('creates a person: 201 with Location, the display name from its parts, the first email primary, audited', async () => {
    const response = await call(staff, 'POST', '/api/v1/contacts', {
      prefix: 'Dr.',
      first_name: ' Dana ',
      middle_name: 'Q.',
      last_name: 'Whitfield',
      company_name: 'Whitfield Analytics',
      title: 'Expert witness',
      emails: [{ address: 'dana@whitfield.example', label: 'work' }, { address: 'dana.w@mail.example' }],
      phones: [{ number: '+1 212 555 0142', label: 'mobile' }],
      addresses: [{ label: 'office', city: 'Boston', country: 'US' }],
      notes: 'Prefers calls before noon.',
      hourly_rate: 20000,
    });
    expect(response.statusCode, response.body).toBe(201);
    const contact = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/contacts/${contact.id}`);
    expect(contact).toEqual({
      id: expect.any(String),
      kind: 'person',
      name: 'Dana Q. Whitfield',
      prefix: 'Dr.',
      first_name: 'Dana',
      middle_name: 'Q.',
      last_name: 'Whitfield',
      company_name: 'Whitfield Analytics',
      title: 'Expert witness',
      email: 'dana@whitfield.example',
      emails: [
        { address: 'dana@whitfield.example', label: 'work', primary: true },
        { address: 'dana.w@mail.example', label: null, primary: false },
      ],
      phones: [{ number: '+1 212 555 0142', label: 'mobile' }],
      addresses: [
        { label: 'office', street: null, city: 'Boston', region: null, postal_code: null, country: 'US' },
      ],
      notes: 'Prefers calls before noon.',
      is_client: false,
      is_co_counsel: false,
      hourly_rate: 20000,
      created_at: expect.any(String),
      updated_at: contact.created_at,
    });
    const shown = await call(admin, 'GET', String(response.headers.location));
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toEqual(contact);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${contact.id}`,
    );
    expect(audited.map((event) => event.action)).toEqual(['contact.created']);
  });

  it('creates a company by its name, and takes the flagged email as primary', async () => {
    const company = await create(admin, {
      kind: 'company',
      name: 'Northwind Freight Inc.',
      is_client: true,
      emails: [{ address: 'info@northwind.example' }, { address: 'legal@northwind.example', primary: true }],
    });
    expect(company).toMatchObject({
      kind: 'company',
      name: 'Northwind Freight Inc.',
      first_name: null,
      is_client: true,
      email: 'legal@northwind.example',
      emails: [
        { address: 'info@northwind.example', primary: false },
        { address: 'legal@northwind.example', primary: true },
      ],
    });
  });

  it('refuses broken rules with 422 naming the field, and writes nothing', async () => {
    const cases: [object, string][] = [
      [{ name: 'Pat Person', first_name: 'Pat' }, '/name'],
      [{ first_name: '  ', prefix: 'Mr.' }, '/first_name'],
      [{ kind: 'company' }, '/name'],
      [{ kind: 'company', name: '   ' }, '/name'],
      [
        {
          last_name: 'Rule Breaker',
          emails: [
            { address: 'a@example.test', primary: true },
            { address: 'b@example.test', primary: true },
          ],
        },
        '/emails/1/primary',
      ],
      [
        { last_name: 'Rule Breaker', emails: [{ address: 'a@example.test' }, { address: 'A@Example.test' }] },
        '/emails/1/address',
      ],
      [{ last_name: 'Rule Breaker', addresses: [{ label: 'nowhere' }] }, '/addresses/0'],
    ];
    for (const [payload, path] of cases) {
      const response = await call(admin, 'POST', '/api/v1/contacts', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(errorPaths(response)).toBe(path);
    }
    expect(await countContacts('Rule Breaker')).toBe(0);
  });

  it('refuses unknown fields, wrong types, bad emails and over-long lists (400)', async () => {
    const person = { last_name: 'Bad Input' };
    for (const payload of [
      { ...person, firm_id: demoFirmId },
      { ...person, email: 'primary@example.test' },
      { ...person, is_client: 'yes' },
      { ...person, kind: 'robot' },
      { ...person, emails: [{ address: 'not-an-email' }] },
      { ...person, emails: [{ address: 'a@example.test', extra: 1 }] },
      { ...person, phones: Array.from({ length: 21 }, (_, i) => ({ number: `555-${i}` })) },
      { ...person, hourly_rate: -1 },
      { ...person, first_name: 'x'.repeat(101) },
    ]) {
      expect(
        (await call(admin, 'POST', '/api/v1/contacts', payload)).statusCode,
        JSON.stringify(payload),
      ).toBe(400);
    }
    expect(await countContacts('Bad Input')).toBe(0);
  });

  it('lists with q (name or any email, any case, wildcards literal), kind, flags, updated_since and pages', async () => {
    const tag = 'zq7';
    const made = [
      await create(admin, { first_name: 'Quinn', last_name: `Listed${tag}` }),
      await create(admin, {
        first_name: 'Robin',
        last_name: 'Other',
        emails: [{ address: 'robin@elsewhere.test' }, { address: `robin.${tag}@second.test` }],
      }),
      await create(admin, { kind: 'company', name: `100% ${tag} Holdings`, is_client: true }),
      await create(admin, { kind: 'company', name: `Co_${tag} Partners`, is_co_counsel: true }),
    ];
    const ids = (list: Contact[]) => list.map((contact) => contact.id);
    expect(ids(await listAll(admin, `&q=${tag.toUpperCase()}`))).toEqual(ids(made));
    expect(ids(await listAll(admin, `&q=${encodeURIComponent(`ROBIN.${tag}`)}`))).toEqual([made[1]?.id]);
    // `%` and `_` are searched for, not wildcards: each matches only the name that contains it.
    expect(ids(await listAll(admin, `&q=${encodeURIComponent('%')}`))).toEqual([made[2]?.id]);
    expect(ids(await listAll(admin, `&q=${encodeURIComponent('_')}`))).toEqual([made[3]?.id]);
    expect(ids(await listAll(admin, `&q=${tag}&kind=company`))).toEqual([made[2]?.id, made[3]?.id]);
    expect(ids(await listAll(admin, `&q=${tag}&is_client=true`))).toEqual([made[2]?.id]);
    expect(ids(await listAll(admin, `&q=${tag}&is_co_counsel=true`))).toEqual([made[3]?.id]);
    expect(ids(await listAll(admin, `&q=${tag}&is_client=false&is_co_counsel=false`))).toEqual(
      ids(made.slice(0, 2)),
    );

    const since = made[3]?.updated_at ?? '';
    const recent = await listAll(admin, `&updated_since=${encodeURIComponent(since)}`);
    expect(ids(recent)).toContain(made[3]?.id);
    expect(recent.every((contact) => contact.updated_at >= since)).toBe(true);
    expect(await listAll(admin, `&updated_since=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).toEqual([]);

    // Two per page across the four, with a cursor each time.
    const first = (await call(admin, 'GET', `/api/v1/contacts?q=${tag}&limit=2`)).json();
    expect(ids(first.data)).toEqual(ids(made.slice(0, 2)));
    const second = (
      await call(admin, 'GET', `/api/v1/contacts?q=${tag}&limit=2&cursor=${first.meta.next_cursor}`)
    ).json();
    expect(ids(second.data)).toEqual(ids(made.slice(2)));
    expect(second.meta.next_cursor).toBeNull();

    // The other firm sees none of them; bad filters are 400.
    expect(await listAll(otherAdmin, `&q=${tag}`)).toEqual([]);
    for (const query of [
      'is_client=maybe',
      'kind=robot',
      'updated_since=yesterday',
      'limit=0',
      'cursor=bm9wZQ',
    ]) {
      expect((await call(admin, 'GET', `/api/v1/contacts?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('updates with a fresh If-Match (lists replaced, primary email followed) and refuses a stale one (412)', async () => {
    const contact = await create(admin, {
      first_name: 'Ingrid',
      last_name: 'Etag',
      emails: [{ address: 'ingrid@one.test' }, { address: 'ingrid@two.test' }],
      phones: [{ number: '555-0100' }],
    });
    const read = await call(admin, 'GET', `/api/v1/contacts/${contact.id}`);
    const etag = String(read.headers.etag);
    const changed = await call(
      staff,
      'PATCH',
      `/api/v1/contacts/${contact.id}`,
      { middle_name: 'M.', emails: [{ address: 'ingrid@three.test' }] },
      { 'if-match': etag },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data).toMatchObject({
      name: 'Ingrid M. Etag',
      email: 'ingrid@three.test',
      emails: [{ address: 'ingrid@three.test', label: null, primary: true }],
      phones: [{ number: '555-0100', label: null }],
    });

    const stale = await call(
      admin,
      'PATCH',
      `/api/v1/contacts/${contact.id}`,
      { title: 'Stale' },
      { 'if-match': etag },
    );
    expect(stale.statusCode).toBe(412);
    expect((await call(admin, 'GET', `/api/v1/contacts/${contact.id}`)).json().data.title).toBeNull();

    // Clearing with null, and turning the person into a company needs a name.
    const cleared = await call(admin, 'PATCH', `/api/v1/contacts/${contact.id}`, {
      middle_name: null,
      emails: [],
    });
    expect(cleared.json().data).toMatchObject({ name: 'Ingrid Etag', email: null, emails: [] });
    const noName = await call(admin, 'PATCH', `/api/v1/contacts/${contact.id}`, { kind: 'company' });
    expect(noName.statusCode).toBe(422);
    expect(errorPaths(noName)).toBe('/name');
    const company = await call(admin, 'PATCH', `/api/v1/contacts/${contact.id}`, {
      kind: 'company',
      name: 'Etag GmbH',
    });
    expect(company.json().data).toMatchObject({ kind: 'company', name: 'Etag GmbH' });
    expect((await call(admin, 'PATCH', `/api/v1/contacts/${contact.id}`, { tags: [] })).statusCode).toBe(400);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${contact.id} order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual([
      'contact.created',
      'contact.updated',
      'contact.updated',
      'contact.updated',
    ]);
  });

  it("never changes a login email with a contact's email", async () => {
    const [cora] = await rows<{
      contact_id: string;
    }>(sql`select m.contact_id from memberships m join identities i on i.id = m.identity_id
           where i.email = 'cocounsel@outside-counsel.test'`);
    const changed = await call(admin, 'PATCH', `/api/v1/contacts/${cora?.contact_id}`, {
      emails: [{ address: 'cora@new-counsel.test' }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data.email).toBe('cora@new-counsel.test');
    const identities = await rows(
      sql`select 1 from identities where email = 'cocounsel@outside-counsel.test'`,
    );
    expect(identities).toHaveLength(1);
    await expect(signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() })).resolves.toBeDefined();
    await expect(signIn(t.app, 'cora@new-counsel.test', { ip: nextIp() })).rejects.toThrow('401');
  });

  it('deletes an unused contact (204, then 404) and refuses one still in use (422)', async () => {
    const contact = await create(admin, { last_name: 'Short Lived' });
    const read = await call(admin, 'GET', `/api/v1/contacts/${contact.id}`);
    const deleted = await call(staff, 'DELETE', `/api/v1/contacts/${contact.id}`, undefined, {
      'if-match': String(read.headers.etag),
    });
    expect(deleted.statusCode).toBe(204);
    expect((await call(admin, 'GET', `/api/v1/contacts/${contact.id}`)).statusCode).toBe(404);
    expect((await call(admin, 'DELETE', `/api/v1/contacts/${contact.id}`)).statusCode).toBe(404);

    const client = await makeContact(t.database.db, demoFirmId, { isClient: true });
    await makeMatter(t.database.db, demoFirmId, { clientId: client.id });
    const [external] = await rows<{ contact_id: string }>(
      sql`select contact_id from memberships where firm_id = ${demoFirmId} and role = 'client'`,
    );
    for (const id of [client.id, external?.contact_id]) {
      const refused = await call(admin, 'DELETE', `/api/v1/contacts/${id}`);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().detail).toMatch(/still in use/);
      expect((await call(admin, 'GET', `/api/v1/contacts/${id}`)).statusCode).toBe(200);
    }
    const events = await rows(sql`select 1 from audit_events where object_id = ${client.id}`);
    expect(events).toHaveLength(0);
  });

  it('replays an Idempotency-Key retry (one row) and refuses the key with another body (422)', async () => {
    const post = (payload: object) =>
      call(admin, 'POST', '/api/v1/contacts', payload, { 'idempotency-key': 'contact-retry-1' });
    const first = await post({ last_name: 'Once Only' });
    const retry = await post({ last_name: 'Once Only' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(await countContacts('Once Only')).toBe(1);
    const other = await post({ last_name: 'Twice Maybe' });
    expect(other.statusCode).toBe(422);
    expect(await countContacts('Twice Maybe')).toBe(0);
  });

  it("answers another firm's contact, or none, with 404 to read, change and delete", async () => {
    const theirs = await create(otherAdmin, { last_name: 'Harbor Only' });
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { title: 'Taken over' }],
      ['DELETE', undefined],
    ] as const) {
      for (const id of [theirs.id, '0190a000-0000-7000-8000-0000000000ff']) {
        const response = await call(admin, method, `/api/v1/contacts/${id}`, payload);
        expect(response.statusCode, `${method} ${id}`).toBe(404);
      }
    }
    expect((await call(admin, 'GET', '/api/v1/contacts/not-an-id')).statusCode).toBe(400);
    const still = await call(otherAdmin, 'GET', `/api/v1/contacts/${theirs.id}`);
    expect(still.json().data.title).toBeNull();
  });
});
