import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarAttendees } from '../../src/db/schema/calendar';
import { apiCalls } from '../support/api-calls';
import { makeDocument } from '../support/factories/documents';
import { makeMatter } from '../support/factories/practice';
import { makeCalendarEntry, makeTask } from '../support/factories/time-entries';
import { errorPaths } from '../support/problems';
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

/** What the co-counsel is paid per hour, and what the matter's client is billed per hour. */
const COUNSEL_RATE = 25000;
const MATTER_RATE = 30000;

/**
 * A co-counsel's time: its own entries only, logged on the matters shared with it at the one rate
 * the firm keeps on its contact card, never shown a rate, an amount or a bill; changed until billed.
 */
describe('co-counsel time entries', () => {
  let t: TestApp;
  let firm: PracticeFirm;
  let counsel: CoCounsel;
  let colleague: CoCounsel;
  const { nextIp, call, rows } = apiCalls(() => t, '10.94');
  const ids = {
    shared: '',
    unshared: '',
    shareId: '',
    myTask: '',
    staffTask: '',
    attended: '',
    internal: '',
    sharedDocument: '',
    hiddenDocument: '',
  };

  const log = async (session: SignedIn, payload: object) => {
    const response = await call(session, 'POST', '/api/v1/activities', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const listed = async (session: SignedIn, query = '') => {
    const response = await call(session, 'GET', `/api/v1/activities?limit=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as Record<string, unknown>[];
  };
  const stored = async (id: string) =>
    (
      await rows<{ rate: number; amount: number }>(sql`select rate, amount from activities where id = ${id}`)
    )[0];
  const entryCount = async () =>
    Number((await rows<{ n: string }>(sql`select count(*) as n from activities`))[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    firm = await seedPracticeFirm(t, nextIp);
    const db = t.database.db;
    counsel = await makeCoCounsel(t, firm.firmId, {
      email: 'time-counsel@outside.test',
      hourlyRate: COUNSEL_RATE,
      ip: nextIp(),
    });
    colleague = await makeCoCounsel(t, firm.firmId, {
      email: 'time-colleague@outside.test',
      hourlyRate: 18000,
      ip: nextIp(),
    });
    const shared = await makeMatter(db, firm.firmId, { rate: MATTER_RATE });
    ids.shared = shared.id;
    ids.unshared = (await makeMatter(db, firm.firmId, { rate: MATTER_RATE })).id;
    const sharedBy = firm.admin.membership.id;
    ids.shareId = await share(db, {
      firmId: firm.firmId,
      contactId: counsel.contactId,
      matterId: ids.shared,
      sharedBy,
    });
    await share(db, { firmId: firm.firmId, contactId: colleague.contactId, matterId: ids.shared, sharedBy });

    const admin = firm.admin.membership.id;
    ids.myTask = (
      await makeTask(db, firm.firmId, admin, { matterId: ids.shared, assigneeContactId: counsel.contactId })
    ).id;
    ids.staffTask = (
      await makeTask(db, firm.firmId, admin, {
        matterId: ids.shared,
        assigneeMembershipId: firm.staff.membership.id,
      })
    ).id;
    ids.attended = (await makeCalendarEntry(db, firm.firmId, admin, { matterId: ids.shared })).id;
    await db
      .insert(calendarAttendees)
      .values({ firmId: firm.firmId, entryId: ids.attended, contactId: counsel.contactId });
    ids.internal = (await makeCalendarEntry(db, firm.firmId, admin, { matterId: ids.shared })).id;
    const document = (name: string) =>
      makeDocument(db, {
        firmId: firm.firmId,
        matterId: ids.shared,
        folderId: shared.rootFolderId,
        uploadedBy: admin,
        name,
      });
    ids.sharedDocument = (await document('Expert report.pdf')).document.id;
    ids.hiddenDocument = (await document('Internal memo.pdf')).document.id;
    await share(db, {
      firmId: firm.firmId,
      contactId: counsel.contactId,
      documentId: ids.sharedDocument,
      sharedBy,
    });
  });
  afterAll(() => t.close());

  it("logs time on a shared matter at its own rate, whatever the matter's, and is never shown a rate or an amount", async () => {
    const mine = await log(counsel.session, {
      matter_id: ids.shared,
      duration_seconds: 5400,
      description: 'Research',
    });
    expect(mine).not.toHaveProperty('rate');
    expect(mine).not.toHaveProperty('amount');
    expect(mine).toMatchObject({
      author: { type: 'user', id: counsel.membershipId },
      by_co_counsel: true,
      billing_state: 'unbilled',
      bill_id: null,
    });
    expect(await stored(mine.id)).toEqual({ rate: COUNSEL_RATE, amount: 37500 });
    // A firm user's time on the same matter still starts from the matter's rate.
    const firms = await log(firm.admin, { matter_id: ids.shared, duration_seconds: 3600 });
    expect(firms).toMatchObject({ rate: MATTER_RATE, amount: MATTER_RATE });
    const theirs = await log(colleague.session, { matter_id: ids.shared, duration_seconds: 3600 });
    expect(await stored(theirs.id)).toEqual({ rate: 18000, amount: 18000 });

    // It sees its own time only: not the firm's, not another co-counsel's.
    const seen = await listed(counsel.session);
    expect(seen.map((entry) => entry.id)).toEqual([mine.id]);
    for (const entry of seen) {
      expect(entry).not.toHaveProperty('rate');
      expect(entry).not.toHaveProperty('amount');
    }
    for (const id of [firms.id, theirs.id]) {
      expect((await call(counsel.session, 'GET', `/api/v1/activities/${id}`)).statusCode, id).toBe(404);
    }
    const totals = (
      await call(counsel.session, 'GET', `/api/v1/activities/totals?matter_id=${ids.shared}`)
    ).json().data;
    expect(totals).toEqual({
      matter_id: ids.shared,
      duration_seconds: 5400,
      billable_duration_seconds: 5400,
    });

    // The firm sees co-counsel time, filtered by its author, with the co-counsel's rate, ready to bill.
    const byAuthor = await listed(firm.admin, `&author_id=${counsel.membershipId}`);
    expect(byAuthor).toEqual([
      expect.objectContaining({ id: mine.id, rate: COUNSEL_RATE, amount: 37500, by_co_counsel: true }),
    ]);
    const firmTotals = (
      await call(firm.admin, 'GET', `/api/v1/activities/totals?matter_id=${ids.shared}`)
    ).json().data;
    expect(firmTotals).toMatchObject({
      duration_seconds: 12600,
      unbilled_amount: 37500 + MATTER_RATE + 18000,
    });
  });

  it('refuses a rate (422) and records it cannot see (422); links the task, event and document it sees', async () => {
    const before = await entryCount();
    const refused = async (payload: object, path: string) => {
      const response = await call(counsel.session, 'POST', '/api/v1/activities', payload);
      expect(response.statusCode, response.body).toBe(422);
      expect(errorPaths(response)).toBe(path);
    };
    await refused({ matter_id: ids.shared, duration_seconds: 60, rate: 99000 }, '/rate');
    await refused({ matter_id: ids.unshared, duration_seconds: 60 }, '/matter_id');
    await refused({ matter_id: ids.shared, duration_seconds: 60, task_id: ids.staffTask }, '/task_id');
    await refused(
      { matter_id: ids.shared, duration_seconds: 60, calendar_entry_id: ids.internal },
      '/calendar_entry_id',
    );
    await refused(
      { matter_id: ids.shared, duration_seconds: 60, document_id: ids.hiddenDocument },
      '/document_id',
    );
    expect(await entryCount()).toBe(before);

    const linked = await log(counsel.session, {
      matter_id: ids.shared,
      duration_seconds: 600,
      task_id: ids.myTask,
      calendar_entry_id: ids.attended,
      document_id: ids.sharedDocument,
    });
    expect(linked).toMatchObject({
      task_id: ids.myTask,
      calendar_entry_id: ids.attended,
      document_id: ids.sharedDocument,
    });
    const url = `/api/v1/activities/${linked.id}`;
    for (const [payload, path] of [
      [{ rate: 1 }, '/rate'],
      [{ matter_id: ids.unshared }, '/matter_id'],
    ] as const) {
      const response = await call(counsel.session, 'PATCH', url, payload);
      expect(response.statusCode, response.body).toBe(422);
      expect(errorPaths(response)).toBe(path);
    }
    expect(await stored(linked.id)).toEqual({ rate: COUNSEL_RATE, amount: 4167 });
  });

  it('changes and deletes its own time until billed; a bill drafted from it carries its rate; bills stay out of sight', async () => {
    const entry = await log(counsel.session, { matter_id: ids.shared, duration_seconds: 3600 });
    const url = `/api/v1/activities/${entry.id}`;
    const changed = await call(counsel.session, 'PATCH', url, {
      duration_seconds: 7200,
      description: 'Drafting',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await stored(entry.id)).toEqual({ rate: COUNSEL_RATE, amount: 50000 });
    const spare = await log(counsel.session, { matter_id: ids.shared, duration_seconds: 60 });
    expect((await call(counsel.session, 'DELETE', `/api/v1/activities/${spare.id}`)).statusCode).toBe(204);

    const drafted = await call(firm.admin, 'POST', '/api/v1/bills', {
      matter_id: ids.shared,
      activity_ids: [entry.id],
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const bill = drafted.json().data;
    expect(bill.line_items).toEqual([
      expect.objectContaining({
        activity_id: entry.id,
        rate: COUNSEL_RATE,
        amount: 50000,
        by_co_counsel: true,
      }),
    ]);
    // It learns its time is on a draft, not which bill: bills are the firm's.
    expect((await call(counsel.session, 'GET', url)).json().data).toMatchObject({
      billing_state: 'draft',
      bill_id: null,
    });
    expect((await call(firm.admin, 'GET', url)).json().data.bill_id).toBe(bill.id);
    expect((await call(counsel.session, 'DELETE', url)).statusCode).toBe(422);

    const issued = await call(firm.admin, 'POST', `/api/v1/bills/${bill.id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect((await call(counsel.session, 'PATCH', url, { description: 'Later' })).statusCode).toBe(422);
    expect((await call(counsel.session, 'DELETE', url)).statusCode).toBe(422);
    expect((await call(counsel.session, 'GET', url)).json().data.billing_state).toBe('billed');
    for (const path of ['/api/v1/bills', `/api/v1/bills/${bill.id}`, `/api/v1/bills/${bill.id}/void`]) {
      const method = path.endsWith('/void') ? 'POST' : 'GET';
      expect((await call(counsel.session, method, path)).statusCode, path).toBe(404);
    }
  });

  it('keeps its own time once the share stops, but logs no more on that matter', async () => {
    const entry = await log(counsel.session, { matter_id: ids.shared, duration_seconds: 900 });
    await stopSharing(t.database.db, ids.shareId);
    expect((await call(counsel.session, 'GET', `/api/v1/activities/${entry.id}`)).statusCode).toBe(200);
    const refused = await call(counsel.session, 'POST', '/api/v1/activities', {
      matter_id: ids.shared,
      duration_seconds: 60,
    });
    expect(refused.statusCode).toBe(422);
    expect(
      (await call(counsel.session, 'GET', `/api/v1/activities/totals?matter_id=${ids.shared}`)).statusCode,
    ).toBe(404);
  });
});
