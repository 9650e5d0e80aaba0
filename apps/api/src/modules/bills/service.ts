import type { Bill, BillPage, BillQuery, CreateBill, UpdateBill } from '@chambers/contracts/bills';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError, type FieldError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { authorize, authorizeCreate, scope } from '../../policy/policy';
import { MAX_AMOUNT } from '../activities/rates';
import { type AuditAction, actedBy, recordAudit } from '../audit/audit-log';
import { loadPeopleNames, toPerson } from '../practice/people';
import { assertReferences } from '../practice/references';
import * as repo from './repository';

const NOT_FOUND = 'No such bill.';

/** Bills as answered, with their line items and creators' names loaded in one query each. */
async function toBills(db: Db, rows: repo.BillRow[]): Promise<Bill[]> {
  // One after the other: `db` may be a transaction, whose queries share one connection.
  const items = await repo.lineItemsOf(
    db,
    rows.map((row) => row.id),
  );
  const names = await loadPeopleNames(
    db,
    rows.map((row) => ({ membershipId: row.createdByMembershipId, contactId: null })),
  );
  const itemsByBill = new Map<string, repo.LineItemRow[]>();
  for (const item of items) {
    const list = itemsByBill.get(item.billId);
    if (list) list.push(item);
    else itemsByBill.set(item.billId, [item]);
  }
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    matter_id: row.matterId,
    status: row.status,
    due_date: row.dueDate,
    total: row.total,
    issued_at: row.issuedAt?.toISOString() ?? null,
    paid_at: row.paidAt?.toISOString() ?? null,
    voided_at: row.voidedAt?.toISOString() ?? null,
    line_items: (itemsByBill.get(row.id) ?? []).map((item) => ({
      id: item.id,
      activity_id: item.activityId,
      date: item.date,
      description: item.description,
      duration_seconds: item.durationSeconds,
      rate: item.rate,
      amount: item.amount,
      author_name: item.authorName,
      by_co_counsel: item.byCoCounsel,
    })),
    created_by: toPerson({ membershipId: row.createdByMembershipId, contactId: null }, names),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }));
}

/** One bill as answered (404 when out of sight); also reads back a change within its transaction. */
async function visibleBill(db: Db, principal: Principal, id: string): Promise<Bill> {
  const row = await repo.findBill(db, scope(principal, 'bill'), id);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  const [bill] = await toBills(db, [row]);
  if (!bill) throw new Error('bill not shaped');
  return bill;
}

export async function listBills(
  app: FastifyInstance,
  principal: Principal,
  query: BillQuery,
): Promise<BillPage> {
  const db = app.database.db;
  const limit = query.limit ?? 50;
  const rows = await repo.listBills(db, scope(principal, 'bill'), {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
    ...(query.matter_id ? { matterId: query.matter_id } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.updated_since ? { updatedSince: new Date(query.updated_since) } : {}),
  });
  const { items, nextCursor } = pageOf(rows, limit);
  return { data: await toBills(db, items), meta: { next_cursor: nextCursor } };
}

export const getBill = (app: FastifyInstance, principal: Principal, id: string) =>
  visibleBill(app.database.db, principal, id);

/** Why each requested entry cannot go on a draft of `matterId`, as errors at `/activity_ids/N`. */
function unbillable(
  ids: string[],
  matterId: string,
  entries: Awaited<ReturnType<typeof repo.entriesToBill>>,
): FieldError[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return ids.flatMap((id, index) => {
    const entry = byId.get(id);
    const message = !entry
      ? 'No such time entry.'
      : entry.matterId !== matterId
        ? 'The time entry is on another matter.'
        : entry.nonBillable
          ? 'The time entry is non-billable.'
          : entry.billId
            ? 'The time entry is already on a bill.'
            : null;
    return message ? [{ path: `/activity_ids/${index}`, message }] : [];
  });
}

const refuseEntries = (errors: FieldError[]) =>
  new AppError('unprocessable', 'Some time entries cannot be billed.', { errors });

/**
 * Makes a draft from unbilled entries: the firm's next number, the entries claimed atomically
 * (all or nothing), and a line item per entry as it is at this moment.
 */
