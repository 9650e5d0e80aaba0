import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant } from './columns';
import { conversations } from './conversations';
import { documents, folders } from './documents';
import { firms } from './firms';
import { memberships } from './memberships';

export const portalResourceType = pgEnum('portal_resource_type', ['folder', 'document']);

/**
 * A folder or document of the portal's matter shared into a client portal (a `portal`
 * conversation). Every contact participant sees it; a folder covers what is inside it when a
 * request is made. Stopping sharing deletes the row, never the resource.
 */
export const portalSharedResources = pgTable(
  'portal_shared_resources',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    portalId: uuid('portal_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    resourceType: portalResourceType('resource_type').notNull(),
    folderId: uuid('folder_id').references(() => folders.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    createdByMembershipId: uuid('created_by_membership_id')
      .notNull()
      .references(() => memberships.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [
    check(
      'portal_shared_resources_one_resource',
      sql`(${sql.identifier('resource_type')} = 'folder' and ${sql.identifier('folder_id')} is not null and ${sql.identifier('document_id')} is null)
       or (${sql.identifier('resource_type')} = 'document' and ${sql.identifier('document_id')} is not null and ${sql.identifier('folder_id')} is null)`,
    ),
    uniqueIndex('portal_shared_resources_folder_key').on(table.portalId, table.folderId),
    uniqueIndex('portal_shared_resources_document_key').on(table.portalId, table.documentId),
    index('portal_shared_resources_firm_id_idx').on(table.firmId, table.id),
    index('portal_shared_resources_folder_idx').on(table.folderId),
    index('portal_shared_resources_document_idx').on(table.documentId),
  ],
);
