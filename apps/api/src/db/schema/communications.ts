import { index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { firms } from './firms';
import { matters } from './matters';
import { memberships } from './memberships';
import { personCheck, personColumns } from './people';

export const communicationType = pgEnum('communication_type', ['phone_call', 'email']);
export const communicationRole = pgEnum('communication_role', ['sender', 'receiver']);

/** A phone call or an email recorded on a matter (a log of it, not the mail itself). */
export const communications = pgTable(
  'communications',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    type: communicationType('type').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull().default(''),
    occurredAt: instant('occurred_at').notNull(),
    createdByMembershipId: uuid('created_by_membership_id')
      .notNull()
      .references(() => memberships.id),
    ...timestamps(),
  },
  (table) => [
    index('communications_firm_id_idx').on(table.firmId, table.id),
    index('communications_matter_id_idx').on(table.matterId, table.id),
  ],
);

/** Who sent and who received a logged communication: firm users and contacts. */
export const communicationParticipants = pgTable(
  'communication_participants',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    communicationId: uuid('communication_id')
      .notNull()
      .references(() => communications.id, { onDelete: 'cascade' }),
    role: communicationRole('role').notNull(),
    ...personColumns(),
  },
  (table) => [
    index('communication_participants_communication_idx').on(table.communicationId),
    index('communication_participants_contact_idx').on(table.contactId),
    personCheck('communication_participants_one_person', table),
  ],
);
