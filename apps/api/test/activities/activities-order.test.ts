import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeMatter } from '../support/factories/practice';
import { makeActivity } from '../support/factories/time-entries';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Page {
  data: { id: string; description: string; author: { id: string } }[];
  meta: { next_cursor: string | null };
}

describe('time entries, newest date first (order=date_desc)', () => {
  let t: TestApp;
  let admin: SignedIn;
  let coCounsel: SignedIn;
  let matterId: string;

  const { nextIp, call, walkPages } = apiCalls(() => t, '10.71');
  const page = async (session: SignedIn, query: string, cursor?: string | null): Promise<Page> => {
    const url = `/api/v1/activities?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await call(session, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  /** Every page, following the cursor. */
  const walk = (session: SignedIn, query: string, limit: number) =>
    walkPages<Page['data'][number]>(session, `/api/v1/activities?${query}`, limit);
  const labels = (pages: Page['data'][]) => pages.flat().map((entry) => entry.description);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    const db = t.database.db;
    const firmId = admin.membership.firm_id;
    matterId = (await makeMatter(db, firmId)).id;
    // Logged in this order (ids ascend with it); dates deliberately out of logged order, with ties.
    const entries: [string, string, SignedIn][] = [
      ['may-2 first', '2026-05-02', admin],
      ['jun-1', '2026-06-01', coCounsel],
      ['may-2 second', '2026-05-02', coCounsel],
      ['apr-30', '2026-04-30', admin],
      ['may-2 third', '2026-05-02', admin],
      ['dec-31', '2025-12-31', coCounsel],
      ['may-3', '2026-05-03', coCounsel],
    ];
    for (const [description, date, author] of entries) {
      await makeActivity(db, {
        firmId,
        matterId,
        authorMembershipId: author.membership.id,
        description,
        date,
      });
    }
  });
  afterAll(() => t.close());

  it('pages newest date first, entries of one date newest logged first, across pages of two', async () => {
    const pages = await walk(admin, `matter_id=${matterId}&order=date_desc`, 2);
    expect(pages.map((entries) => entries.length)).toEqual([2, 2, 2, 1]);
    expect(labels(pages)).toEqual([
      'jun-1',
      'may-3',
      'may-2 third',
      'may-2 second',
      'may-2 first',
      'apr-30',
      'dec-31',
    ]);
    // The default order is unchanged: as logged.
    expect(labels(await walk(admin, `matter_id=${matterId}`, 3))).toEqual([
      'may-2 first',
      'jun-1',
      'may-2 second',
      'apr-30',
      'may-2 third',
      'dec-31',
      'may-3',
    ]);
  });

  it('keeps filters with the order: a page boundary inside a tie, a date range', async () => {
    const pages = await walk(admin, `matter_id=${matterId}&order=date_desc&from=2026-05-01&to=2026-05-31`, 1);
    expect(labels(pages)).toEqual(['may-3', 'may-2 third', 'may-2 second', 'may-2 first']);
  });

  it('shows co-counsel only their own entries, in the order (filtered by author, as Connect asks)', async () => {
    const own = ['jun-1', 'may-3', 'may-2 second', 'dec-31'];
    expect(labels(await walk(coCounsel, `matter_id=${matterId}&order=date_desc`, 2))).toEqual(own);
    const mine = await walk(coCounsel, `author_id=${coCounsel.membership.id}&order=date_desc`, 3);
    expect(labels(mine).filter((label) => own.includes(label))).toEqual(own);
    expect(mine.flat().every((entry) => entry.author.id === coCounsel.membership.id)).toBe(true);
    // Another author's time stays out of sight whatever the order.
    expect((await page(coCounsel, `author_id=${admin.membership.id}&order=date_desc`)).data).toEqual([]);
  });

  it('refuses (400) a cursor issued for another order, and a forged one', async () => {
    const m = `matter_id=${matterId}&limit=2`;
    const byDate = (await page(admin, `${m}&order=date_desc`)).meta.next_cursor;
    const logged = (await page(admin, m)).meta.next_cursor;
    expect(byDate && logged).toBeTruthy();
    const forged = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    const id = '0190a000-0000-7000-8000-0000000000ff';
    // Shaped as GET /tasks?order=due_date issues it.
    const tasksByDue = forged(`due_date.2026-05-02.${id}`);
    for (const [query, cursor] of [
      [m, byDate],
      [`${m}&order=created`, byDate],
      [`${m}&order=date_desc`, logged],
      [`${m}&order=date_desc`, tasksByDue],
      [`${m}&order=date_desc`, forged(`date_desc.2026-02-30.${id}`)],
      [`${m}&order=date_desc`, forged(`date_desc.2026-02-01.not-an-id`)],
    ] as const) {
      const response = await call(admin, 'GET', `/api/v1/activities?${query}&cursor=${cursor}`);
      expect(response.statusCode, `${query} ${cursor}`).toBe(400);
      expect(response.json().errors).toEqual([
        { path: 'querystring/cursor', message: 'is not a cursor this API issued' },
      ]);
    }
    expect((await call(admin, 'GET', '/api/v1/activities?order=oldest')).statusCode).toBe(400);
  });
});
