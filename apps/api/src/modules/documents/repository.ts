import { and, desc, eq, gt, gte, inArray, max, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { documents, documentVersions, folders } from '../../db/schema/documents';
import { identities } from '../../db/schema/identities';
import { matters } from '../../db/schema/matters';
import { memberships } from '../../db/schema/memberships';
import { containsText } from '../../lib/text-search';
import { scope } from '../../policy/policy';
import { visibleDocuments } from './lookup';

export type FolderRow = typeof folders.$inferSelect;
export type DocumentRecord = typeof documents.$inferSelect;
export type VersionRow = typeof documentVersions.$inferSelect;

export interface DocumentFilters {
  limit: number;
  afterId?: string;
  matterId?: string;
  folderId?: string;
  q?: string;
  updatedSince?: Date;
  /** Deleted documents restorable since this instant, instead of live ones. */
  deletedSince?: Date;
}

/** A page of the documents the principal sees, in id (creation) order. */
export function listDocuments(db: Db, principal: Principal, filters: DocumentFilters) {
  return visibleDocuments(
    db,
    principal,
    and(
      filters.matterId ? eq(documents.matterId, filters.matterId) : undefined,
      filters.folderId ? eq(documents.folderId, filters.folderId) : undefined,
      filters.q ? containsText(documents.name, filters.q) : undefined,
      filters.updatedSince ? gte(documents.updatedAt, filters.updatedSince) : undefined,
      filters.deletedSince ? gte(documents.deletedAt, filters.deletedSince) : undefined,
      filters.afterId ? gt(documents.id, filters.afterId) : undefined,
    ),
    filters.deletedSince !== undefined,
  )
    .orderBy(documents.id)
    .limit(filters.limit);
}

/** A folder the principal may see, or null. */
export async function findFolder(db: Db, principal: Principal, folderId: string): Promise<FolderRow | null> {
  const [row] = await db
    .select()
    .from(folders)
    .where(and(scope(principal, 'folder'), eq(folders.id, folderId)))
    .limit(1);
  return row ?? null;
}

/** The folder named `name` (ignoring case, as the unique index does) under `parentId`, or null. */
async function findChild(db: Db, parentId: string, name: string): Promise<FolderRow | null> {
  const [row] = await db
    .select()
    .from(folders)
    .where(and(eq(folders.parentId, parentId), sql`lower(${folders.name}) = lower(${name})`))
    .limit(1);
  return row ?? null;
}

/**
 * The sub-folder `name` of `parent`, made if missing. A concurrent upload making the same folder
 * makes the insert a no-op (the sibling-name index) instead of failing the transaction; the
 * folder it committed is then read.
 */
export async function findOrCreateChild(
  tx: Db,
  parent: FolderRow,
  name: string,
  createdByMembershipId: string | null,
): Promise<{ folder: FolderRow; created: boolean }> {
  const existing = await findChild(tx, parent.id, name);
  if (existing) return { folder: existing, created: false };
  const [created] = await tx
    .insert(folders)
    .values({
      firmId: parent.firmId,
      matterId: parent.matterId,
      parentId: parent.id,
      name,
      createdByMembershipId,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return { folder: created, created: true };
  const raced = await findChild(tx, parent.id, name);
  if (!raced) throw new Error(`folder "${name}" neither inserted nor found`);
  return { folder: raced, created: false };
}

export async function insertDocument(tx: Db, values: typeof documents.$inferInsert): Promise<DocumentRecord> {
  const [row] = await tx.insert(documents).values(values).returning();
  if (!row) throw new Error('document not inserted');
  return row;
}

export async function insertVersion(
  tx: Db,
  values: typeof documentVersions.$inferInsert,
): Promise<VersionRow> {
  const [row] = await tx.insert(documentVersions).values(values).returning();
  if (!row) throw new Error('version not inserted');
  return row;
}

export async function updateDocument(
  tx: Db,
  documentId: string,
  values: Partial<
    Pick<
      typeof documents.$inferInsert,
      'name' | 'folderId' | 'currentVersionId' | 'deletedAt' | 'deletedByMembershipId'
    >
  >,
): Promise<DocumentRecord> {
  const [row] = await tx.update(documents).set(values).where(eq(documents.id, documentId)).returning();
  if (!row) throw new Error('document vanished');
  return row;
}

/** Locks a document row for the rest of the transaction (version numbers, current version). */
export async function lockDocument(tx: Db, documentId: string): Promise<DocumentRecord | null> {
  const [row] = await tx.select().from(documents).where(eq(documents.id, documentId)).for('update').limit(1);
  return row ?? null;
}

/** The number the next version of a document gets; call with the document locked. */
export async function nextVersionNumber(tx: Db, documentId: string): Promise<number> {
  const [row] = await tx
    .select({ highest: max(documentVersions.number) })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId));
  return (row?.highest ?? 0) + 1;
}

/** A document's available versions, newest first. */
export function listVersions(db: Db, documentId: string) {
  return db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.status, 'available')))
    .orderBy(desc(documentVersions.number));
}

/** A version of a document the principal may see (any status) with its document; locked when `lock` is set. */
export async function findScopedVersion(
  db: Db,
  principal: Principal,
  versionId: string,
  options: { lock?: boolean } = {},
): Promise<{ version: VersionRow; document: DocumentRecord } | null> {
  const query = db
    .select({ version: documentVersions, document: documents })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(scope(principal, 'document'), eq(documentVersions.id, versionId)))
    .limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** A version by id, whatever its firm (the signed upload link names it). */
export async function findVersionById(db: Db, versionId: string): Promise<VersionRow | null> {
  const [row] = await db.select().from(documentVersions).where(eq(documentVersions.id, versionId)).limit(1);
  return row ?? null;
}

export async function updateVersion(
  tx: Db,
  versionId: string,
  values: Partial<
    Pick<
      typeof documentVersions.$inferInsert,
      'number' | 'status' | 'contentType' | 'availableAt' | 'expiresAt'
    >
  >,
): Promise<VersionRow> {
  const [row] = await tx
    .update(documentVersions)
    .set(values)
    .where(eq(documentVersions.id, versionId))
    .returning();
  if (!row) throw new Error('version vanished');
  return row;
}

/** A matter's number, description and responsible attorney, or null. */
export async function findMatterHeading(db: Db, matterId: string) {
  const [row] = await db
    .select({
      id: matters.id,
      firmId: matters.firmId,
      number: matters.number,
      description: matters.description,
      responsibleAttorneyId: matters.responsibleAttorneyId,
    })
    .from(matters)
    .where(eq(matters.id, matterId))
    .limit(1);
  return row ?? null;
}

/** The addresses of a firm's active memberships matching `which`, in a stable order. */
async function activeEmails(db: Db, firmId: string, which: SQL | undefined): Promise<string[]> {
  const rows = await db
    .select({ email: identities.email })
    .from(memberships)
    .innerJoin(identities, eq(identities.id, memberships.identityId))
    .where(and(eq(memberships.firmId, firmId), eq(memberships.status, 'active'), which))
    .orderBy(identities.email);
  return rows.map((row) => row.email);
}

/** The address of a firm user by membership while it is active and a firm user (else none). */
export function activeFirmUserEmails(db: Db, firmId: string, membershipId: string): Promise<string[]> {
  return activeEmails(
    db,
    firmId,
    and(eq(memberships.id, membershipId), inArray(memberships.role, ['admin', 'attorney', 'staff'])),
  );
}

/** The addresses of a firm's active admins. */
export function activeAdminEmails(db: Db, firmId: string): Promise<string[]> {
  return activeEmails(db, firmId, eq(memberships.role, 'admin'));
}
