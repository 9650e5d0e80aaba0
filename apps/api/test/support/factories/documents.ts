import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../src/db/database';
import { documents, documentVersions } from '../../../src/db/schema/documents';
import { type BlobStore, generateBlobKey } from '../../../src/storage/blob-store';

/**
 * Document and version rows made directly, for tests that need documents to exist without going
 * through the upload routes. With `blobs`, the bytes are really stored under the version's key;
 * without, the key names nothing (fine for tests that never read the content).
 */

export interface MakeVersionOptions {
  firmId: string;
  documentId: string;
  uploadedBy: string;
  bytes?: Buffer | string;
  blobs?: BlobStore;
  status?: 'pending' | 'available';
  /** Defaults to the next number for an available version; pending versions have none. */
  number?: number | null;
  fileName?: string;
  contentType?: string;
  expiresAt?: Date | null;
  createdAt?: Date;
}

export type VersionRow = typeof documentVersions.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;

/** One version of a document (not made current: see `makeDocument`). */
export async function makeVersion(db: Db, options: MakeVersionOptions): Promise<VersionRow> {
  const bytes = Buffer.from(options.bytes ?? 'document bytes');
  const key = generateBlobKey();
  if (options.blobs) await options.blobs.put(Readable.from([bytes]), { key });
  const status = options.status ?? 'available';
  let number = options.number;
  if (number === undefined && status === 'available') {
    const existing = await db
      .select({ number: documentVersions.number })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, options.documentId));
    number = Math.max(0, ...existing.map((row) => row.number ?? 0)) + 1;
  }
  const [version] = await db
    .insert(documentVersions)
    .values({
      firmId: options.firmId,
      documentId: options.documentId,
      number: number ?? null,
      status,
      blobKey: key,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      contentType: options.contentType ?? 'application/pdf',
      fileName: options.fileName ?? 'file.pdf',
      uploadedByMembershipId: options.uploadedBy,
      expiresAt: options.expiresAt ?? null,
      availableAt: status === 'available' ? new Date() : null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })
    .returning();
  if (!version) throw new Error('document version not inserted');
  return version;
}

export interface MakeDocumentOptions {
  firmId: string;
  matterId: string;
  folderId: string;
  uploadedBy: string;
  name: string;
  bytes?: Buffer | string;
  blobs?: BlobStore;
  contentType?: string;
  /** Makes it a deleted (restorable until the retention period ends) document. */
  deletedAt?: Date;
}

/** A visible document with one available version, its current one (deleted when `deletedAt` is given). */
export async function makeDocument(
  db: Db,
  options: MakeDocumentOptions,
): Promise<{ document: DocumentRow; version: VersionRow }> {
  const [created] = await db
    .insert(documents)
    .values({
      firmId: options.firmId,
      matterId: options.matterId,
      folderId: options.folderId,
      name: options.name,
      uploadedByMembershipId: options.uploadedBy,
      ...(options.deletedAt
        ? { deletedAt: options.deletedAt, deletedByMembershipId: options.uploadedBy }
        : {}),
    })
    .returning();
  if (!created) throw new Error('document not inserted');
  const version = await makeVersion(db, {
    firmId: options.firmId,
    documentId: created.id,
    uploadedBy: options.uploadedBy,
    fileName: options.name,
    ...(options.bytes === undefined ? {} : { bytes: options.bytes }),
    ...(options.blobs ? { blobs: options.blobs } : {}),
    ...(options.contentType ? { contentType: options.contentType } : {}),
  });
  const [document] = await db
    .update(documents)
    .set({ currentVersionId: version.id })
    .where(eq(documents.id, created.id))
    .returning();
  if (!document) throw new Error('document vanished');
  return { document, version };
}

/** A document row with no current version yet: what a direct upload makes before it is confirmed. */
export async function makeIncompleteDocument(
  db: Db,
  options: Omit<MakeDocumentOptions, 'bytes' | 'blobs' | 'contentType' | 'deletedAt'> & { createdAt?: Date },
): Promise<DocumentRow> {
  const [document] = await db
    .insert(documents)
    .values({
      firmId: options.firmId,
      matterId: options.matterId,
      folderId: options.folderId,
      name: options.name,
      uploadedByMembershipId: options.uploadedBy,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })
    .returning();
  if (!document) throw new Error('document not inserted');
  return document;
}
