import { and, asc, eq, gt, gte, inArray, isNull, not, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { activities } from '../../db/schema/activities';
import { billLineItems, bills } from '../../db/schema/bills';
import { firms } from '../../db/schema/firms';
import { identities } from '../../db/schema/identities';
import { memberships } from '../../db/schema/memberships';

export type BillRow = typeof bills.$inferSelect;
export type BillStatus = BillRow['status'];
export type LineItemRow = typeof billLineItems.$inferSelect;

/** Bills within `scope`, in id order after `afterId`. */
export function listBills(
  db: Db,
  scope: SQL,
  filters: { limit: number; afterId?: string; matterId?: string; status?: BillStatus; updatedSince?: Date },
): Promise<BillRow[]> {
  return db
    .select()
    .from(bills)
    .where(
      and(
        scope,
        filters.afterId ? gt(bills.id, filters.afterId) : undefined,
        filters.matterId ? eq(bills.matterId, filters.matterId) : undefined,
        filters.status ? eq(bills.status, filters.status) : undefined,
        filters.updatedSince ? gte(bills.updatedAt, filters.updatedSince) : undefined,
      ),
    )
    .orderBy(bills.id)
    .limit(filters.limit);
}

/** A bill within `scope`; with `lock`, row-locked until the transaction ends. */
export async function findBill(db: Db, scope: SQL, id: string, lock = false): Promise<BillRow | null> {
  const query = db
    .select()
    .from(bills)
    .where(and(scope, eq(bills.id, id)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The line items of some bills in one query, in each bill's order. */
export function lineItemsOf(db: Db, billIds: string[]): Promise<LineItemRow[]> {
  if (billIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(billLineItems)
    .where(inArray(billLineItems.billId, billIds))
    .orderBy(billLineItems.billId, billLineItems.position);
}

/**
 * The firm's next bill number. The increment holds the firm row's lock until the transaction
 * ends, so numbers are handed out one at a time and a rolled-back draft gives its number back.
 * (`updated_at` is kept: handing out a number does not change the firm.)
 */
export async function nextBillNumber(db: Db, firmId: string): Promise<number> {
  const [row] = await db
    .update(firms)
    .set({ billCounter: sql`${firms.billCounter} + 1`, updatedAt: sql`${firms.updatedAt}` })
    .where(eq(firms.id, firmId))
    .returning({ billCounter: firms.billCounter });
  if (!row) throw new Error('firm of the caller is missing');
  return row.billCounter;
}

/** The entries a draft is asked for, within `scope`, with what decides whether they may be billed. */
export function entriesToBill(db: Db, scope: SQL, ids: string[]) {
  return db
    .select({
      id: activities.id,
      matterId: activities.matterId,
      nonBillable: activities.nonBillable,
      billId: activities.billId,
    })
    .from(activities)
    .where(and(scope, inArray(activities.id, ids)));
}

export async function insertBill(db: Db, values: typeof bills.$inferInsert): Promise<BillRow> {
  const [row] = await db.insert(bills).values(values).returning();
  if (!row) throw new Error('bill not inserted');
  return row;
}

/**
 * Puts the entries on the bill in one statement that re-checks, row by row under its lock, that
 * each is still on the matter, billable and on no bill: of two drafts racing for one entry, only
 * one gets it. Answers the ids it claimed.
 */
export async function claimEntries(db: Db, claim: { billId: string; matterId: string; ids: string[] }) {
  const rows = await db
    .update(activities)
    .set({ billId: claim.billId })
    .where(
      and(
        inArray(activities.id, claim.ids),
        eq(activities.matterId, claim.matterId),
        isNull(activities.billId),
        not(activities.nonBillable),
      ),
    )
    .returning({ id: activities.id });
  return rows.map((row) => row.id);
}

/** A bill's entries as they are now, with their authors' names and roles, in date order. */
export function entriesOfBill(db: Db, billId: string) {
  return db
    .select({
      id: activities.id,
      date: activities.date,
      description: activities.description,
      durationSeconds: activities.durationSeconds,
      rate: activities.rate,
      amount: activities.amount,
      authorName: identities.name,
      authorRole: memberships.role,
    })
    .from(activities)
    .innerJoin(memberships, eq(memberships.id, activities.authorMembershipId))
    .innerJoin(identities, eq(identities.id, memberships.identityId))
    .where(eq(activities.billId, billId))
    .orderBy(asc(activities.date), asc(activities.id));
}

export async function insertLineItems(db: Db, values: (typeof billLineItems.$inferInsert)[]) {
  await db.insert(billLineItems).values(values);
}

export async function updateBill(
  db: Db,
  id: string,
  values: Partial<Pick<BillRow, 'status' | 'dueDate' | 'total' | 'issuedAt' | 'paidAt' | 'voidedAt'>>,
) {
  await db.update(bills).set(values).where(eq(bills.id, id));
}

/** Takes every entry off the bill, so each can be edited and billed again. */
export async function releaseEntries(db: Db, billId: string) {
  await db.update(activities).set({ billId: null }).where(eq(activities.billId, billId));
}

export async function deleteBill(db: Db, id: string) {
  await db.delete(bills).where(eq(bills.id, id));
}
