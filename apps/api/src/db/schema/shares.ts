import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant } from './columns';
import { contacts } from './contacts';
import { documents, folders } from './documents';
import { firms } from './firms';
import { matters } from './matters';
import { memberships } from './memberships';

export const shareResourceType = pgEnum('share_resource_type', ['matter', 'folder', 'document']);

/**
 * A matter, folder or document shared with a co-counsel contact. Exactly one of the three
 * resource columns is set, matching `resource_type`. A folder share covers whatever is inside the
 * folder when a request is made. Stopping a share deletes the row (the audit log keeps that it was).
 */
export const shares = pgTable(
  'shares',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    resourceType: shareResourceType('resource_type').notNull(),
    matterId: uuid('matter_id').references(() => matters.id, { onDelete: 'cascade' }),
    folderId: uuid('folder_id').references(() => folders.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    createdByMembershipId: uuid('created_by_membership_id')
      .notNull()
      .references(() => memberships.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [
    check(
      'shares_one_resource',
      sql`(${sql.identifier('resource_type')} = 'matter' and ${sql.identifier('matter_id')} is not null and ${sql.identifier('folder_id')} is null and ${sql.identifier('document_id')} is null)
       or (${sql.identifier('resource_type')} = 'folder' and ${sql.identifier('folder_id')} is not null and ${sql.identifier('matter_id')} is null and ${sql.identifier('document_id')} is null)
       or (${sql.identifier('resource_type')} = 'document' and ${sql.identifier('document_id')} is not null and ${sql.identifier('matter_id')} is null and ${sql.identifier('folder_id')} is null)`,
    ),
    uniqueIndex('shares_contact_matter_key').on(table.contactId, table.matterId),
    uniqueIndex('shares_contact_folder_key').on(table.contactId, table.folderId),
    uniqueIndex('shares_contact_document_key').on(table.contactId, table.documentId),
    index('shares_firm_id_idx').on(table.firmId, table.id),
    index('shares_matter_idx').on(table.matterId),
    index('shares_folder_idx').on(table.folderId),
    index('shares_document_idx').on(table.documentId),
  ],
);
