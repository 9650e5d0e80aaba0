import type {
  Activity,
  ActivityPage,
  ActivityQuery,
  ActivityTotals,
  BillingState,
  CreateActivity,
  UpdateActivity,
} from '@chambers/contracts/activities';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import type { bills } from '../../db/schema/bills';
import { AppError } from '../../errors/app-error';
import { decodeCursor, decodeDateCursor, pageOf, pageOfDateKeyed } from '../../lib/cursor';
import { authorize, authorizeCreate, can, canSeeRates, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { loadPeopleNames, type PeopleNames, toPerson } from '../practice/people';
import { assertReferences, type Reference } from '../practice/references';
import { amountOf, defaultRate, MAX_AMOUNT } from './rates';
import * as repo from './repository';

const NOT_FOUND = 'No such time entry.';

function billingState(status: (typeof bills.$inferSelect)['status'] | null): BillingState {
  if (status === 'draft') return 'draft';
  if (status === 'issued' || status === 'paid') return 'billed';
  // A void bill has released its entries, so an entry never points at one.
  return 'unbilled';
}

/** What an answer may show the caller besides the entry itself: rates, and which bill holds it. */
interface Sight {
  rates: boolean;
  bills: boolean;
}

function toActivity(row: repo.ActivityRow, names: PeopleNames, sight: Sight): Activity {
  const { activity } = row;
  return {
    id: activity.id,
    matter_id: activity.matterId,
    date: activity.date,
    duration_seconds: activity.durationSeconds,
    description: activity.description,
    ...(sight.rates ? { rate: activity.rate, amount: activity.amount } : {}),
    non_billable: activity.nonBillable,
    author: toPerson({ membershipId: activity.authorMembershipId, contactId: null }, names),
    by_co_counsel: row.authorRole === 'co_counsel',
    task_id: activity.taskId,
    calendar_entry_id: activity.calendarEntryId,
    document_id: activity.documentId,
    billing_state: billingState(row.billStatus),
    // A caller who cannot open bills (co-counsel) learns that its entry is billed, not which bill.
    bill_id: sight.bills ? activity.billId : null,
    created_at: activity.createdAt.toISOString(),
    updated_at: activity.updatedAt.toISOString(),
  };
}

/** Entries as answered, with their authors' names loaded in one query for the whole page. */
async function toActivities(db: Db, principal: Principal, rows: repo.ActivityRow[]): Promise<Activity[]> {
  const names = await loadPeopleNames(
    db,
    rows.map((row) => ({ membershipId: row.activity.authorMembershipId, contactId: null })),
  );
  const sight = {
    rates: canSeeRates(principal),
    bills: can(principal, 'read', { type: 'bill', firmId: principal.firmId }),
  };
  return rows.map((row) => toActivity(row, names, sight));
}

/** One entry as answered (404 when out of sight); also reads back a write within its transaction. */
async function visibleActivity(db: Db, principal: Principal, id: string): Promise<Activity> {
  const row = await repo.findActivity(db, scope(principal, 'activity'), id);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  const [activity] = await toActivities(db, principal, [row]);
  if (!activity) throw new Error('time entry not shaped');
  return activity;
}

export async function listActivities(
  app: FastifyInstance,
  principal: Principal,
  query: ActivityQuery,
): Promise<ActivityPage> {
  const db = app.database.db;
  const limit = query.limit ?? 50;
  const { cursor } = query;
  const byDate = query.order === 'date_desc';
  const position: repo.ActivityPosition = byDate
    ? {
        order: 'date_desc',
        ...(cursor === undefined ? {} : { after: decodeDateCursor('date_desc', cursor) }),
      }
    : { order: 'created', ...(cursor === undefined ? {} : { afterId: decodeCursor(cursor) }) };
  const rows = await repo.listActivities(db, scope(principal, 'activity'), {
    limit: limit + 1,
    position,
    ...(query.matter_id ? { matterId: query.matter_id } : {}),
    ...(query.author_id ? { authorId: query.author_id } : {}),
    ...(query.document_id ? { documentId: query.document_id } : {}),
    ...(query.billing_state ? { billingState: query.billing_state } : {}),
    ...(query.non_billable === undefined ? {} : { nonBillable: query.non_billable }),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.updated_since ? { updatedSince: new Date(query.updated_since) } : {}),
  });
  const keyed = rows.map((row) => ({ ...row, id: row.activity.id }));
  const { items, nextCursor } = byDate
    ? pageOfDateKeyed(keyed, limit, 'date_desc', (row) => row.activity.date)
    : pageOf(keyed, limit);
  return { data: await toActivities(db, principal, items), meta: { next_cursor: nextCursor } };
}

