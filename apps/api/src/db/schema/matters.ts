import { date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { contacts } from './contacts';
import { firms } from './firms';
import { memberships } from './memberships';

export const matterStatus = pgEnum('matter_status', ['open', 'pending', 'closed']);
export const billingMethod = pgEnum('billing_method', ['hourly', 'flat_fee', 'contingency']);

/** A matter: the case or engagement everything else hangs on. `number` is unique per firm. */
export const matters = pgTable(
  'matters',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    number: text('number').notNull(),
    description: text('description').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => contacts.id),
    responsibleAttorneyId: uuid('responsible_attorney_id').references(() => memberships.id),
    originatingAttorneyId: uuid('originating_attorney_id').references(() => memberships.id),
    status: matterStatus('status').notNull().default('open'),
    openDate: date('open_date', { mode: 'string' }),
    closeDate: date('close_date', { mode: 'string' }),
    practiceArea: text('practice_area'),
    billingMethod: billingMethod('billing_method').notNull().default('hourly'),
    /** Default hourly rate in minor units (never shown to externals). */
    rate: integer('rate'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('matters_firm_number_key').on(table.firmId, table.number),
    index('matters_firm_id_idx').on(table.firmId, table.id),
    index('matters_firm_status_idx').on(table.firmId, table.status, table.id),
    index('matters_client_idx').on(table.clientId),
    index('matters_responsible_idx').on(table.responsibleAttorneyId),
    index('matters_originating_idx').on(table.originatingAttorneyId),
  ],
);

/** Other contacts involved in a matter (opposing counsel, expert, co-counsel), with how. */
export const matterContacts = pgTable(
  'matter_contacts',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    relationship: text('relationship'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('matter_contacts_matter_contact_key').on(table.matterId, table.contactId),
    index('matter_contacts_contact_idx').on(table.contactId),
  ],
);
