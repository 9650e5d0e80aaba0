import type { PortalResourceType } from '@chambers/contracts/portals';
import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { conversations } from '../../db/schema/conversations';
import { documents, folders } from '../../db/schema/documents';
import { portalSharedResources } from '../../db/schema/portals';

export type SharedResourceRow = typeof portalSharedResources.$inferSelect;

/** A shared resource with its folder's or document's current name. */
export interface SharedResourceRecord {
  resource: SharedResourceRow;
  folderName: string | null;
  documentName: string | null;
}

/** The one folder or document a sharing row (or a request to share) names. */
export interface ResourceTarget {
  type: PortalResourceType;
  id: string;
}

/**
 * A portal's shared resources joined with their names. A deleted document's row stays (restoring
 * the document shares it again) but is not listed: to everyone but the firm it does not exist.
 */
function selectRecords(db: Db) {
  return db
    .select({ resource: portalSharedResources, folderName: folders.name, documentName: documents.name })
    .from(portalSharedResources)
    .leftJoin(folders, eq(folders.id, portalSharedResources.folderId))
    .leftJoin(documents, eq(documents.id, portalSharedResources.documentId));
}

const live = or(isNull(portalSharedResources.documentId), isNull(documents.deletedAt));

/** The resources shared into a portal, in id order, after `afterId`. */
export function listSharedResources(
  db: Db,
  portalId: string,
  options: { limit: number; afterId?: string },
): Promise<SharedResourceRecord[]> {
  return selectRecords(db)
    .where(
      and(
        eq(portalSharedResources.portalId, portalId),
        live,
        options.afterId ? gt(portalSharedResources.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(portalSharedResources.id))
    .limit(options.limit);
}

/** One shared resource of a portal, or null. */
export async function findSharedResource(
  db: Db,
  portalId: string,
  resourceId: string,
): Promise<SharedResourceRecord | null> {
  const [row] = await selectRecords(db)
    .where(and(eq(portalSharedResources.portalId, portalId), eq(portalSharedResources.id, resourceId)))
    .limit(1);
  return row ?? null;
}

/**
 * The name of a folder, or of a live document (not deleted, its upload complete), of the matter;
 * null when there is no such resource in that matter.
 */
export async function findMatterResourceName(
  db: Db,
  matterId: string,
  target: ResourceTarget,
): Promise<string | null> {
  if (target.type === 'folder') {
    const [row] = await db
      .select({ name: folders.name })
      .from(folders)
      .where(and(eq(folders.id, target.id), eq(folders.matterId, matterId)))
      .limit(1);
    return row?.name ?? null;
  }
  const [row] = await db
    .select({ name: documents.name })
    .from(documents)
    .where(
      and(
        eq(documents.id, target.id),
        eq(documents.matterId, matterId),
        isNull(documents.deletedAt),
        sql`${documents.currentVersionId} is not null`,
      ),
    )
    .limit(1);
  return row?.name ?? null;
}

/** Shares resources into a portal; a resource already shared there is a unique violation. */
export async function insertSharedResources(
  db: Db,
  values: (typeof portalSharedResources.$inferInsert)[],
): Promise<SharedResourceRow[]> {
  if (values.length === 0) return [];
  return db.insert(portalSharedResources).values(values).returning();
}

/** Removes a sharing row (never its resource); false when a concurrent request removed it first. */
export async function deleteSharedResource(db: Db, resourceId: string): Promise<boolean> {
  const deleted = await db
    .delete(portalSharedResources)
    .where(eq(portalSharedResources.id, resourceId))
    .returning({ id: portalSharedResources.id });
  return deleted.length > 0;
}

/**
 * When the portal was closed (null while open), its row held until the transaction ends: an upload
 * that streamed while the firm closed the portal is refused, not committed after the close.
 */
export async function lockedClosedAt(db: Db, portalId: string): Promise<Date | null> {
  const [row] = await db
    .select({ closedAt: conversations.closedAt })
    .from(conversations)
    .where(eq(conversations.id, portalId))
    .for('share')
    .limit(1);
  return row?.closedAt ?? null;
}
