import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { documents } from './documents';
import { firms } from './firms';
import { matters } from './matters';
import { memberships } from './memberships';
import { personCheck, personColumns } from './people';

/**
 * `conversation`: secure messages between firm users and co-counsel. `portal`: a matter's client
 * portal — the same participants, messages and read state, plus resources shared into it
 * (`portal_shared_resources`); its subject is the portal's name.
 */
export const conversationKind = pgEnum('conversation_kind', ['conversation', 'portal']);

/** A secure conversation between firm users and external contacts, optionally about a matter; or a client portal. */
export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    kind: conversationKind('kind').notNull().default('conversation'),
    subject: text('subject').notNull(),
    matterId: uuid('matter_id').references(() => matters.id),
    createdByMembershipId: uuid('created_by_membership_id')
      .notNull()
      .references(() => memberships.id),
    /** When the newest message was posted: lists sort by it. */
    lastMessageAt: instant('last_message_at').notNull().defaultNow(),
    /** A portal closed to new messages (it stays readable); null while open. */
    closedAt: instant('closed_at'),
    closedByMembershipId: uuid('closed_by_membership_id').references(() => memberships.id),
    ...timestamps(),
  },
  (table) => [
    index('conversations_firm_id_idx').on(table.firmId, table.id),
    index('conversations_matter_idx').on(table.matterId),
    check(
      'conversations_portal_has_matter',
      sql`${sql.identifier('kind')} = 'conversation' or ${sql.identifier('matter_id')} is not null`,
    ),
  ],
);

/**
 * Who takes part in a conversation: a firm user (membership) or an external contact. Read state
 * is the instant up to which the participant has read; `notified_at` when the last batched mail
 * about unread messages went out.
 */
export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    ...personColumns(),
    lastReadAt: instant('last_read_at'),
    notifiedAt: instant('notified_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [
    personCheck('conversation_participants_one_person', table),
    uniqueIndex('conversation_participants_membership_key')
      .on(table.conversationId, table.membershipId)
      .where(sql`${sql.identifier('membership_id')} is not null`),
    uniqueIndex('conversation_participants_contact_key')
      .on(table.conversationId, table.contactId)
      .where(sql`${sql.identifier('contact_id')} is not null`),
    index('conversation_participants_membership_idx').on(table.membershipId),
    index('conversation_participants_contact_idx').on(table.contactId),
  ],
);

/** A message in a conversation. The body is plain text, never rendered as markup. */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    authorMembershipId: uuid('author_membership_id')
      .notNull()
      .references(() => memberships.id),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [index('messages_conversation_idx').on(table.conversationId, table.createdAt, table.id)],
);

/** Documents attached to a message (filed to the conversation's matter through the documents pipeline). */
export const messageAttachments = pgTable(
  'message_attachments',
  {
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
  },
  (table) => [
    primaryKey({ columns: [table.messageId, table.documentId] }),
    index('message_attachments_document_idx').on(table.documentId),
  ],
);
