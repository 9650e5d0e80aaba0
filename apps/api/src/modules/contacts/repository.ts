import { and, eq, gt, gte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema/contacts';
import { containsPattern, containsText } from '../../lib/text-search';

export type ContactRow = typeof contacts.$inferSelect;
export type ContactValues = Omit<typeof contacts.$inferInsert, 'id' | 'firmId' | 'createdAt' | 'updatedAt'>;

export interface ContactFilters {
  afterId?: string;
  q?: string;
  kind?: 'person' | 'company';
  isClient?: boolean;
  isCoCounsel?: boolean;
  updatedSince?: Date;
}

/** Whether any of the contact's email addresses contains `q` (the `email` column is only the primary). */
const anyEmailContains = (q: string) =>
  sql`exists (select 1 from jsonb_array_elements(${contacts.emails}) as address(entry)
               where address.entry->>'address' ilike ${containsPattern(q)})`;

/** Contacts within `scope` (the policy's), in id order, after `afterId`. */
export function listContacts(db: Db, scope: SQL, filters: ContactFilters, limit: number) {
  return db
    .select()
    .from(contacts)
    .where(
      and(
        scope,
        filters.afterId ? gt(contacts.id, filters.afterId) : undefined,
        filters.q ? or(containsText(contacts.name, filters.q), anyEmailContains(filters.q)) : undefined,
        filters.kind ? eq(contacts.kind, filters.kind) : undefined,
        filters.isClient === undefined ? undefined : eq(contacts.isClient, filters.isClient),
        filters.isCoCounsel === undefined ? undefined : eq(contacts.isCoCounsel, filters.isCoCounsel),
        filters.updatedSince ? gte(contacts.updatedAt, filters.updatedSince) : undefined,
      ),
    )
    .orderBy(contacts.id)
    .limit(limit);
}

/** One contact within `scope`; `forUpdate` locks its row until the transaction ends. */
export async function findContact(
  db: Db,
  scope: SQL,
  id: string,
  forUpdate = false,
): Promise<ContactRow | null> {
  const query = db
    .select()
    .from(contacts)
    .where(and(scope, eq(contacts.id, id)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertContact(db: Db, firmId: string, values: ContactValues): Promise<ContactRow> {
  const [row] = await db
    .insert(contacts)
    .values({ ...values, firmId })
    .returning();
  if (!row) throw new Error('contact insert returned no row');
  return row;
}

export async function updateContact(db: Db, id: string, values: ContactValues): Promise<ContactRow> {
  const [row] = await db.update(contacts).set(values).where(eq(contacts.id, id)).returning();
  if (!row) throw new Error('contact vanished');
  return row;
}

export async function deleteContact(db: Db, id: string): Promise<void> {
  await db.delete(contacts).where(eq(contacts.id, id));
}

/** Marks a contact as a client (a matter names it so); leaves it alone if it already is one. */
export async function markClient(db: Db, id: string): Promise<void> {
  await db
    .update(contacts)
    .set({ isClient: true })
    .where(and(eq(contacts.id, id), eq(contacts.isClient, false)));
}
