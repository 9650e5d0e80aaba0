import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { messageAttachments } from '../../db/schema/conversations';
import { documents, documentVersions } from '../../db/schema/documents';

/** Documents attached to messages: what may be attached, and what each caller is shown. */

/**
 * The attachments of some messages that `documentScope` (the caller's) lets it open, as they are
 * now: a deleted document, or one the caller could not open, is not mentioned.
 */
export function attachmentsOf(db: Db, documentScope: SQL, messageIds: readonly string[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      messageId: messageAttachments.messageId,
      documentId: documents.id,
      name: documents.name,
      contentType: documentVersions.contentType,
      size: documentVersions.size,
    })
    .from(messageAttachments)
    .innerJoin(documents, eq(documents.id, messageAttachments.documentId))
    .innerJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .where(
      and(inArray(messageAttachments.messageId, [...messageIds]), isNull(documents.deletedAt), documentScope),
    )
    .orderBy(asc(documents.name), asc(documents.id));
}

/**
 * The documents among `ids` that `documentScope` lets the caller open (live, with an available
 * version), with the matter each is filed to.
 */
export function attachableDocuments(db: Db, documentScope: SQL, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: documents.id, matterId: documents.matterId })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .where(and(inArray(documents.id, [...ids]), isNull(documents.deletedAt), documentScope));
}

export async function insertAttachments(
  db: Db,
  values: (typeof messageAttachments.$inferInsert)[],
): Promise<void> {
  if (values.length > 0) await db.insert(messageAttachments).values(values);
}
