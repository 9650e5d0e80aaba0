import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { firms } from './firms';
import { matters } from './matters';
import { memberships } from './memberships';

/**
 * A matter's folder tree. Each matter has one root (no parent), made with the matter. Sibling
 * names are unique ignoring case, so a folder upload finds the folders it recreates.
 */
export const folders = pgTable(
  'folders',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's self-reference needs the untyped form.
    parentId: uuid('parent_id').references((): any => folders.id),
    name: text('name').notNull(),
    createdByMembershipId: uuid('created_by_membership_id').references(() => memberships.id),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('folders_matter_root_key')
      .on(table.matterId)
      .where(sql`${sql.identifier('parent_id')} is null`),
    uniqueIndex('folders_sibling_name_key').on(table.parentId, sql`lower(${table.name})`),
    index('folders_firm_id_idx').on(table.firmId, table.id),
    index('folders_matter_id_idx').on(table.matterId, table.id),
    index('folders_parent_id_idx').on(table.parentId),
    index('folders_created_by_idx').on(table.createdByMembershipId),
  ],
);

/**
 * A document: its name and place, and which version is current. It is visible only once a
 * version is available (`current_version_id` set) and until it is deleted; deleted documents are
 * restorable for the retention period, then purged with their blobs.
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id),
    folderId: uuid('folder_id')
      .notNull()
      .references(() => folders.id),
    name: text('name').notNull(),
    currentVersionId: uuid('current_version_id'),
    uploadedByMembershipId: uuid('uploaded_by_membership_id')
      .notNull()
      .references(() => memberships.id),
    deletedAt: instant('deleted_at'),
    deletedByMembershipId: uuid('deleted_by_membership_id').references(() => memberships.id),
    ...timestamps(),
  },
  (table) => [
    index('documents_firm_id_idx').on(table.firmId, table.id),
    index('documents_folder_id_idx').on(table.folderId, table.id),
    index('documents_matter_id_idx').on(table.matterId, table.id),
    index('documents_uploaded_by_idx').on(table.uploadedByMembershipId, table.id),
    index('documents_deleted_idx')
      .on(table.deletedAt)
      .where(sql`${sql.identifier('deleted_at')} is not null`),
  ],
);

export const versionStatus = pgEnum('document_version_status', ['pending', 'available']);

/**
 * One stored content of a document. A version made by a multipart upload is written `available`
 * once its blob is complete; a direct-to-storage upload is `pending` until confirmed (size and
 * checksum checked) and is swept with its blob after `expires_at`.
 */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … per document; a pending version gets its number when confirmed. */
    number: integer('number'),
    status: versionStatus('status').notNull(),
    blobKey: text('blob_key').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    /** The file name as uploaded (sanitised), kept per version. */
    fileName: text('file_name').notNull(),
    uploadedByMembershipId: uuid('uploaded_by_membership_id')
      .notNull()
      .references(() => memberships.id),
    expiresAt: instant('expires_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    availableAt: instant('available_at'),
  },
  (table) => [
    uniqueIndex('document_versions_number_key').on(table.documentId, table.number),
    uniqueIndex('document_versions_blob_key').on(table.blobKey),
    index('document_versions_pending_idx')
      .on(table.expiresAt)
      .where(sql`${sql.identifier('status')} = 'pending'`),
  ],
);

/**
 * A blob key reserved before its bytes are written. The row commits before the upload starts and
 * is removed in the transaction that makes the version that owns the blob; a reservation left
 * behind (the process died, the client vanished) names an orphan for the sweeper to delete.
 */
export const blobReservations = pgTable(
  'blob_reservations',
  {
    blobKey: text('blob_key').primaryKey(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [index('blob_reservations_created_idx').on(table.createdAt)],
);