export const getActivity = (app: FastifyInstance, principal: Principal, id: string) =>
  visibleActivity(app.database.db, principal, id);

export async function getMatterTotals(
  app: FastifyInstance,
  principal: Principal,
  matterId: string,
): Promise<ActivityTotals> {
  const row = await repo.matterTotals(
    app.database.db,
    scope(principal, 'matter'),
    scope(principal, 'activity'),
    matterId,
  );
  if (!row) throw new AppError('not_found', 'No such matter.');
  return {
    matter_id: matterId,
    duration_seconds: Number(row.durationSeconds),
    billable_duration_seconds: Number(row.billableDurationSeconds),
    ...(canSeeRates(principal)
      ? {
          amount: Number(row.amount),
          unbilled_amount: Number(row.unbilledAmount),
          draft_amount: Number(row.draftAmount),
          billed_amount: Number(row.billedAmount),
        }
      : {}),
  };
}

/** Today's date in UTC, the default date of an entry. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

const unprocessable = (path: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ path, message }] });

/**
 * Refuses (422) a `rate` from a caller who may not see rates: a co-counsel's time carries the rate
 * the firm keeps on its contact card, which it neither sees nor chooses.
 */
function assertMaySetRate(principal: Principal, body: CreateActivity | UpdateActivity) {
  if (body.rate !== undefined && !canSeeRates(principal)) {
    throw unprocessable('/rate', 'Your time is billed at the rate agreed with the firm; leave out rate.');
  }
}

/** The amount of an entry, refused (422) when it would not fit the amount column. */
function checkedAmount(entry: Parameters<typeof amountOf>[0]): number {
  const amount = amountOf(entry);
  if (amount > MAX_AMOUNT) throw unprocessable('/rate', 'Rate × duration is larger than an amount can be.');
  return amount;
}

/**
 * Refuses (422) a linked task, calendar entry or document that sits on another matter than the
 * entry: time logged from a task of matter A never lands on matter B's bill. A document the
 * request names must also be one people can open (not deleted, its upload complete); a link made
 * earlier to a document deleted since is only checked for its matter, so the entry can still move.
 */
async function assertLinksOnMatter(db: Db, links: repo.Links, namesDocument: boolean) {
  if (!links.taskId && !links.calendarEntryId && !links.documentId) return;
  const { taskMatterId, calendarEntryMatterId, document } = await repo.linkedMatters(db, links);
  const errors: { path: string; message: string }[] = [];
  if (taskMatterId && taskMatterId !== links.matterId) {
    errors.push({ path: '/task_id', message: 'The task is on another matter.' });
  }
  if (calendarEntryMatterId && calendarEntryMatterId !== links.matterId) {
    errors.push({ path: '/calendar_entry_id', message: 'The calendar entry is on another matter.' });
  }
  if (namesDocument && !document?.live) {
    errors.push({ path: '/document_id', message: 'No such document.' });
  } else if (document && document.matterId !== links.matterId) {
    errors.push({ path: '/document_id', message: 'The document is on another matter.' });
  }
  if (errors.length > 0) {
    throw new AppError('unprocessable', 'A linked record is on another matter.', { errors });
  }
}

/** The references a request names, for `assertReferences`. */
function referencesOf(body: UpdateActivity): Reference[] {
  return [
    ...(body.matter_id ? [{ path: '/matter_id', kind: 'matter' as const, id: body.matter_id }] : []),
    ...(body.task_id ? [{ path: '/task_id', kind: 'task' as const, id: body.task_id }] : []),
    ...(body.calendar_entry_id
      ? [{ path: '/calendar_entry_id', kind: 'calendar_entry' as const, id: body.calendar_entry_id }]
      : []),
    ...(body.document_id ? [{ path: '/document_id', kind: 'document' as const, id: body.document_id }] : []),
  ];
}

export async function createActivity(
  app: FastifyInstance,
  principal: Principal,
  body: CreateActivity,
  ip: string,
): Promise<Activity> {
  authorizeCreate(principal, 'activity');
  assertMaySetRate(principal, body);
  return app.database.db.transaction(async (tx) => {
    await assertReferences(tx, principal, referencesOf(body));
    const taskId = body.task_id ?? null;
    const calendarEntryId = body.calendar_entry_id ?? null;
    const documentId = body.document_id ?? null;
    await assertLinksOnMatter(
      tx,
      { matterId: body.matter_id, taskId, calendarEntryId, documentId },
      documentId !== null,
    );
    const rate = body.rate ?? defaultRate(await repo.rateSources(tx, body.matter_id, principal.membershipId));
    const nonBillable = body.non_billable ?? false;
    const { id } = await repo.insertActivity(tx, {
      firmId: principal.firmId,
      matterId: body.matter_id,
      date: body.date ?? todayUtc(),
      durationSeconds: body.duration_seconds,
      description: body.description ?? '',
      rate,
      amount: checkedAmount({ rate, durationSeconds: body.duration_seconds, nonBillable }),
      nonBillable,
      authorMembershipId: principal.membershipId,
      taskId,
      calendarEntryId,
      documentId,
    });
    await recordAudit(tx, {
      action: 'activity.created',
      ...actedBy(principal),
      objectType: 'activity',
      objectId: id,
      ip,
      details: { matter_id: body.matter_id },
    });
    return visibleActivity(tx, principal, id);
  });
}

