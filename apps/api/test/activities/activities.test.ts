import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeMatter } from '../support/factories/practice';
import { makeActivity, makeCalendarEntry, makeTask } from '../support/factories/time-entries';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Activity {
  id: string;
  matter_id: string;
  date: string;
  duration_seconds: number;
  description: string;
  rate: number;
  amount: number;
  non_billable: boolean;
  author: { type: string; id: string; name: string };
  by_co_counsel: boolean;
  task_id: string | null;
  calendar_entry_id: string | null;
  billing_state: string;
  bill_id: string | null;
  updated_at: string;
}

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000ff';

describe('time entries', () => {
  let t: TestApp;
  let admin: SignedIn;
  let attorney: SignedIn;
  let staff: SignedIn;
  let coCounsel: SignedIn;
  let otherAdmin: SignedIn;
  let firmId: string;
  let otherFirmId: string;

  const { nextIp, call, rows } = apiCalls(() => t, '10.68');
  const create = async (session: SignedIn, payload: object): Promise<Activity> => {
    const response = await call(session, 'POST', '/api/v1/activities', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const list = async (query: string): Promise<Activity[]> => {
    const response = await call(admin, 'GET', `/api/v1/activities?limit=200&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data;
  };
  const countEntries = async () =>
    Number((await rows<{ n: string }>(sql`select count(*) as n from activities`))[0]?.n);

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

  it('logs time: 201 with Location, the matter rate, the amount, the caller as author; audited', async () => {
    const matter = await makeMatter(t.database.db, firmId, { rate: 30000 });
    const response = await call(attorney, 'POST', '/api/v1/activities', {
      matter_id: matter.id,
      date: '2026-11-20',
      duration_seconds: 5400,
      description: 'Reviewed the draft',
    });
    expect(response.statusCode).toBe(201);
    const { data } = response.json();
    expect(response.headers.location).toBe(`/api/v1/activities/${data.id}`);
    expect(data).toMatchObject({
      matter_id: matter.id,
      date: '2026-11-20',
      duration_seconds: 5400,
      description: 'Reviewed the draft',
      rate: 30000,
      amount: 45000,
      non_billable: false,
      author: { type: 'user', id: attorney.membership.id, name: 'Ari Attorney' },
      by_co_counsel: false,
      task_id: null,
      calendar_entry_id: null,
      document_id: null,
      billing_state: 'unbilled',
      bill_id: null,
    });
    expect(Object.keys(data).sort()).toEqual(
      [
        'amount',
        'author',
        'billing_state',
        'bill_id',
        'by_co_counsel',
        'calendar_entry_id',
        'created_at',
        'date',
        'description',
        'document_id',
        'duration_seconds',
        'id',
        'matter_id',
        'non_billable',
        'rate',
        'task_id',
        'updated_at',
      ].sort(),
    );
    const shown = await call(staff, 'GET', String(response.headers.location));
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toEqual(data);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${data.id}`,
    );
    expect(audited.map((event) => event.action)).toEqual(['activity.created']);
  });

  it("defaults the rate to the matter's, else the author's hourly rate, else 0; an explicit rate wins", async () => {
    const noRate = await makeMatter(t.database.db, firmId, { rate: null });
    await t.database.db.execute(
      sql`update memberships set hourly_rate = 20000 where id = ${admin.membership.id}`,
    );
    const fromAuthor = await create(admin, { matter_id: noRate.id, duration_seconds: 1800 });
    expect(fromAuthor).toMatchObject({ rate: 20000, amount: 10000 });
    await t.database.db.execute(
      sql`update memberships set hourly_rate = null where id = ${admin.membership.id}`,
    );
    const none = await create(admin, { matter_id: noRate.id, duration_seconds: 1800 });
    expect(none).toMatchObject({ rate: 0, amount: 0 });
    const explicit = await create(admin, { matter_id: noRate.id, duration_seconds: 1800, rate: 50000 });
    expect(explicit).toMatchObject({ rate: 50000, amount: 25000 });
    // Today in UTC when no date is given.
    expect(none.date).toBe(new Date().toISOString().slice(0, 10));
  });

  it('rounds amounts to the nearest minor unit (half up) and makes non-billable time worth 0', async () => {
    const matter = await makeMatter(t.database.db, firmId, { rate: 10000 });
    const cases = [
      { duration_seconds: 1, expected: 3 }, // 2.78
      { duration_seconds: 18, expected: 50 },
      { duration_seconds: 10, rate: 180, expected: 1 }, // 0.5 → 1
      { duration_seconds: 10, rate: 179, expected: 0 }, // 0.497 → 0
      { duration_seconds: 3600, non_billable: true, expected: 0 },
    ];
    for (const { expected, ...payload } of cases) {
      const entry = await create(admin, { matter_id: matter.id, ...payload });
      expect(entry.amount, JSON.stringify(payload)).toBe(expected);
    }
  });

  it("links a task or calendar entry of the same matter (or of none); another matter's is refused with 422", async () => {
    const db = t.database.db;
    const matter = await makeMatter(db, firmId, { rate: 10000 });
    const elsewhere = await makeMatter(db, firmId);
    const task = await makeTask(db, firmId, admin.membership.id, { matterId: matter.id });
    const looseTask = await makeTask(db, firmId, admin.membership.id);
    const event = await makeCalendarEntry(db, firmId, admin.membership.id, { matterId: matter.id });
    const linked = await create(admin, {
      matter_id: matter.id,
      duration_seconds: 600,
      task_id: task.id,
      calendar_entry_id: event.id,
    });
    expect(linked).toMatchObject({ task_id: task.id, calendar_entry_id: event.id });
    expect(
      (await create(admin, { matter_id: elsewhere.id, duration_seconds: 600, task_id: looseTask.id }))
        .task_id,
    ).toBe(looseTask.id);

    const before = await countEntries();
    const wrong = await call(admin, 'POST', '/api/v1/activities', {
      matter_id: elsewhere.id,
      duration_seconds: 600,
      task_id: task.id,
      calendar_entry_id: event.id,
    });
    expect(wrong.statusCode).toBe(422);
    expect(errorPaths(wrong)).toBe('/task_id /calendar_entry_id');
    // Moving the entry to another matter re-checks its links; unlinking first makes it possible.
    const moved = await call(admin, 'PATCH', `/api/v1/activities/${linked.id}`, { matter_id: elsewhere.id });
    expect(moved.statusCode).toBe(422);
    expect(errorPaths(moved)).toBe('/task_id /calendar_entry_id');
    const unlinked = await call(admin, 'PATCH', `/api/v1/activities/${linked.id}`, {
      matter_id: elsewhere.id,
      task_id: null,
      calendar_entry_id: null,
    });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json().data).toMatchObject({
      matter_id: elsewhere.id,
      task_id: null,
      calendar_entry_id: null,
    });
    expect(await countEntries()).toBe(before);
  });

  it("refuses another firm's matter, task or calendar entry (422, nothing written), unknown fields and wrong types (400)", async () => {
    const db = t.database.db;
    const matter = await makeMatter(db, firmId);
    const theirs = await makeMatter(db, otherFirmId);
    const theirTask = await makeTask(db, otherFirmId, otherAdmin.membership.id);
    const theirEvent = await makeCalendarEntry(db, otherFirmId, otherAdmin.membership.id);
    const before = await countEntries();

    const crossFirm = await call(admin, 'POST', '/api/v1/activities', {
      matter_id: theirs.id,
      duration_seconds: 600,
      task_id: theirTask.id,
      calendar_entry_id: theirEvent.id,
    });
    expect(crossFirm.statusCode).toBe(422);
    expect(errorPaths(crossFirm)).toBe('/matter_id /task_id /calendar_entry_id');

    const base = { matter_id: matter.id, duration_seconds: 600 };
    for (const payload of [
      { ...base, firm_id: otherFirmId },
      { ...base, amount: 5 },
      { ...base, author: { type: 'user', id: staff.membership.id } },
      { ...base, duration_seconds: 'an hour' },
      { ...base, duration_seconds: 0 },
      { ...base, duration_seconds: 86_401 },
      { ...base, rate: -1 },
      { ...base, date: '2026-13-01' },
      { ...base, matter_id: 'not-an-id' },
      { ...base, non_billable: 'sometimes' },
      { matter_id: matter.id },
    ]) {
      const response = await call(admin, 'POST', '/api/v1/activities', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await countEntries()).toBe(before);

    const entry = await create(admin, base);
    for (const payload of [{}, { bill_id: UNKNOWN_ID }, { duration_seconds: 'long' }]) {
      const response = await call(admin, 'PATCH', `/api/v1/activities/${entry.id}`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const moveAcross = await call(admin, 'PATCH', `/api/v1/activities/${entry.id}`, { matter_id: theirs.id });
    expect(moveAcross.statusCode).toBe(422);
    expect(errorPaths(moveAcross)).toBe('/matter_id');
    expect((await call(admin, 'GET', `/api/v1/activities/${entry.id}`)).json().data.matter_id).toBe(
      matter.id,
    );
  });

  it("answers another firm's entry, an unknown id, and a firm user's entry to co-counsel with 404; anonymous with 401", async () => {
    const theirs = await makeMatter(t.database.db, otherFirmId);
    const theirEntry = await makeActivity(t.database.db, {
      firmId: otherFirmId,
      matterId: theirs.id,
      authorMembershipId: otherAdmin.membership.id,
    });
    for (const [method, payload] of [['GET'], ['PATCH', { description: 'mine now' }], ['DELETE']] as const) {
      for (const id of [theirEntry.id, UNKNOWN_ID]) {
        const response = await call(admin, method, `/api/v1/activities/${id}`, payload);
        expect(response.statusCode, `${method} ${id}`).toBe(404);
      }
    }
    expect((await list(`matter_id=${theirs.id}`)).length).toBe(0);
    // Co-counsel see only their own time, and log none on a matter not shared with them.
    const mine = await makeMatter(t.database.db, firmId);
    const firmEntry = await create(admin, { matter_id: mine.id, duration_seconds: 60 });
    for (const [method, payload] of [['GET'], ['PATCH', { description: 'mine now' }], ['DELETE']] as const) {
      const response = await call(coCounsel, method, `/api/v1/activities/${firmEntry.id}`, payload);
      expect(response.statusCode, method).toBe(404);
    }
    const seen = await call(coCounsel, 'GET', `/api/v1/activities?matter_id=${mine.id}`);
    expect(seen.json().data).toEqual([]);
    const logged = await call(coCounsel, 'POST', '/api/v1/activities', {
      matter_id: mine.id,
      duration_seconds: 60,
    });
    expect(logged.statusCode).toBe(422);
    expect((await call(null, 'GET', '/api/v1/activities')).statusCode).toBe(401);
    const [row] = await rows<{ description: string }>(
      sql`select description from activities where id = ${theirEntry.id}`,
    );
    expect(row?.description).toBe('Work');
  });

  it('filters by matter, author, billing state, non-billable, date range and updated_since, and pages with a cursor', async () => {
    const db = t.database.db;
    const matter = await makeMatter(db, firmId, { rate: 10000 });
    const a = await create(admin, { matter_id: matter.id, duration_seconds: 600, date: '2026-03-01' });
    const b = await create(attorney, { matter_id: matter.id, duration_seconds: 600, date: '2026-03-02' });
    const c = await create(staff, {
      matter_id: matter.id,
      duration_seconds: 600,
      date: '2026-03-03',
      non_billable: true,
    });
    const d = await create(attorney, { matter_id: matter.id, duration_seconds: 600, date: '2026-03-04' });
    const e = await create(admin, { matter_id: matter.id, duration_seconds: 600, date: '2026-03-05' });
    const ids = (entries: Activity[]) => entries.map((entry) => entry.id);
    const m = `matter_id=${matter.id}`;

    expect(ids(await list(m))).toEqual([a.id, b.id, c.id, d.id, e.id]);
    expect(ids(await list(`${m}&author_id=${attorney.membership.id}`))).toEqual([b.id, d.id]);
    expect(ids(await list(`author_id=${staff.membership.id}&${m}`))).toEqual([c.id]);
    expect(ids(await list(`${m}&non_billable=true`))).toEqual([c.id]);
    expect(ids(await list(`${m}&non_billable=false`))).toEqual([a.id, b.id, d.id, e.id]);
    expect(ids(await list(`${m}&from=2026-03-02&to=2026-03-04`))).toEqual([b.id, c.id, d.id]);
    expect(ids(await list(`${m}&from=2026-03-05`))).toEqual([e.id]);
    expect(ids(await list(`${m}&to=2026-03-01`))).toEqual([a.id]);

    // Billing states: a on a draft, b on an issued bill.
    const draft = await call(admin, 'POST', '/api/v1/bills', { matter_id: matter.id, activity_ids: [a.id] });
    const issued = await call(admin, 'POST', '/api/v1/bills', { matter_id: matter.id, activity_ids: [b.id] });
    expect((await call(admin, 'POST', `/api/v1/bills/${issued.json().data.id}/issue`)).statusCode).toBe(200);
    expect(ids(await list(`${m}&billing_state=draft`))).toEqual([a.id]);
    expect(ids(await list(`${m}&billing_state=billed`))).toEqual([b.id]);
    expect(ids(await list(`${m}&billing_state=unbilled`))).toEqual([c.id, d.id, e.id]);
    const shownA = await list(`${m}&billing_state=draft`);
    expect(shownA[0]).toMatchObject({ billing_state: 'draft', bill_id: draft.json().data.id });

    // updated_since: only what changed at or after the instant.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(
      (await call(admin, 'PATCH', `/api/v1/activities/${e.id}`, { description: 'later' })).statusCode,
    ).toBe(200);
    expect(ids(await list(`${m}&updated_since=${encodeURIComponent(since)}`))).toEqual([e.id]);

    // Pages of two, following the cursor to the end.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/activities?${m}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await call(admin, 'GET', query)).json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.data));
      cursor = page.meta.next_cursor;
    } while (cursor);
    expect(seen).toEqual([a.id, b.id, c.id, d.id, e.id]);

    for (const bad of [
      'billing_state=paid',
      'non_billable=maybe',
      'from=yesterday',
      'author_id=x',
      'cursor=bm9wZQ',
      'limit=201',
      'colour=red',
    ]) {
      expect((await call(admin, 'GET', `/api/v1/activities?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it('updates with a fresh If-Match (amount recomputed, audited) and refuses a stale one (412, nothing changed)', async () => {
    const matter = await makeMatter(t.database.db, firmId, { rate: 12000 });
    const entry = await create(attorney, { matter_id: matter.id, duration_seconds: 3600 });
    const read = await call(attorney, 'GET', `/api/v1/activities/${entry.id}`);
    const etag = String(read.headers.etag);

    const changed = await call(
      attorney,
      'PATCH',
      `/api/v1/activities/${entry.id}`,
      { duration_seconds: 1800, description: 'Shorter' },
      { 'if-match': etag },
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json().data).toMatchObject({
      duration_seconds: 1800,
      description: 'Shorter',
      amount: 6000,
    });
    const rerated = await call(attorney, 'PATCH', `/api/v1/activities/${entry.id}`, { rate: 20000 });
    expect(rerated.json().data).toMatchObject({ rate: 20000, amount: 10000 });
    const nonBillable = await call(attorney, 'PATCH', `/api/v1/activities/${entry.id}`, {
      non_billable: true,
    });
    expect(nonBillable.json().data).toMatchObject({ rate: 20000, amount: 0, non_billable: true });

    const stale = await call(
      attorney,
      'PATCH',
      `/api/v1/activities/${entry.id}`,
      { description: 'Lost update' },
      { 'if-match': etag },
    );
    expect(stale.statusCode).toBe(412);
    expect((await call(attorney, 'GET', `/api/v1/activities/${entry.id}`)).json().data.description).toBe(
      'Shorter',
    );
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${entry.id} order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual([
      'activity.created',
      'activity.updated',
      'activity.updated',
      'activity.updated',
    ]);
  });

  it('deletes an entry (204, audited) and then answers 404; a stale If-Match deletes nothing', async () => {
    const matter = await makeMatter(t.database.db, firmId);
    const entry = await create(staff, { matter_id: matter.id, duration_seconds: 60 });
    const etag = String((await call(staff, 'GET', `/api/v1/activities/${entry.id}`)).headers.etag);
    await call(staff, 'PATCH', `/api/v1/activities/${entry.id}`, { description: 'changed' });
    expect(
      (await call(staff, 'DELETE', `/api/v1/activities/${entry.id}`, undefined, { 'if-match': etag }))
        .statusCode,
    ).toBe(412);
    const deleted = await call(staff, 'DELETE', `/api/v1/activities/${entry.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await call(staff, 'GET', `/api/v1/activities/${entry.id}`)).statusCode).toBe(404);
    expect((await call(staff, 'DELETE', `/api/v1/activities/${entry.id}`)).statusCode).toBe(404);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${entry.id} order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual([
      'activity.created',
      'activity.updated',
      'activity.deleted',
    ]);
  });

  it('replays a POST with the same Idempotency-Key (one row) and refuses the key with another body (422)', async () => {
    const matter = await makeMatter(t.database.db, firmId);
    const payload = { matter_id: matter.id, duration_seconds: 900, description: 'Once' };
    const headers = { 'idempotency-key': `activity-${matter.id}` };
    const first = await call(admin, 'POST', '/api/v1/activities', payload, headers);
    const again = await call(admin, 'POST', '/api/v1/activities', payload, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(again.headers.location).toBe(first.headers.location);
    const other = await call(
      admin,
      'POST',
      '/api/v1/activities',
      { ...payload, duration_seconds: 60 },
      headers,
    );
    expect(other.statusCode).toBe(422);
    expect((await list(`matter_id=${matter.id}`)).length).toBe(1);
  });

  it("marks a co-counsel's entry as such", async () => {
    const matter = await makeMatter(t.database.db, firmId);
    const entry = await makeActivity(t.database.db, {
      firmId,
      matterId: matter.id,
      authorMembershipId: coCounsel.membership.id,
      rate: 25000,
      amount: 25000,
    });
    const shown = (await call(admin, 'GET', `/api/v1/activities/${entry.id}`)).json().data;
    expect(shown).toMatchObject({
      by_co_counsel: true,
      author: { type: 'user', id: coCounsel.membership.id },
    });
    expect(shown.author.name).not.toBe('');
  });

  describe('totals', () => {
    it("sums a matter's time and amounts by billing state, with rounding, in one answer", async () => {
      const matter = await makeMatter(t.database.db, firmId, { rate: 10000 });
      const totals = async () => {
        const response = await call(staff, 'GET', `/api/v1/activities/totals?matter_id=${matter.id}`);
        expect(response.statusCode, response.body).toBe(200);
        return response.json().data;
      };
      expect(await totals()).toEqual({
        matter_id: matter.id,
        duration_seconds: 0,
        billable_duration_seconds: 0,
        amount: 0,
        unbilled_amount: 0,
        draft_amount: 0,
        billed_amount: 0,
      });
      const a = await create(admin, { matter_id: matter.id, duration_seconds: 1 }); // 2.78 → 3
      const b = await create(admin, { matter_id: matter.id, duration_seconds: 1 }); // 3 again, not 5.56 → 6
      const c = await create(admin, { matter_id: matter.id, duration_seconds: 3600, rate: 20000 }); // 20000
      await create(admin, { matter_id: matter.id, duration_seconds: 7200, non_billable: true });
      await call(admin, 'POST', '/api/v1/bills', { matter_id: matter.id, activity_ids: [a.id] });
      const issued = await call(admin, 'POST', '/api/v1/bills', {
        matter_id: matter.id,
        activity_ids: [c.id],
      });
      await call(admin, 'POST', `/api/v1/bills/${issued.json().data.id}/issue`);
      expect(await totals()).toEqual({
        matter_id: matter.id,
        duration_seconds: 1 + 1 + 3600 + 7200,
        billable_duration_seconds: 1 + 1 + 3600,
        amount: 3 + 3 + 20000,
        unbilled_amount: 3,
        draft_amount: 3,
        billed_amount: 20000,
      });
      expect(b.amount).toBe(3);
    });

    it("answers 404 for another firm's or an unknown matter, 400 without a matter", async () => {
      const theirs = await makeMatter(t.database.db, otherFirmId);
      await makeActivity(t.database.db, {
        firmId: otherFirmId,
        matterId: theirs.id,
        authorMembershipId: otherAdmin.membership.id,
      });
      for (const id of [theirs.id, UNKNOWN_ID]) {
        expect((await call(admin, 'GET', `/api/v1/activities/totals?matter_id=${id}`)).statusCode).toBe(404);
      }
      expect((await call(admin, 'GET', '/api/v1/activities/totals')).statusCode).toBe(400);
      const mine = await call(otherAdmin, 'GET', `/api/v1/activities/totals?matter_id=${theirs.id}`);
      expect(mine.json().data.duration_seconds).toBe(3600);
    });
  });
});
