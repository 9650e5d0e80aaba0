import type { BillingState } from '@chambers/contracts/activities';
import { and, desc, eq, gt, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { activities } from '../../db/schema/activities';
import { bills } from '../../db/schema/bills';
import { calendarEntries } from '../../db/schema/calendar';
import { contacts } from '../../db/schema/contacts';
import { documents } from '../../db/schema/documents';
import { matters } from '../../db/schema/matters';
import { memberships } from '../../db/schema/memberships';
import { tasks } from '../../db/schema/tasks';
import type { DateKey } from '../../lib/cursor';
import type { RateSources } from './rates';

/**
 * An entry with what its answer derives from: the status of the bill it is on and its author's
 * role. Both are primary-key lookups joined into the page query, never a query per row.
 */
const activityRow = {
  activity: activities,
  billStatus: bills.status,
  authorRole: memberships.role,
};

export interface ActivityRow {
  activity: typeof activities.$inferSelect;
  billStatus: (typeof bills.$inferSelect)['status'] | null;
  authorRole: (typeof memberships.$inferSelect)['role'];
}

const selectActivities = (db: Db) =>
  db
    .select(activityRow)
    .from(activities)
    .innerJoin(memberships, eq(memberships.id, activities.authorMembershipId))
    .leftJoin(bills, eq(bills.id, activities.billId));

const inBillingState: Record<BillingState, () => SQL | undefined> = {
  unbilled: () => isNull(activities.billId),
  draft: () => eq(bills.status, 'draft'),
  billed: () => inArray(bills.status, ['issued', 'paid']),
};

/**
 * Where a page starts: after an id (logged order), or after a (date, id) position in newest-date
 * order, whose row comparison an index on (…, date, id) read backwards answers.
 */
export type ActivityPosition =
  | { order: 'created'; afterId?: string }
  | { order: 'date_desc'; after?: DateKey };

const positionOf = (position: ActivityPosition): SQL | undefined => {
  if (position.order === 'created') return position.afterId ? gt(activities.id, position.afterId) : undefined;
  return position.after
    ? sql`(${activities.date}, ${activities.id}) < (${position.after.date}::date, ${position.after.id}::uuid)`
    : undefined;
};

const orderOf = (position: ActivityPosition) =>
  position.order === 'created' ? [activities.id] : [desc(activities.date), desc(activities.id)];

export interface ActivityFilters {
  limit: number;
  position: ActivityPosition;
  matterId?: string;
  authorId?: string;
  documentId?: string;
  billingState?: BillingState;
  nonBillable?: boolean;
  from?: string;
  to?: string;
  updatedSince?: Date;
}

/** Entries within `scope`, a keyset page in `position`'s order on (firm|matter|author, [date,] id). */
export function listActivities(db: Db, scope: SQL, filters: ActivityFilters): Promise<ActivityRow[]> {
  return selectActivities(db)
    .where(
      and(
        scope,
        positionOf(filters.position),
        filters.matterId ? eq(activities.matterId, filters.matterId) : undefined,
        filters.authorId ? eq(activities.authorMembershipId, filters.authorId) : undefined,
        filters.documentId ? eq(activities.documentId, filters.documentId) : undefined,
        filters.billingState ? inBillingState[filters.billingState]() : undefined,
        filters.nonBillable === undefined ? undefined : eq(activities.nonBillable, filters.nonBillable),
        filters.from ? gte(activities.date, filters.from) : undefined,
        filters.to ? lte(activities.date, filters.to) : undefined,
        filters.updatedSince ? gte(activities.updatedAt, filters.updatedSince) : undefined,
      ),
    )
    .orderBy(...orderOf(filters.position))
    .limit(filters.limit);
}

export async function findActivity(db: Db, scope: SQL, id: string): Promise<ActivityRow | null> {
  const [row] = await selectActivities(db)
    .where(and(scope, eq(activities.id, id)))
    .limit(1);
  return row ?? null;
}

/** The entry's row, locked until the transaction ends. */
export async function lockActivity(db: Db, id: string) {
  const [row] = await db.select().from(activities).where(eq(activities.id, id)).for('update');
  return row ?? null;
}

/**
 * The status of a bill, share-locked: a bill changes (issue, void, delete) under an update lock
 * taken *before* it touches its entries, so an entry change takes this lock first too.
 */
export async function lockBillStatus(db: Db, billId: string) {
  const [row] = await db
    .select({ status: bills.status })
    .from(bills)
    .where(eq(bills.id, billId))
    .for('share');
  return row?.status ?? null;
}

export async function insertActivity(db: Db, values: typeof activities.$inferInsert) {
  const [row] = await db.insert(activities).values(values).returning({ id: activities.id });
  if (!row) throw new Error('time entry not inserted');
  return row;
}

export async function updateActivity(
  db: Db,
  id: string,
  values: Partial<Omit<typeof activities.$inferInsert, 'id' | 'firmId'>>,
) {
  await db.update(activities).set(values).where(eq(activities.id, id));
}

export async function deleteActivity(db: Db, id: string) {
  await db.delete(activities).where(eq(activities.id, id));
}

/**
 * What a new entry's rate comes from: the matter's rate and the author's own, or, when the author
 * is co-counsel, its contact card's rate.
 */
export async function rateSources(
  db: Db,
  matterId: string,
  authorMembershipId: string,
): Promise<RateSources> {
  const [row] = await db
    .select({
      matterRate: matters.rate,
      authorRole: memberships.role,
      authorHourlyRate: memberships.hourlyRate,
      contactHourlyRate: contacts.hourlyRate,
    })
    .from(matters)
    .innerJoin(memberships, eq(memberships.id, authorMembershipId))
    .leftJoin(contacts, eq(contacts.id, memberships.contactId))
    .where(eq(matters.id, matterId))
    .limit(1);
  if (!row) throw new Error('rate sources of a checked matter are missing');
  return row.authorRole === 'co_counsel'
    ? { author: 'co_counsel', contactHourlyRate: row.contactHourlyRate }
    : { author: 'firm_user', matterRate: row.matterRate, authorHourlyRate: row.authorHourlyRate };
}

/** What a time entry links to, besides its matter. */
export interface Links {
  matterId: string;
  taskId: string | null;
  calendarEntryId: string | null;
  documentId: string | null;
}

/**
 * The matter (or null) of the task and of the calendar entry an entry links to, and the linked
 * document's matter and whether it is live (not deleted, its upload complete).
 */
export async function linkedMatters(db: Db, links: Links) {
  const [task] = links.taskId
    ? await db.select({ matterId: tasks.matterId }).from(tasks).where(eq(tasks.id, links.taskId))
    : [];
  const [entry] = links.calendarEntryId
    ? await db
        .select({ matterId: calendarEntries.matterId })
        .from(calendarEntries)
        .where(eq(calendarEntries.id, links.calendarEntryId))
    : [];
  const [document] = links.documentId
    ? await db
        .select({
          matterId: documents.matterId,
          live: sql<boolean>`${documents.currentVersionId} is not null and ${documents.deletedAt} is null`,
        })
        .from(documents)
        .where(eq(documents.id, links.documentId))
    : [];
  return {
    taskMatterId: task?.matterId ?? null,
    calendarEntryMatterId: entry?.matterId ?? null,
    document: document ?? null,
  };
}

const sumOf = (expression: SQL) => sql<string | number>`coalesce(sum(${expression}), 0)`;
const sumWhere = (expression: SQL, condition: SQL) =>
  sql<string | number>`coalesce(sum(${expression}) filter (where ${condition}), 0)`;

/**
 * A matter's running totals in one aggregate query; no row when the matter is out of
 * `matterScope`. Non-billable entries carry amount 0, so the amount sums need no extra filter.
 */
export async function matterTotals(db: Db, matterScope: SQL, activityScope: SQL, matterId: string) {
  const billable = sql`not ${activities.nonBillable}`;
  const [row] = await db
    .select({
      durationSeconds: sumOf(sql`${activities.durationSeconds}`),
      billableDurationSeconds: sumWhere(sql`${activities.durationSeconds}`, billable),
      amount: sumOf(sql`${activities.amount}`),
      unbilledAmount: sumWhere(sql`${activities.amount}`, sql`${activities.billId} is null`),
      draftAmount: sumWhere(sql`${activities.amount}`, sql`${bills.status} = 'draft'`),
      billedAmount: sumWhere(sql`${activities.amount}`, sql`${bills.status} in ('issued', 'paid')`),
    })
    .from(matters)
    .leftJoin(activities, and(eq(activities.matterId, matters.id), activityScope))
    .leftJoin(bills, eq(bills.id, activities.billId))
    .where(and(matterScope, eq(matters.id, matterId)))
    .groupBy(matters.id);
  return row ?? null;
}
