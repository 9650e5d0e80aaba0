import { and, eq, gt, gte, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema/contacts';
import { firms } from '../../db/schema/firms';
import { matterContacts, matters } from '../../db/schema/matters';
import { containsText } from '../../lib/text-search';

export type MatterValues = Omit<
  typeof matters.$inferInsert,
  'id' | 'firmId' | 'number' | 'createdAt' | 'updatedAt'
>;

/** A matter with its client's display name. */
export interface MatterRow {
  matter: typeof matters.$inferSelect;
  clientName: string;
}

export interface MatterFilters {
  afterId?: string;
  status?: 'open' | 'pending' | 'closed';
  clientId?: string;
  attorneyId?: string;
  q?: string;
  updatedSince?: Date;
}

const withClient = { matter: matters, clientName: contacts.name };

/**
 * Matters within `scope` (the policy's), in id order, after `afterId`: a keyset walk of the
 * (firm_id, id) or (firm_id, status, id) index.
 */
export function listMatters(db: Db, scope: SQL, filters: MatterFilters, limit: number): Promise<MatterRow[]> {
  const { q, attorneyId } = filters;
  return db
    .select(withClient)
    .from(matters)
    .innerJoin(contacts, eq(contacts.id, matters.clientId))
    .where(
      and(
        scope,
        filters.afterId ? gt(matters.id, filters.afterId) : undefined,
        filters.status ? eq(matters.status, filters.status) : undefined,
        filters.clientId ? eq(matters.clientId, filters.clientId) : undefined,
        attorneyId
          ? or(eq(matters.responsibleAttorneyId, attorneyId), eq(matters.originatingAttorneyId, attorneyId))
          : undefined,
        q
          ? or(
              containsText(matters.number, q),
              containsText(matters.description, q),
              containsText(contacts.name, q),
            )
          : undefined,
        filters.updatedSince ? gte(matters.updatedAt, filters.updatedSince) : undefined,
      ),
    )
    .orderBy(matters.id)
    .limit(limit);
}

/** One matter within `scope`; `forUpdate` locks the matter's row (not its client's) until commit. */
export async function findMatter(
  db: Db,
  scope: SQL,
  id: string,
  forUpdate = false,
): Promise<MatterRow | null> {
  const query = db
    .select(withClient)
    .from(matters)
    .innerJoin(contacts, eq(contacts.id, matters.clientId))
    .where(and(scope, eq(matters.id, id)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update', { of: matters }) : await query;
  return row ?? null;
}

/**
 * The firm's next matter number. The row lock the increment takes is held until the transaction
 * ends, so concurrent creations are numbered one after another without gaps or repeats.
 */
export async function nextMatterNumber(db: Db, firmId: string): Promise<number> {
  const [row] = await db
    .update(firms)
    .set({ matterCounter: sql`${firms.matterCounter} + 1` })
    .where(eq(firms.id, firmId))
    .returning({ counter: firms.matterCounter });
  if (!row) throw new Error('firm vanished');
  return row.counter;
}

export async function insertMatter(
  db: Db,
  firmId: string,
  number: string,
  values: MatterValues,
): Promise<string> {
  const [row] = await db
    .insert(matters)
    .values({ ...values, firmId, number })
    .returning({ id: matters.id });
  if (!row) throw new Error('matter insert returned no row');
  return row.id;
}

export async function updateMatter(db: Db, id: string, values: Partial<MatterValues>): Promise<void> {
  await db.update(matters).set(values).where(eq(matters.id, id));
}

/** Deletes a matter; its notes, logs, events, tasks and related contacts go with it (cascade). */
export async function deleteMatter(db: Db, id: string): Promise<void> {
  await db.delete(matters).where(eq(matters.id, id));
}

/** The related contacts of the given matters, with names, in the order they were added. */
export function relatedContactsOf(db: Db, matterIds: string[]) {
  if (matterIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      matterId: matterContacts.matterId,
      contactId: matterContacts.contactId,
      name: contacts.name,
      relationship: matterContacts.relationship,
    })
    .from(matterContacts)
    .innerJoin(contacts, eq(contacts.id, matterContacts.contactId))
    .where(inArray(matterContacts.matterId, matterIds))
    .orderBy(matterContacts.id);
}

/** Replaces a matter's related contacts with `list`, in its order. */
export async function replaceRelatedContacts(
  db: Db,
  firmId: string,
  matterId: string,
  list: { contactId: string; relationship: string | null }[],
): Promise<void> {
  await db.delete(matterContacts).where(eq(matterContacts.matterId, matterId));
  if (list.length === 0) return;
  await db.insert(matterContacts).values(list.map((entry) => ({ ...entry, firmId, matterId })));
}
