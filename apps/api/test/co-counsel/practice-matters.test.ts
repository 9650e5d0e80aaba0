import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls } from '../support/api-calls';
import type { SignedIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  type CoCounsel,
  makeCoCounsel,
  type PracticeFirm,
  seedPracticeFirm,
  share,
  stopSharing,
} from './practice-firm';

/**
 * A co-counsel on the matters shared with it: the matter and its client and related contacts, its
 * notes and its communication logs — read-only, never billing — and nothing of any other matter.
 */
describe('co-counsel on matters, contacts, notes and communication logs', () => {
  let t: TestApp;
  let firm: PracticeFirm;
  let counsel: CoCounsel;
  let unshared: CoCounsel;
  const { nextIp, call, rows } = apiCalls(() => t, '10.91');

  /** What the fixtures are: the shared matter's records and a matter nobody shared. */
  const ids = {
    client: '',
    related: '',
    stranger: '',
    sharedMatter: '',
    otherMatter: '',
    sharedNote: '',
    otherNote: '',
    sharedLog: '',
    otherLog: '',
    shareId: '',
  };

  const create = async (url: string, payload: object): Promise<string> => {
    const response = await call(firm.admin, 'POST', url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id;
  };
  /** Every row of a list (one page of 200 holds them all here). */
  const list = async (session: SignedIn, url: string): Promise<Record<string, unknown>[]> => {
    const response = await call(session, 'GET', `${url}${url.includes('?') ? '&' : '?'}limit=200`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().meta.next_cursor).toBeNull();
    return response.json().data;
  };
  const idsOf = async (session: SignedIn, url: string) =>
    new Set((await list(session, url)).map((row) => row.id));
  const contact = (lastName: string) =>
    create('/api/v1/contacts', { first_name: 'Practice', last_name: lastName });
  const log = (matterId: string, subject: string) =>
    create('/api/v1/communications', {
      matter_id: matterId,
      type: 'phone_call',
      subject,
      occurred_at: '2026-11-20T15:30:00Z',
      senders: [{ type: 'user', id: firm.admin.membership.id }],
      receivers: [{ type: 'contact', id: ids.client }],
    });
  /** Row counts and the latest change of each table a co-counsel might try to write. */
  const snapshot = () =>
    rows(sql`select
      (select count(*) || '/' || max(updated_at) from matters) as matters,
      (select count(*) || '/' || max(updated_at) from contacts) as contacts,
      (select count(*) || '/' || max(updated_at) from notes) as notes,
      (select count(*) || '/' || max(updated_at) from communications) as communications,
      (select count(*) from matter_contacts) as related`);

  beforeAll(async () => {
    t = await createTestApp();
    firm = await seedPracticeFirm(t, nextIp);
    counsel = await makeCoCounsel(t, firm.firmId, {
      email: 'practice-counsel@outside.test',
      hourlyRate: 25000,
      ip: nextIp(),
    });
    unshared = await makeCoCounsel(t, firm.firmId, { email: 'practice-unshared@outside.test', ip: nextIp() });
    ids.client = await contact('Client');
    ids.related = await contact('Expert');
    ids.stranger = await contact('Stranger');
    ids.sharedMatter = await create('/api/v1/matters', {
      description: 'Shared with co-counsel',
      client_id: ids.client,
      related_contacts: [{ contact_id: ids.related, relationship: 'Expert witness' }],
      billing_method: 'hourly',
      rate: 30000,
    });
    ids.otherMatter = await create('/api/v1/matters', {
      description: 'Shared with nobody',
      client_id: ids.stranger,
    });
    ids.sharedNote = await create('/api/v1/notes', { matter_id: ids.sharedMatter, subject: 'Strategy' });
    ids.otherNote = await create('/api/v1/notes', { matter_id: ids.otherMatter, subject: 'Private' });
    ids.sharedLog = await log(ids.sharedMatter, 'Call with the client');
    ids.otherLog = await log(ids.otherMatter, 'Private call');
    ids.shareId = await share(t.database.db, {
      firmId: firm.firmId,
      contactId: counsel.contactId,
      matterId: ids.sharedMatter,
      sharedBy: firm.admin.membership.id,
    });
  });
  afterAll(() => t.close());

  it('lists exactly the shared matter, its notes and logs, and the contacts it brings along; never billing or rates', async () => {
    const me = counsel.session;
    expect(await idsOf(me, '/api/v1/matters')).toEqual(new Set([ids.sharedMatter]));
    expect(await idsOf(me, '/api/v1/notes')).toEqual(new Set([ids.sharedNote]));
    expect(await idsOf(me, '/api/v1/communications')).toEqual(new Set([ids.sharedLog]));
    expect(await idsOf(me, '/api/v1/contacts')).toEqual(
      new Set([counsel.contactId, ids.client, ids.related]),
    );

    const matter = (await call(me, 'GET', `/api/v1/matters/${ids.sharedMatter}`)).json().data;
    expect(matter).not.toHaveProperty('billing');
    expect(matter.client.id).toBe(ids.client);
    expect(matter.related_contacts).toEqual([
      { contact: { id: ids.related, name: 'Practice Expert' }, relationship: 'Expert witness' },
    ]);
    expect(
      (await call(firm.admin, 'GET', `/api/v1/matters/${ids.sharedMatter}`)).json().data.billing,
    ).toEqual({
      method: 'hourly',
      rate: 30000,
    });
    for (const row of await list(me, '/api/v1/matters')) expect(row).not.toHaveProperty('billing');
    // Its own card carries the rate the firm pays it; the firm sees it, the co-counsel does not.
    for (const row of await list(me, '/api/v1/contacts')) expect(row).not.toHaveProperty('hourly_rate');
    const card = await call(firm.admin, 'GET', `/api/v1/contacts/${counsel.contactId}`);
    expect(card.json().data.hourly_rate).toBe(25000);

    for (const url of [
      `/api/v1/matters/${ids.otherMatter}`,
      `/api/v1/notes/${ids.otherNote}`,
      `/api/v1/communications/${ids.otherLog}`,
      `/api/v1/contacts/${ids.stranger}`,
    ]) {
      expect((await call(me, 'GET', url)).statusCode, url).toBe(404);
    }
    // Filters narrow within what it sees, never beyond.
    expect(await idsOf(me, `/api/v1/notes?matter_id=${ids.otherMatter}`)).toEqual(new Set());
    expect(await idsOf(me, `/api/v1/matters?client_id=${ids.stranger}`)).toEqual(new Set());
  });

  it('shows co-counsel with no share only its own card', async () => {
    const me = unshared.session;
    expect(await idsOf(me, '/api/v1/matters')).toEqual(new Set());
    expect(await idsOf(me, '/api/v1/notes')).toEqual(new Set());
    expect(await idsOf(me, '/api/v1/communications')).toEqual(new Set());
    expect(await idsOf(me, '/api/v1/contacts')).toEqual(new Set([unshared.contactId]));
    expect((await call(me, 'GET', `/api/v1/matters/${ids.sharedMatter}`)).statusCode).toBe(404);
  });

  it('refuses every change: 403 on what it sees, 404 on what it does not, 403 on creating; nothing changes', async () => {
    const me = counsel.session;
    const before = await snapshot();
    for (const [url, visible, patch] of [
      [`/api/v1/matters/${ids.sharedMatter}`, true, { description: 'Mine now' }],
      [`/api/v1/matters/${ids.otherMatter}`, false, { description: 'Mine now' }],
      [`/api/v1/notes/${ids.sharedNote}`, true, { subject: 'Mine now' }],
      [`/api/v1/notes/${ids.otherNote}`, false, { subject: 'Mine now' }],
      [`/api/v1/communications/${ids.sharedLog}`, true, { subject: 'Mine now' }],
      [`/api/v1/communications/${ids.otherLog}`, false, { subject: 'Mine now' }],
      [`/api/v1/contacts/${ids.client}`, true, { title: 'Mine now' }],
      [`/api/v1/contacts/${counsel.contactId}`, true, { title: 'Mine now' }],
      [`/api/v1/contacts/${ids.stranger}`, false, { title: 'Mine now' }],
    ] as const) {
      for (const [method, payload] of [
        ['PATCH', patch],
        ['DELETE', undefined],
      ] as const) {
        const response = await call(me, method, url, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(visible ? 403 : 404);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
    for (const [url, payload] of [
      ['/api/v1/matters', { description: 'Mine', client_id: ids.client }],
      ['/api/v1/notes', { matter_id: ids.sharedMatter, subject: 'Mine' }],
      [
        '/api/v1/communications',
        {
          matter_id: ids.sharedMatter,
          type: 'email',
          subject: 'Mine',
          occurred_at: '2026-11-21T09:00:00Z',
          senders: [{ type: 'contact', id: counsel.contactId }],
        },
      ],
      ['/api/v1/contacts', { kind: 'company', name: 'Mine' }],
    ] as const) {
      expect((await call(me, 'POST', url, payload)).statusCode, url).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a contact it sees through two shared matters while one of the shares remains', async () => {
    const second = await create('/api/v1/matters', {
      description: 'Second shared matter',
      client_id: ids.related,
    });
    const secondShare = await share(t.database.db, {
      firmId: firm.firmId,
      contactId: counsel.contactId,
      matterId: second,
      sharedBy: firm.admin.membership.id,
    });
    expect(await idsOf(counsel.session, '/api/v1/matters')).toEqual(new Set([ids.sharedMatter, second]));
    await stopSharing(t.database.db, secondShare);
    // Still related to the first shared matter: still visible.
    expect((await call(counsel.session, 'GET', `/api/v1/contacts/${ids.related}`)).statusCode).toBe(200);
    expect((await call(counsel.session, 'GET', `/api/v1/matters/${second}`)).statusCode).toBe(404);
  });

  it('loses the matter, its notes, logs and contacts on the very next request once the share stops', async () => {
    const me = counsel.session;
    expect((await call(me, 'GET', `/api/v1/matters/${ids.sharedMatter}`)).statusCode).toBe(200);
    await stopSharing(t.database.db, ids.shareId);
    for (const url of [
      `/api/v1/matters/${ids.sharedMatter}`,
      `/api/v1/notes/${ids.sharedNote}`,
      `/api/v1/communications/${ids.sharedLog}`,
      `/api/v1/contacts/${ids.client}`,
      `/api/v1/contacts/${ids.related}`,
    ]) {
      expect((await call(me, 'GET', url)).statusCode, url).toBe(404);
    }
    // A change it was refused (403) while it could see the matter is now a thing that does not exist.
    expect((await call(me, 'PATCH', `/api/v1/notes/${ids.sharedNote}`, { subject: 'x' })).statusCode).toBe(
      404,
    );
    expect(await idsOf(me, '/api/v1/matters')).toEqual(new Set());
    expect(await idsOf(me, '/api/v1/notes')).toEqual(new Set());
    expect(await idsOf(me, '/api/v1/communications')).toEqual(new Set());
    expect(await idsOf(me, '/api/v1/contacts')).toEqual(new Set([counsel.contactId]));
  });
});
