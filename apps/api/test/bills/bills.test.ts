import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeMatter } from '../support/factories/practice';
import { makeActivity } from '../support/factories/time-entries';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Bill {
  id: string;
  number: string;
  matter_id: string;
  status: string;
  due_date: string | null;
  total: number;
  issued_at: string | null;
  paid_at: string | null;
  voided_at: string | null;
  line_items: { activity_id: string; description: string; amount: number; author_name: string }[];
  updated_at: string;
}

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000ff';

describe('bills', () => {
  let t: TestApp;
  let admin: SignedIn;
  let attorney: SignedIn;
  let staff: SignedIn;
  let coCounsel: SignedIn;
  let otherAdmin: SignedIn;
  let firmId: string;
  let otherFirmId: string;

  const { nextIp, call, rows } = apiCalls(() => t, '10.67');
  /** A matter with time entries logged through the API (rate 10000 per hour). */
  const matterWithEntries = async (durations: number[], options: { nonBillable?: boolean } = {}) => {
    const matter = await makeMatter(t.database.db, firmId, { rate: 10000 });
    const ids: string[] = [];
    for (const [index, duration_seconds] of durations.entries()) {
      const response = await call(attorney, 'POST', '/api/v1/activities', {
        matter_id: matter.id,
        duration_seconds,
        date: `2026-10-${String(10 + index).padStart(2, '0')}`,
        description: `Entry ${index}`,
        non_billable: options.nonBillable ?? false,
      });
      expect(response.statusCode, response.body).toBe(201);
      ids.push(response.json().data.id);
    }
    return { matter, ids };
  };
  const draft = async (matterId: string, activityIds: string[], session = admin): Promise<Bill> => {
    const response = await call(session, 'POST', '/api/v1/bills', {
      matter_id: matterId,
      activity_ids: activityIds,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const entry = async (id: string) => (await call(admin, 'GET', `/api/v1/activities/${id}`)).json().data;
  const act = (session: SignedIn, billId: string, action: 'issue' | 'void' | 'pay') =>
    call(session, 'POST', `/api/v1/bills/${billId}/${action}`);
  const billCounter = async (id = firmId) =>
    (await rows<{ bill_counter: number }>(sql`select bill_counter from firms where id = ${id}`))[0]
      ?.bill_counter;
  const countBills = async () =>
    Number((await rows<{ n: string }>(sql`select count(*) as n from bills`))[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    attorney = await signIn(t.app, 'attorney@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    firmId = admin.membership.firm_id;
    otherFirmId = otherAdmin.membership.firm_id;
  });
  afterAll(() => t.close());

  it('drafts a bill: the next number, line items snapshotting the entries in date order, the total; audited', async () => {
    const { matter, ids } = await matterWithEntries([3600, 1, 5400]);
    const counter = Number(await billCounter());
    const response = await call(attorney, 'POST', '/api/v1/bills', {
      matter_id: matter.id,
      activity_ids: [ids[2], ids[0], ids[1]],
      due_date: '2026-12-31',
    });
    expect(response.statusCode, response.body).toBe(201);
    const bill = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/bills/${bill.id}`);
    expect(bill).toMatchObject({
      number: String(counter + 1).padStart(5, '0'),
      matter_id: matter.id,
      status: 'draft',
      due_date: '2026-12-31',
      total: 10000 + 3 + 15000,
      issued_at: null,
      paid_at: null,
      voided_at: null,
      created_by: { type: 'user', id: attorney.membership.id, name: 'Ari Attorney' },
    });
    expect(bill.number).toMatch(/^\d{5}$/);
    expect(bill.line_items).toEqual([
      {
        id: expect.any(String),
        activity_id: ids[0],
        date: '2026-10-10',
        description: 'Entry 0',
        duration_seconds: 3600,
        rate: 10000,
        amount: 10000,
        author_name: 'Ari Attorney',
        by_co_counsel: false,
      },
      expect.objectContaining({ activity_id: ids[1], amount: 3 }),
      expect.objectContaining({ activity_id: ids[2], amount: 15000 }),
    ]);
    expect(await entry(ids[0] ?? '')).toMatchObject({ billing_state: 'draft', bill_id: bill.id });
    const shown = await call(staff, 'GET', `/api/v1/bills/${bill.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toEqual(bill);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${bill.id}`,
    );
    expect(audited.map((event) => event.action)).toEqual(['bill.created']);
  });

  it('runs the billing flow: issue locks the entries, void releases them to be edited and billed again', async () => {
    const { matter, ids } = await matterWithEntries([3600, 1800]);
    const [first = '', second = ''] = ids;
    const bill = await draft(matter.id, [first, second]);

    // On the draft: editable (the line items keep the drafted values), not deletable, not movable.
    const edited = await call(attorney, 'PATCH', `/api/v1/activities/${first}`, { duration_seconds: 7200 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().data).toMatchObject({ amount: 20000, billing_state: 'draft' });
    expect((await call(admin, 'GET', `/api/v1/bills/${bill.id}`)).json().data).toMatchObject({
      total: 15000,
      line_items: [expect.objectContaining({ amount: 10000 }), expect.objectContaining({ amount: 5000 })],
    });
    const deleteDrafted = await call(attorney, 'DELETE', `/api/v1/activities/${first}`);
    expect(deleteDrafted.statusCode).toBe(422);
    expect(deleteDrafted.json().detail).toMatch(/draft/);
    const elsewhere = await makeMatter(t.database.db, firmId);
    const move = await call(attorney, 'PATCH', `/api/v1/activities/${first}`, { matter_id: elsewhere.id });
    expect(move.statusCode).toBe(422);
    expect(errorPaths(move)).toBe('/matter_id');
    const unbill = await call(attorney, 'PATCH', `/api/v1/activities/${first}`, { non_billable: true });
    expect(unbill.statusCode).toBe(422);

    const issued = await act(attorney, bill.id, 'issue');
    expect(issued.statusCode).toBe(200);
    expect(issued.json().data).toMatchObject({ status: 'issued', issued_at: expect.any(String) });
    expect(await entry(first)).toMatchObject({ billing_state: 'billed', bill_id: bill.id });
    for (const [method, payload] of [['PATCH', { description: 'rewrite history' }], ['DELETE']] as const) {
      const locked = await call(attorney, method, `/api/v1/activities/${first}`, payload);
      expect(locked.statusCode, method).toBe(422);
      expect(locked.json().detail).toBe('Billed entries are locked; void the bill first.');
    }
    expect((await entry(first)).description).toBe('Entry 0');

    const voided = await act(admin, bill.id, 'void');
    expect(voided.statusCode).toBe(200);
    expect(voided.json().data).toMatchObject({
      status: 'void',
      voided_at: expect.any(String),
      total: 15000,
      line_items: [
        expect.objectContaining({ activity_id: first }),
        expect.objectContaining({ activity_id: second }),
      ],
    });
    expect(await entry(first)).toMatchObject({ billing_state: 'unbilled', bill_id: null });
    const fixed = await call(attorney, 'PATCH', `/api/v1/activities/${first}`, { description: 'Corrected' });
    expect(fixed.statusCode).toBe(200);

    const again = await draft(matter.id, [first, second]);
    expect(again.number > bill.number).toBe(true);
    expect(again).toMatchObject({ total: 25000 });
    expect(again.line_items[0]).toMatchObject({
      activity_id: first,
      description: 'Corrected',
      amount: 20000,
    });
    // The void bill still shows what was billed then.
    expect((await call(admin, 'GET', `/api/v1/bills/${bill.id}`)).json().data.line_items[0]).toMatchObject({
      description: 'Entry 0',
      amount: 10000,
    });
    // After a void, the entry itself can be deleted; the void bill keeps its line.
    await call(admin, 'DELETE', `/api/v1/bills/${again.id}`);
    expect((await call(attorney, 'DELETE', `/api/v1/activities/${second}`)).statusCode).toBe(204);
    expect((await call(admin, 'GET', `/api/v1/bills/${bill.id}`)).json().data.line_items).toHaveLength(2);

    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${bill.id} order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual(['bill.created', 'bill.issued', 'bill.voided']);
  });

  it('marks an issued bill paid; the entries stay locked', async () => {
    const { matter, ids } = await matterWithEntries([3600]);
    const bill = await draft(matter.id, ids);
    await act(admin, bill.id, 'issue');
    const paid = await act(attorney, bill.id, 'pay');
    expect(paid.statusCode).toBe(200);
    expect(paid.json().data).toMatchObject({
      status: 'paid',
      paid_at: expect.any(String),
      issued_at: expect.any(String),
    });
    expect(await entry(ids[0] ?? '')).toMatchObject({ billing_state: 'billed' });
    expect((await call(admin, 'DELETE', `/api/v1/activities/${ids[0]}`)).statusCode).toBe(422);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${bill.id} order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual(['bill.created', 'bill.issued', 'bill.paid']);
  });

  it('refuses wrong transitions with 422 naming the current status', async () => {
    const { matter, ids } = await matterWithEntries([60, 60]);
    const bill = await draft(matter.id, [ids[0] ?? '']);
    const expectRefused = async (id: string, actions: ('issue' | 'void' | 'pay')[], status: string) => {
      for (const action of actions) {
        const response = await act(admin, id, action);
        expect(response.statusCode, `${action} on ${status}`).toBe(422);
        expect(response.json().detail).toContain(`This bill is ${status};`);
        expect((await call(admin, 'GET', `/api/v1/bills/${id}`)).json().data.status).toBe(status);
      }
    };
    await expectRefused(bill.id, ['void', 'pay'], 'draft');
    await act(admin, bill.id, 'issue');
    await expectRefused(bill.id, ['issue'], 'issued');
    for (const [method, payload] of [['PATCH', { due_date: '2027-01-01' }], ['DELETE']] as const) {
      const response = await call(admin, method, `/api/v1/bills/${bill.id}`, payload);
      expect(response.statusCode, method).toBe(422);
      expect(response.json().detail).toContain('This bill is issued;');
    }
    expect((await call(admin, 'DELETE', `/api/v1/bills/${bill.id}`)).json().detail).toMatch(
      /void an issued bill instead/,
    );
    await act(admin, bill.id, 'pay');
    await expectRefused(bill.id, ['issue', 'void', 'pay'], 'paid');

    const other = await draft(matter.id, [ids[1] ?? '']);
    await act(admin, other.id, 'issue');
    await act(admin, other.id, 'void');
    await expectRefused(other.id, ['issue', 'void', 'pay'], 'void');
    expect((await call(admin, 'DELETE', `/api/v1/bills/${other.id}`)).statusCode).toBe(422);
  });

  it('refuses entries that are non-billable, of another matter or firm, unknown or already billed (422 per index, nothing written)', async () => {
    const { matter, ids } = await matterWithEntries([600, 600]);
    const { ids: nonBillable } = await matterWithEntries([600], { nonBillable: true });
    const { ids: elsewhere } = await matterWithEntries([600]);
    const theirs = await makeMatter(t.database.db, otherFirmId);
    const theirEntry = await makeActivity(t.database.db, {
      firmId: otherFirmId,
      matterId: theirs.id,
      authorMembershipId: otherAdmin.membership.id,
    });
    await draft(matter.id, [ids[1] ?? '']);
    const matterOfNonBillable = (await entry(nonBillable[0] ?? '')).matter_id;
    const before = { bills: await countBills(), counter: await billCounter() };

    const refused = await call(admin, 'POST', '/api/v1/bills', {
      matter_id: matter.id,
      activity_ids: [ids[0], elsewhere[0], theirEntry.id, UNKNOWN_ID, ids[1]],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { path: '/activity_ids/1', message: 'The time entry is on another matter.' },
      { path: '/activity_ids/2', message: 'No such time entry.' },
      { path: '/activity_ids/3', message: 'No such time entry.' },
      { path: '/activity_ids/4', message: 'The time entry is already on a bill.' },
    ]);
    const nonBillableRefused = await call(admin, 'POST', '/api/v1/bills', {
      matter_id: matterOfNonBillable,
      activity_ids: nonBillable,
    });
    expect(nonBillableRefused.statusCode).toBe(422);
    expect(nonBillableRefused.json().errors).toEqual([
      { path: '/activity_ids/0', message: 'The time entry is non-billable.' },
    ]);
    const crossFirm = await call(admin, 'POST', '/api/v1/bills', {
      matter_id: theirs.id,
      activity_ids: [theirEntry.id],
    });
    expect(crossFirm.statusCode).toBe(422);
    expect(errorPaths(crossFirm)).toBe('/matter_id');

    expect({ bills: await countBills(), counter: await billCounter() }).toEqual(before);
    expect(await entry(ids[0] ?? '')).toMatchObject({ billing_state: 'unbilled' });
  });

  it('gives an entry to only one of two drafts made at the same moment', async () => {
    const { matter, ids } = await matterWithEntries([600, 600]);
    const before = Number(await billCounter());
    const [one, two] = await Promise.all([
      call(admin, 'POST', '/api/v1/bills', { matter_id: matter.id, activity_ids: ids }),
      call(attorney, 'POST', '/api/v1/bills', { matter_id: matter.id, activity_ids: [ids[1]] }),
    ]);
    const statuses = [one.statusCode, two.statusCode].sort();
    expect(statuses).toEqual([201, 422]);
    const winner = (one.statusCode === 201 ? one : two).json().data;
    expect((await entry(ids[1] ?? '')).bill_id).toBe(winner.id);
    // The loser's number was rolled back with it: numbers stay gapless.
    expect(Number(await billCounter())).toBe(before + 1);
    expect(winner.number).toBe(String(before + 1).padStart(5, '0'));
    const lines = await rows<{ n: string }>(
      sql`select count(*) as n from bill_line_items where activity_id = ${ids[1]}`,
    );
    expect(Number(lines[0]?.n)).toBe(1);
  });

  // PGlite runs one transaction at a time; only PostgreSQL lets both drafts pass the check first.
  it.skipIf(!process.env.DATABASE_URL)(
    'lets only one of two drafts that both passed the check claim the entry (the other rolls back)',
    async () => {
      const database = t.database;
      if (database.driver !== 'postgres') throw new Error('needs PostgreSQL');
      const { matter, ids } = await matterWithEntries([600]);
      const before = Number(await billCounter());
      // Hold the firm row, so both requests check the entry and then wait at the bill number.
      const holder = await database.pool.connect();
      try {
        await holder.query('begin');
        await holder.query('select 1 from firms where id = $1 for update', [firmId]);
        const racing = [
          call(admin, 'POST', '/api/v1/bills', { matter_id: matter.id, activity_ids: ids }),
          call(attorney, 'POST', '/api/v1/bills', { matter_id: matter.id, activity_ids: ids }),
        ];
        for (let waiting = 0; waiting < 2; ) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          const { rows: found } = await database.pool.query<{ n: string }>(
            `select count(*) as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`,
          );
          waiting = Number(found[0]?.n);
        }
        await holder.query('commit');
        const answers = await Promise.all(racing);
        const statuses = answers.map((answer) => answer.statusCode).sort();
        expect(statuses).toEqual([201, 422]);
        const loser = answers.find((answer) => answer.statusCode === 422);
        expect(loser?.json().errors).toEqual([
          { path: '/activity_ids/0', message: 'The time entry was just billed or changed.' },
        ]);
      } finally {
        holder.release();
      }
      expect(Number(await billCounter())).toBe(before + 1);
      const onBills = await rows<{ n: string }>(
        sql`select count(*) as n from bill_line_items where activity_id = ${ids[0]}`,
      );
      expect(Number(onBills[0]?.n)).toBe(1);
    },
  );

  it('deletes a draft (204, entries released, audited), then 404', async () => {
    const { matter, ids } = await matterWithEntries([600]);
    const bill = await draft(matter.id, ids);
    const etag = String((await call(admin, 'GET', `/api/v1/bills/${bill.id}`)).headers.etag);
    await call(admin, 'PATCH', `/api/v1/bills/${bill.id}`, { due_date: '2027-02-01' });
    expect(
      (await call(admin, 'DELETE', `/api/v1/bills/${bill.id}`, undefined, { 'if-match': etag })).statusCode,
    ).toBe(412);
    const deleted = await call(admin, 'DELETE', `/api/v1/bills/${bill.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await call(admin, 'GET', `/api/v1/bills/${bill.id}`)).statusCode).toBe(404);
    expect((await call(admin, 'DELETE', `/api/v1/bills/${bill.id}`)).statusCode).toBe(404);
    expect(await entry(ids[0] ?? '')).toMatchObject({ billing_state: 'unbilled', bill_id: null });
    expect(await rows(sql`select 1 from bill_line_items where bill_id = ${bill.id}`)).toHaveLength(0);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${bill.id} order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual(['bill.created', 'bill.updated', 'bill.deleted']);
  });

  it("changes a draft's due date with a fresh If-Match and refuses a stale one (412, nothing changed)", async () => {
    const { matter, ids } = await matterWithEntries([600]);
    const bill = await draft(matter.id, ids);
    const etag = String((await call(admin, 'GET', `/api/v1/bills/${bill.id}`)).headers.etag);
    const changed = await call(
      admin,
      'PATCH',
      `/api/v1/bills/${bill.id}`,
      { due_date: '2027-01-15' },
      { 'if-match': etag },
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json().data.due_date).toBe('2027-01-15');
    const stale = await call(
      admin,
      'PATCH',
      `/api/v1/bills/${bill.id}`,
      { due_date: null },
      { 'if-match': etag },
    );
    expect(stale.statusCode).toBe(412);
    expect((await call(admin, 'GET', `/api/v1/bills/${bill.id}`)).json().data.due_date).toBe('2027-01-15');
    const cleared = await call(admin, 'PATCH', `/api/v1/bills/${bill.id}`, { due_date: null });
    expect(cleared.json().data.due_date).toBeNull();
  });

  it('lets staff read bills but not draft, change, issue, void, pay or delete them (403, nothing changed)', async () => {
    const { matter, ids } = await matterWithEntries([600, 600]);
    const bill = await draft(matter.id, [ids[0] ?? '']);
    const issuedBill = await draft(matter.id, [ids[1] ?? '']);
    await act(admin, issuedBill.id, 'issue');
    expect((await call(staff, 'GET', `/api/v1/bills/${bill.id}`)).statusCode).toBe(200);
    expect((await call(staff, 'GET', `/api/v1/bills?matter_id=${matter.id}`)).json().data).toHaveLength(2);
    const before = await countBills();
    const attempts = [
      ['POST', '/api/v1/bills', { matter_id: matter.id, activity_ids: [ids[0]] }],
      ['PATCH', `/api/v1/bills/${bill.id}`, { due_date: '2027-01-01' }],
      ['DELETE', `/api/v1/bills/${bill.id}`],
      ['POST', `/api/v1/bills/${bill.id}/issue`],
      ['POST', `/api/v1/bills/${issuedBill.id}/void`],
      ['POST', `/api/v1/bills/${issuedBill.id}/pay`],
    ] as const;
    for (const [method, url, payload] of attempts) {
      const response = await call(staff, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await countBills()).toBe(before);
    expect((await call(admin, 'GET', `/api/v1/bills/${bill.id}`)).json().data).toMatchObject({
      status: 'draft',
      due_date: null,
    });
    expect((await call(admin, 'GET', `/api/v1/bills/${issuedBill.id}`)).json().data.status).toBe('issued');
    // Externals and anonymous callers see no bills at all.
    expect((await call(coCounsel, 'GET', '/api/v1/bills')).statusCode).toBe(404);
    expect((await call(coCounsel, 'GET', `/api/v1/bills/${bill.id}`)).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/v1/bills')).statusCode).toBe(401);
  });

  it("answers another firm's bill with 404, and numbers each firm's bills on its own", async () => {
    const theirs = await makeMatter(t.database.db, otherFirmId, { rate: 10000 });
    const theirEntry = await makeActivity(t.database.db, {
      firmId: otherFirmId,
      matterId: theirs.id,
      authorMembershipId: otherAdmin.membership.id,
      amount: 10000,
    });
    const counter = Number(await billCounter(otherFirmId));
    const theirBill = await draft(theirs.id, [theirEntry.id], otherAdmin);
    expect(theirBill.number).toBe(String(counter + 1).padStart(5, '0'));
    for (const [method, url, payload] of [
      ['GET', `/api/v1/bills/${theirBill.id}`],
      ['PATCH', `/api/v1/bills/${theirBill.id}`, { due_date: '2027-01-01' }],
      ['DELETE', `/api/v1/bills/${theirBill.id}`],
      ['POST', `/api/v1/bills/${theirBill.id}/issue`],
      ['GET', `/api/v1/bills/${UNKNOWN_ID}`],
    ] as const) {
      expect((await call(admin, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call(admin, 'GET', `/api/v1/bills?matter_id=${theirs.id}`)).json().data).toEqual([]);
    expect((await call(otherAdmin, 'GET', `/api/v1/bills/${theirBill.id}`)).json().data.status).toBe('draft');
  });

  it('lists with matter, status and updated_since filters, and pages with a cursor', async () => {
    const { matter, ids } = await matterWithEntries([60, 60, 60, 60]);
    const [a, b, c, d] = [
      await draft(matter.id, [ids[0] ?? '']),
      await draft(matter.id, [ids[1] ?? '']),
      await draft(matter.id, [ids[2] ?? '']),
      await draft(matter.id, [ids[3] ?? '']),
    ];
    await act(admin, b.id, 'issue');
    await act(admin, c.id, 'issue');
    await act(admin, c.id, 'pay');
    const list = async (query: string) => {
      const response = await call(admin, 'GET', `/api/v1/bills?matter_id=${matter.id}&${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().data.map((bill: Bill) => bill.id);
    };
    expect(await list('')).toEqual([a.id, b.id, c.id, d.id]);
    expect(await list('status=draft')).toEqual([a.id, d.id]);
    expect(await list('status=issued')).toEqual([b.id]);
    expect(await list('status=paid')).toEqual([c.id]);
    expect(await list('status=void')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await act(admin, b.id, 'void');
    expect(await list(`updated_since=${encodeURIComponent(since)}`)).toEqual([b.id]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/bills?matter_id=${matter.id}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await call(admin, 'GET', url)).json();
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((bill: Bill) => bill.id));
      cursor = page.meta.next_cursor;
    } while (cursor);
    expect(seen).toEqual([a.id, b.id, c.id, d.id]);
    expect(
      (await call(admin, 'GET', `/api/v1/bills?matter_id=${matter.id}&limit=3`)).json().data[0].line_items,
    ).toHaveLength(1);
    for (const bad of ['status=open', 'matter_id=x', 'cursor=bm9wZQ', 'limit=0', 'updated_since=today']) {
      expect((await call(admin, 'GET', `/api/v1/bills?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it('replays a POST with the same Idempotency-Key (one bill) and refuses the key with another body (422)', async () => {
    const { matter, ids } = await matterWithEntries([600, 600]);
    const payload = { matter_id: matter.id, activity_ids: [ids[0]] };
    const headers = { 'idempotency-key': `bill-${matter.id}` };
    const first = await call(admin, 'POST', '/api/v1/bills', payload, headers);
    const again = await call(admin, 'POST', '/api/v1/bills', payload, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers.location).toBe(first.headers.location);
    const other = await call(admin, 'POST', '/api/v1/bills', { ...payload, activity_ids: [ids[1]] }, headers);
    expect(other.statusCode).toBe(422);
    expect((await call(admin, 'GET', `/api/v1/bills?matter_id=${matter.id}`)).json().data).toHaveLength(1);
    // A replayed transition answers as the first time instead of failing as a wrong transition.
    const issueKey = { 'idempotency-key': `issue-${first.json().data.id}` };
    const issued = await call(
      admin,
      'POST',
      `/api/v1/bills/${first.json().data.id}/issue`,
      undefined,
      issueKey,
    );
    const reissued = await call(
      admin,
      'POST',
      `/api/v1/bills/${first.json().data.id}/issue`,
      undefined,
      issueKey,
    );
    expect([issued.statusCode, reissued.statusCode]).toEqual([200, 200]);
    expect(reissued.json()).toEqual(issued.json());
  });

  it('refuses unknown fields and malformed bodies (400) with nothing written', async () => {
    const { matter, ids } = await matterWithEntries([600]);
    const before = await countBills();
    const base = { matter_id: matter.id, activity_ids: ids };
    for (const payload of [
      { ...base, status: 'issued' },
      { ...base, number: '99999' },
      { ...base, total: 1 },
      { ...base, activity_ids: [] },
      { ...base, activity_ids: [ids[0], ids[0]] },
      { ...base, activity_ids: ['not-an-id'] },
      { ...base, activity_ids: [5] },
      { ...base, activity_ids: Array.from({ length: 501 }, () => UNKNOWN_ID) },
      { ...base, due_date: 'next week' },
      { matter_id: matter.id },
    ]) {
      const response = await call(admin, 'POST', '/api/v1/bills', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
    }
    expect(await countBills()).toBe(before);
    const bill = await draft(matter.id, ids);
    for (const payload of [{}, { status: 'paid' }, { due_date: 5 }, { due_date: '2027-01-01', total: 1 }]) {
      const response = await call(admin, 'PATCH', `/api/v1/bills/${bill.id}`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it("snapshots a co-counsel's entry with the author's name and flag", async () => {
    const matter = await makeMatter(t.database.db, firmId);
    const theirWork = await makeActivity(t.database.db, {
      firmId,
      matterId: matter.id,
      authorMembershipId: coCounsel.membership.id,
      rate: 25000,
      amount: 25000,
    });
    const bill = await draft(matter.id, [theirWork.id]);
    expect(bill.line_items[0]).toMatchObject({ by_co_counsel: true, amount: 25000, rate: 25000 });
    expect(bill.line_items[0]?.author_name).not.toBe('');
    expect(bill.total).toBe(25000);
  });
});
