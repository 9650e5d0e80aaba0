import { and, count, eq, gt, gte, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { documents, folders } from '../../db/schema/documents';
import { matters } from '../../db/schema/matters';

export type FolderRow = typeof folders.$inferSelect;

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Folders within `scope` (the policy's), in id order, after `afterId`. */
export function listFolders(
  db: Db,
  scope: SQL,
  options: { limit: number; afterId?: string; matterId?: string; parentId?: string; updatedSince?: Date },
) {
  return db
    .select()
    .from(folders)
    .where(
      and(
        scope,
        options.matterId ? eq(folders.matterId, options.matterId) : undefined,
        options.parentId ? eq(folders.parentId, options.parentId) : undefined,
        options.updatedSince ? gte(folders.updatedAt, options.updatedSince) : undefined,
        options.afterId ? gt(folders.id, options.afterId) : undefined,
      ),
    )
    .orderBy(folders.id)
    .limit(options.limit);
}

export async function findFolder(db: Db, scope: SQL, folderId: string): Promise<FolderRow | null> {
  const [row] = await db
    .select()
    .from(folders)
    .where(and(scope, eq(folders.id, folderId)))
    .limit(1);
  return row ?? null;
}

/** The policy's scopes of folders and of matters, for a lookup that may use either. */
export interface FilingScopes {
  folder: SQL;
  matter: SQL;
}

/** The root folders of the matters within `matterScope`. */
const rootOfVisibleMatter = (db: Db, matterScope: SQL) =>
  and(
    isNull(folders.parentId),
    inArray(folders.matterId, db.select({ id: matters.id }).from(matters).where(matterScope)),
  );

/**
 * A folder things may be filed into: one within the folder scope, or the root folder of a matter
 * within the matter scope (co-counsel files into a shared matter's root without seeing its tree).
 */
export async function findFilingFolder(
  db: Db,
  scopes: FilingScopes,
  folderId: string,
): Promise<FolderRow | null> {
  const [row] = await db
    .select()
    .from(folders)
    .where(and(eq(folders.id, folderId), or(scopes.folder, rootOfVisibleMatter(db, scopes.matter))))
    .limit(1);
  return row ?? null;
}

/** The root folder of a matter within `matterScope`, or null. */
export async function findMatterRoot(db: Db, matterScope: SQL, matterId: string): Promise<FolderRow | null> {
  const [row] = await db
    .select()
    .from(folders)
    .where(and(eq(folders.matterId, matterId), rootOfVisibleMatter(db, matterScope)))
    .limit(1);
  return row ?? null;
}

/**
 * Locks a matter's tree through its root row and answers the root's id. Moves and deletes take it
 * `exclusive`ly, so two of them cannot interleave their cycle checks or subtree reads; creates take
 * it `shared` (they may run together, but not while a subtree is being moved or removed). Neither
 * mode conflicts with the key-share lock a document insert takes on its folder.
 */
export async function lockTree(db: Db, matterId: string, mode: 'shared' | 'exclusive'): Promise<string> {
  const [root] = await rowsOf<{ id: string }>(
    db,
    sql`select id from folders where matter_id = ${matterId} and parent_id is null
        ${mode === 'shared' ? sql`for share` : sql`for no key update`}`,
  );
  if (!root) throw new Error(`matter ${matterId} has no root folder`);
  return root.id;
}

/** Whether `folderId` is `targetId` or one of its ancestors (walks up: as deep as the tree, no more). */
export async function isSelfOrAncestor(db: Db, folderId: string, targetId: string): Promise<boolean> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`with recursive chain (id, parent_id) as (
          select id, parent_id from folders where id = ${targetId}
          union all
          select f.id, f.parent_id from folders f join chain on f.id = chain.parent_id
        )
        select id from chain where id = ${folderId} limit 1`,
  );
  return rows.length > 0;
}

/** The folder and all its descendants, locked against concurrent inserts of children and documents. */
export async function lockSubtree(db: Db, folderId: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select id from folders where id in (
          with recursive subtree (id) as (
            select id from folders where id = ${folderId}
            union all
            select f.id from folders f join subtree on f.parent_id = subtree.id
          )
          select id from subtree
        )
        for update`,
  );
  return rows.map((row) => row.id);
}

/** How many sub-folders and visible (live, completed) documents a folder holds directly. */
export async function countContents(db: Db, folderId: string) {
  const [subFolders] = await db.select({ n: count() }).from(folders).where(eq(folders.parentId, folderId));
  const [liveDocuments] = await db
    .select({ n: count() })
    .from(documents)
    .where(
      and(
        eq(documents.folderId, folderId),
        isNull(documents.deletedAt),
        isNotNull(documents.currentVersionId),
      ),
    );
  return { folders: subFolders?.n ?? 0, documents: liveDocuments?.n ?? 0 };
}

/**
 * Moves every document out of `folderIds` into the matter's root folder, deleting the live ones
 * (kept restorable there); deleted and never-completed ones keep their state. Answers how many
 * were deleted now.
 */
export async function evacuateDocuments(
  db: Db,
  folderIds: string[],
  rootId: string,
  deletedBy: string,
): Promise<number> {
  const live = and(isNull(documents.deletedAt), isNotNull(documents.currentVersionId));
  const deleted = await db
    .update(documents)
    .set({ folderId: rootId, deletedAt: new Date(), deletedByMembershipId: deletedBy })
    .where(and(inArray(documents.folderId, folderIds), live))
    .returning({ id: documents.id });
  await db.update(documents).set({ folderId: rootId }).where(inArray(documents.folderId, folderIds));
  return deleted.length;
}

/** Removes folders in one statement, so parent links among them are checked only at its end. */
export async function deleteFolders(db: Db, folderIds: string[]): Promise<void> {
  await db.delete(folders).where(inArray(folders.id, folderIds));
}

export async function insertFolder(db: Db, values: typeof folders.$inferInsert): Promise<FolderRow> {
  const [row] = await db.insert(folders).values(values).returning();
  if (!row) throw new Error('folder not inserted');
  return row;
}

export async function updateFolder(
  db: Db,
  folderId: string,
  values: Partial<Pick<typeof folders.$inferInsert, 'name' | 'parentId'>>,
): Promise<FolderRow> {
  const [row] = await db.update(folders).set(values).where(eq(folders.id, folderId)).returning();
  if (!row) throw new Error('folder vanished');
  return row;
}
