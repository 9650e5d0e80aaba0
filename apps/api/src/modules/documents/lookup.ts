import type { Document, DocumentVersion } from '@chambers/contracts/documents';
import { and, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { documents, documentVersions } from '../../db/schema/documents';
import { AppError } from '../../errors/app-error';
import { can, scope } from '../../policy/policy';
import { loadMembersAsPeople, memberAsPerson } from '../practice/members-as-people';

/** A document joined with its current version: what every document answer is made from. */
export const documentWithVersion = { document: documents, version: documentVersions };
export type DocumentRow = {
  document: typeof documents.$inferSelect;
  version: typeof documentVersions.$inferSelect;
};

/**
 * The live documents, or the deleted ones — which exist only to those who may restore them:
 * co-counsel reads but never changes documents, so a deleted one is gone for it (404, in no list).
 */
function liveOrDeleted(principal: Principal, deleted: boolean): SQL {
  if (!deleted) return isNull(documents.deletedAt);
  return can(principal, 'write', { type: 'document', firmId: principal.firmId })
    ? isNotNull(documents.deletedAt)
    : sql`false`;
}

/**
 * Documents the principal may see, joined with their current version. Only documents with an
 * available current version exist to anyone; `deleted` picks the live ones (default) or the
 * deleted, still restorable ones.
 */
export function visibleDocuments(db: Db, principal: Principal, where: SQL | undefined, deleted = false) {
  return db
    .select(documentWithVersion)
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .where(and(scope(principal, 'document'), liveOrDeleted(principal, deleted), where));
}

/** One visible document, or 404 (another firm's, a deleted one, one never completed: all alike). */
export async function findDocument(
  db: Db,
  principal: Principal,
  documentId: string,
  options: { deleted?: boolean } = {},
): Promise<DocumentRow> {
  const [row] = await visibleDocuments(db, principal, eq(documents.id, documentId), options.deleted).limit(1);
  if (!row) throw new AppError('not_found', 'No such document.');
  return row;
}

/** An available version of a document by number, or its current one; 404 otherwise. */
export async function findVersion(db: Db, document: DocumentRow, number?: number) {
  if (number === undefined) return document.version;
  const [version] = await db
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.documentId, document.document.id),
        eq(documentVersions.number, number),
        eq(documentVersions.status, 'available'),
      ),
    )
    .limit(1);
  if (!version) throw new AppError('not_found', 'No such version of this document.');
  return version;
}

/** Documents as answered, naming their uploaders (one query for the names of the whole page). */
export async function toDocuments(db: Db, rows: readonly DocumentRow[]): Promise<Document[]> {
  const uploaders = await loadMembersAsPeople(
    db,
    rows.map((row) => row.document.uploadedByMembershipId),
  );
  return rows.map(({ document, version }) => ({
    id: document.id,
    matter_id: document.matterId,
    folder_id: document.folderId,
    name: document.name,
    content_type: version.contentType,
    size: version.size,
    sha256: version.sha256,
    version: version.number ?? 1,
    current_version_id: version.id,
    uploaded_by: memberAsPerson(uploaders, document.uploadedByMembershipId),
    created_at: document.createdAt.toISOString(),
    updated_at: document.updatedAt.toISOString(),
    deleted_at: document.deletedAt?.toISOString() ?? null,
  }));
}

export async function toDocument(db: Db, row: DocumentRow): Promise<Document> {
  const [document] = await toDocuments(db, [row]);
  if (!document) throw new Error('toDocuments lost a row');
  return document;
}

/** Versions as answered; `currentVersionId` marks the current one. */
export async function toVersions(
  db: Db,
  versions: readonly (typeof documentVersions.$inferSelect)[],
  currentVersionId: string | null,
): Promise<DocumentVersion[]> {
  const uploaders = await loadMembersAsPeople(
    db,
    versions.map((version) => version.uploadedByMembershipId),
  );
  return versions.map((version) => ({
    id: version.id,
    document_id: version.documentId,
    number: version.number ?? 0,
    file_name: version.fileName,
    content_type: version.contentType,
    size: version.size,
    sha256: version.sha256,
    uploaded_by: memberAsPerson(uploaders, version.uploadedByMembershipId),
    created_at: (version.availableAt ?? version.createdAt).toISOString(),
    is_current: version.id === currentVersionId,
  }));
}
