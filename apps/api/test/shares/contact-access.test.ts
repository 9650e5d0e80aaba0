import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/modules/audit/audit-log';
import { apiCalls } from '../support/api-calls';
import { makeContact } from '../support/factories/practice';
import { createTestApp, type TestApp } from '../support/test-app';
import { type DemoFirm, seedAndSignIn } from './demo-firm';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000ff';

interface AccessEvent {
  id: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  at: string;
  ip: string | null;
}

describe("a contact's recent access", () => {
  let t: TestApp;
  let demo: DemoFirm;
  const { nextIp, call, rows } = apiCalls(() => t, '10.83');
  const accessUrl = (contactId: string, query = '') => `/api/v1/contacts/${contactId}/access${query}`;

  beforeAll(async () => {
    t = await createTestApp();
    demo = await seedAndSignIn(t, nextIp);
  });
  afterAll(() => t.close());

  it("lists what the contact's account did at this firm, newest first, in pages", async () => {
    const db = t.database.db;
    const cora = { firmId: demo.firmId, actorMembershipId: demo.coCounsel.membership.id };
    const documentId = '0190a000-0000-7000-8000-0000000000d1';
    await recordAudit(db, {
      action: 'document.viewed',
      ...cora,
      objectType: 'document',
      objectId: documentId,
      ip: '203.0.113.7',
    });
    await recordAudit(db, {
      action: 'document.downloaded',
      ...cora,
      objectType: 'document',
      objectId: documentId,
    });
    // Not Cora's: a firm user's doing, and an event filed under another firm.
    await recordAudit(db, { action: 'note.created', ...cora, actorMembershipId: demo.admin.membership.id });
    await recordAudit(db, { action: 'document.viewed', ...cora, firmId: demo.otherFirmId });

    const response = await call(demo.staff, 'GET', accessUrl(demo.coCounselContactId, '?limit=200'));
    expect(response.statusCode, response.body).toBe(200);
    const events: AccessEvent[] = response.json().data;
    const expected = await rows<{ id: string; action: string }>(
      sql`select id, action from audit_events
           where actor_membership_id = ${demo.coCounsel.membership.id} and firm_id = ${demo.firmId}
           order by id desc`,
    );
    expect(events.map((event) => event.id)).toEqual(expected.map((event) => event.id));
    // The sign-in from the test's setup, then the two document events, newest first.
    expect(events.map((event) => event.action).slice(0, 2)).toEqual([
      'document.downloaded',
      'document.viewed',
    ]);
    expect(events.map((event) => event.action)).toContain('auth.login');
    expect(events[1]).toEqual({
      id: expect.any(String),
      action: 'document.viewed',
      object_type: 'document',
      object_id: documentId,
      at: expect.any(String),
      ip: '203.0.113.7',
    });

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await call(demo.admin, 'GET', accessUrl(demo.coCounselContactId, query));
      pages.push(page.json().data.map((event: AccessEvent) => event.id));
      cursor = page.json().meta.next_cursor;
    } while (cursor);
    expect(pages.flat()).toEqual(expected.map((event) => event.id));
    expect(pages.every((page) => page.length === 1)).toBe(true);
  });

  it('answers an empty list for a contact without an account, and 404 for one out of sight', async () => {
    const plain = await makeContact(t.database.db, demo.firmId);
    const empty = await call(demo.attorney, 'GET', accessUrl(plain.id));
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ data: [], meta: { next_cursor: null } });

    const theirs = await makeContact(t.database.db, demo.otherFirmId);
    for (const id of [theirs.id, UNKNOWN_ID]) {
      expect((await call(demo.admin, 'GET', accessUrl(id))).statusCode).toBe(404);
    }
    expect((await call(demo.otherAdmin, 'GET', accessUrl(demo.coCounselContactId))).statusCode).toBe(404);
    expect((await call(demo.otherAdmin, 'GET', accessUrl(theirs.id))).statusCode).toBe(200);
    // Externals never read anyone's access, their own included.
    expect((await call(demo.coCounsel, 'GET', accessUrl(demo.coCounselContactId))).statusCode).toBe(404);
    for (const query of ['?limit=0', '?cursor=bm9wZQ', '?since=2026-01-01']) {
      expect((await call(demo.admin, 'GET', accessUrl(plain.id, query))).statusCode, query).toBe(400);
    }
  });
});