/**
 * An entry the caller may change, row-locked, with the status of the bill it is on. The bill is
 * locked first, in the order bill changes take (bill, then its entries), so the two never
 * deadlock; an entry put on or taken off a bill between the two reads is a conflict (409).
 */
async function lockForChange(db: Db, principal: Principal, id: string) {
  const seen = await repo.findActivity(db, scope(principal, 'activity'), id);
  if (!seen) throw new AppError('not_found', NOT_FOUND);
  const { firmId, authorMembershipId } = seen.activity;
  authorize(principal, { type: 'activity', firmId, authorMembershipId }, NOT_FOUND);
  const billStatus = seen.activity.billId ? await repo.lockBillStatus(db, seen.activity.billId) : null;
  const activity = await repo.lockActivity(db, id);
  if (!activity) throw new AppError('not_found', NOT_FOUND);
  if (activity.billId !== seen.activity.billId) {
    throw new AppError('conflict', 'The time entry was just put on or taken off a bill; read it again.');
  }
  return { activity, billStatus };
}

const LOCKED = 'Billed entries are locked; void the bill first.';

export async function updateActivity(
  app: FastifyInstance,
  principal: Principal,
  id: string,
  body: UpdateActivity,
  ip: string,
): Promise<Activity> {
  return app.database.db.transaction(async (tx) => {
    const { activity, billStatus } = await lockForChange(tx, principal, id);
    assertMaySetRate(principal, body);
    if (billingState(billStatus) === 'billed') throw new AppError('unprocessable', LOCKED);
    if (billStatus === 'draft') {
      // The draft's line items are a snapshot, so edits are harmless; leaving its matter or its
      // billable work is not (delete the draft to release the entry first).
      if (body.matter_id !== undefined && body.matter_id !== activity.matterId) {
        throw unprocessable('/matter_id', 'An entry on a draft bill cannot move to another matter.');
      }
      if (body.non_billable === true) {
        throw unprocessable('/non_billable', 'An entry on a draft bill cannot become non-billable.');
      }
    }
    await assertReferences(tx, principal, referencesOf(body));
    const next = {
      matterId: body.matter_id ?? activity.matterId,
      taskId: body.task_id === undefined ? activity.taskId : body.task_id,
      calendarEntryId:
        body.calendar_entry_id === undefined ? activity.calendarEntryId : body.calendar_entry_id,
      documentId: body.document_id === undefined ? activity.documentId : body.document_id,
      durationSeconds: body.duration_seconds ?? activity.durationSeconds,
      rate: body.rate ?? activity.rate,
      nonBillable: body.non_billable ?? activity.nonBillable,
    };
    if (body.matter_id !== undefined || body.task_id || body.calendar_entry_id || body.document_id) {
      await assertLinksOnMatter(tx, next, Boolean(body.document_id));
    }
    await repo.updateActivity(tx, id, {
      ...next,
      ...(body.date === undefined ? {} : { date: body.date }),
      ...(body.description === undefined ? {} : { description: body.description }),
      amount: checkedAmount(next),
    });
    await recordAudit(tx, {
      action: 'activity.updated',
      ...actedBy(principal),
      objectType: 'activity',
      objectId: id,
      ip,
      details: { fields: Object.keys(body) },
    });
    return visibleActivity(tx, principal, id);
  });
}

export async function deleteActivity(app: FastifyInstance, principal: Principal, id: string, ip: string) {
  await app.database.db.transaction(async (tx) => {
    const { activity, billStatus } = await lockForChange(tx, principal, id);
    if (billingState(billStatus) === 'billed') throw new AppError('unprocessable', LOCKED);
    if (billStatus === 'draft') {
      throw new AppError(
        'unprocessable',
        'This entry is on a draft bill; delete the draft to release it, then delete the entry.',
      );
    }
    await repo.deleteActivity(tx, id);
    await recordAudit(tx, {
      action: 'activity.deleted',
      ...actedBy(principal),
      objectType: 'activity',
      objectId: id,
      ip,
      details: { matter_id: activity.matterId },
    });
  });
}
