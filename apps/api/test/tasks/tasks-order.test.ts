import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '../../src/db/schema/memberships';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeMatter } from '../support/factories/practice';
import { makeTask } from '../support/factories/time-entries';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Page {
  data: { id: string; name: string; due_date: string | null }[];
  meta: { next_cursor: string | null };
}

describe('tasks, soonest due first (order=due_date)', () => {
  let t: TestApp;
  let admin: SignedIn;
  let coCounsel: SignedIn;
  let matterId: string;

  const { nextIp, call, walkPages } = apiCalls(() => t, '10.72');
  const page = async (session: SignedIn, query: string, cursor?: string | null): Promise<Page> => {
    const url = `/api/v1/tasks?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await call(session, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  /** Every page, following the cursor. */
  const walk = (session: SignedIn, query: string, limit: number) =>
    walkPages<Page['data'][number]>(session, `/api/v1/tasks?${query}`, limit);
  const names = (pages: Page['data'][]) => pages.flat().map((task) => task.name);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    const db = t.database.db;
    const firmId = admin.membership.firm_id;
    const [own] = await db
      .select({ contactId: memberships.contactId })
      .from(memberships)
      .where(eq(memberships.id, coCounsel.membership.id));
    const coCounselContactId = own?.contactId ?? null;
    expect(coCounselContactId).not.toBeNull();
    matterId = (await makeMatter(db, firmId)).id;
    // Made in this order (ids ascend with it); due dates out of that order, with ties and blanks.
    const made: [string, string | null, boolean, 'pending' | 'in_progress' | 'completed'][] = [
      ['undated first', null, true, 'pending'],
      ['jun-10 first', '2026-06-10', false, 'pending'],
      ['may-1', '2026-05-01', true, 'in_progress'],
      ['undated second', null, false, 'pending'],
      ['jun-10 second', '2026-06-10', true, 'pending'],
      ['done apr-1', '2026-04-01', true, 'completed'],
      ['jan-1 next year', '2027-01-01', false, 'pending'],
      ['undated third', null, true, 'in_progress'],
    ];
    for (const [name, dueDate, forCoCounsel, status] of made) {
      await makeTask(db, firmId, admin.membership.id, {
        matterId,
        name,
        dueDate,
        status,
        ...(forCoCounsel ? { assigneeContactId: coCounselContactId } : {}),
      });
    }
  });
  afterAll(() => t.close());

  it('pages soonest due first, ties in the order made, no due date last, across pages of two', async () => {
    const pages = await walk(admin, `matter_id=${matterId}&order=due_date`, 2);
    expect(pages.map((tasks) => tasks.length)).toEqual([2, 2, 2, 2]);
    expect(names(pages)).toEqual([
      'done apr-1',
      'may-1',
      'jun-10 first',
      'jun-10 second',
      'jan-1 next year',
      'undated first',
      'undated second',
      'undated third',
    ]);
  });

  it('keeps filters with the order, a page boundary among the undated ones, and leaves the default as made', async () => {
    const open = await walk(admin, `matter_id=${matterId}&status=open&order=due_date`, 3);
    expect(names(open)).toEqual([
      'may-1',
      'jun-10 first',
      'jun-10 second',
      'jan-1 next year',
      'undated first',
      'undated second',
      'undated third',
    ]);
    expect(names(await walk(admin, `matter_id=${matterId}&status=open&order=due_date`, 6)).slice(-2)).toEqual(
      ['undated second', 'undated third'],
    );
    expect(names(await walk(admin, `matter_id=${matterId}&status=open`, 3))).toEqual([
      'undated first',
      'jun-10 first',
      'may-1',
      'undated second',
      'jun-10 second',
      'jan-1 next year',
      'undated third',
    ]);
  });

  it('shows co-counsel only the tasks assigned to them, in the order', async () => {
    const pages = await walk(coCounsel, `matter_id=${matterId}&status=open&order=due_date`, 1);
    expect(names(pages)).toEqual(['may-1', 'jun-10 second', 'undated first', 'undated third']);
  });

  it('refuses (400) a cursor issued for another order, and a forged one', async () => {
    const m = `matter_id=${matterId}&limit=2`;
    const byDue = (await page(admin, `${m}&order=due_date`)).meta.next_cursor;
    const made = (await page(admin, m)).meta.next_cursor;
    expect(byDue && made).toBeTruthy();
    const forged = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    const id = '0190a000-0000-7000-8000-0000000000ff';
    for (const [query, cursor] of [
      [m, byDue],
      [`${m}&order=created`, byDue],
      [`${m}&order=due_date`, made],
      // Shaped as GET /activities?order=date_desc issues it.
      [`${m}&order=due_date`, forged(`date_desc.2026-05-02.${id}`)],
      [`${m}&order=due_date`, forged(`due_date.2026-13-01.${id}`)],
      [`${m}&order=due_date`, forged(`due_date.infinity.${id}`)],
    ] as const) {
      const response = await call(admin, 'GET', `/api/v1/tasks?${query}&cursor=${cursor}`);
      expect(response.statusCode, `${query} ${cursor}`).toBe(400);
      expect(response.json().errors).toEqual([
        { path: 'querystring/cursor', message: 'is not a cursor this API issued' },
      ]);
    }
    expect((await call(admin, 'GET', '/api/v1/tasks?order=soonest')).statusCode).toBe(400);
  });
});