export async function createBill(
  app: FastifyInstance,
  principal: Principal,
  body: CreateBill,
  ip: string,
): Promise<Bill> {
  authorizeCreate(principal, 'bill');
  return app.database.db.transaction(async (tx) => {
    await assertReferences(tx, principal, [{ path: '/matter_id', kind: 'matter', id: body.matter_id }]);
    const ids = body.activity_ids;
    const entries = await repo.entriesToBill(tx, scope(principal, 'activity'), ids);
    const refused = unbillable(ids, body.matter_id, entries);
    if (refused.length > 0) throw refuseEntries(refused);

    const number = await repo.nextBillNumber(tx, principal.firmId);
    const bill = await repo.insertBill(tx, {
      firmId: principal.firmId,
      matterId: body.matter_id,
      number: String(number).padStart(5, '0'),
      dueDate: body.due_date ?? null,
      createdByMembershipId: principal.membershipId,
    });
    const claimed = new Set(await repo.claimEntries(tx, { billId: bill.id, matterId: body.matter_id, ids }));
    if (claimed.size < ids.length) {
      // Another draft, or an edit, got there between the check above and the claim.
      throw refuseEntries(
        ids.flatMap((id, index) =>
          claimed.has(id)
            ? []
            : [{ path: `/activity_ids/${index}`, message: 'The time entry was just billed or changed.' }],
        ),
      );
    }

    const lines = await repo.entriesOfBill(tx, bill.id);
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    if (total > MAX_AMOUNT) {
      throw new AppError('unprocessable', 'The total is larger than a bill can hold; bill fewer entries.');
    }
    await repo.insertLineItems(
      tx,
      lines.map((line, position) => ({
        firmId: principal.firmId,
        billId: bill.id,
        activityId: line.id,
        position,
        date: line.date,
        description: line.description,
        durationSeconds: line.durationSeconds,
        rate: line.rate,
        amount: line.amount,
        authorName: line.authorName,
        byCoCounsel: line.authorRole === 'co_counsel',
      })),
    );
    await repo.updateBill(tx, bill.id, { total });
    await recordAudit(tx, {
      action: 'bill.created',
      ...actedBy(principal),
      objectType: 'bill',
      objectId: bill.id,
      ip,
      details: { matter_id: body.matter_id, number: bill.number, entries: ids.length, total },
    });
    return visibleBill(tx, principal, bill.id);
  });
}

/**
 * A bill the caller may change, row-locked for the rest of the transaction: 404 when out of
 * sight, 403 when only readable (staff). Locking the bill before its entries is the order entry
 * changes follow too.
 */
async function lockForChange(db: Db, principal: Principal, id: string) {
  const row = await repo.findBill(db, scope(principal, 'bill'), id, true);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  authorize(principal, { type: 'bill', firmId: row.firmId }, NOT_FOUND);
  return row;
}

const wrongStatus = (bill: repo.BillRow, allowed: string) =>
  new AppError('unprocessable', `This bill is ${bill.status}; ${allowed}.`);

export async function updateBill(
  app: FastifyInstance,
  principal: Principal,
  id: string,
  body: UpdateBill,
  ip: string,
): Promise<Bill> {
  return app.database.db.transaction(async (tx) => {
    const bill = await lockForChange(tx, principal, id);
    if (bill.status !== 'draft') throw wrongStatus(bill, 'only a draft can be changed');
    await repo.updateBill(tx, id, { dueDate: body.due_date });
    await recordAudit(tx, {
      action: 'bill.updated',
      ...actedBy(principal),
      objectType: 'bill',
      objectId: id,
      ip,
      details: { fields: Object.keys(body) },
    });
    return visibleBill(tx, principal, id);
  });
}

/** Deletes a draft and releases its entries; an issued bill is voided instead, never deleted. */
export async function deleteBill(app: FastifyInstance, principal: Principal, id: string, ip: string) {
  await app.database.db.transaction(async (tx) => {
    const bill = await lockForChange(tx, principal, id);
    if (bill.status !== 'draft')
      throw wrongStatus(bill, 'only a draft can be deleted (void an issued bill instead)');
    await repo.releaseEntries(tx, id);
    await repo.deleteBill(tx, id);
    await recordAudit(tx, {
      action: 'bill.deleted',
      ...actedBy(principal),
      objectType: 'bill',
      objectId: id,
      ip,
      details: { matter_id: bill.matterId, number: bill.number },
    });
  });
}

interface Transition {
  from: repo.BillStatus;
  to: repo.BillStatus;
  stamp: 'issuedAt' | 'paidAt' | 'voidedAt';
  action: AuditAction;
  /** Said when the bill is not in `from`. */
  allowed: string;
  /** Takes the entries off the bill (they can be edited and billed again). */
  releases: boolean;
}

const transitions = {
  issue: {
    from: 'draft',
    to: 'issued',
    stamp: 'issuedAt',
    action: 'bill.issued',
    allowed: 'only a draft can be issued',
    releases: false,
  },
  pay: {
    from: 'issued',
    to: 'paid',
    stamp: 'paidAt',
    action: 'bill.paid',
    allowed: 'only an issued bill can be marked paid',
    releases: false,
  },
  void: {
    from: 'issued',
    to: 'void',
    stamp: 'voidedAt',
    action: 'bill.voided',
    allowed: 'only an issued bill can be voided',
    releases: true,
  },
} as const satisfies Record<string, Transition>;

/** Moves a bill along its life cycle (issue, pay, void); any other move is refused with 422. */
export async function transitionBill(
  app: FastifyInstance,
  principal: Principal,
  id: string,
  name: keyof typeof transitions,
  ip: string,
): Promise<Bill> {
  const transition: Transition = transitions[name];
  return app.database.db.transaction(async (tx) => {
    const bill = await lockForChange(tx, principal, id);
    if (bill.status !== transition.from) throw wrongStatus(bill, transition.allowed);
    await repo.updateBill(tx, id, { status: transition.to, [transition.stamp]: new Date() });
    if (transition.releases) await repo.releaseEntries(tx, id);
    await recordAudit(tx, {
      action: transition.action,
      ...actedBy(principal),
      objectType: 'bill',
      objectId: id,
      ip,
      details: { matter_id: bill.matterId, number: bill.number },
    });
    return visibleBill(tx, principal, id);
  });
}
