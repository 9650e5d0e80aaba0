import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { firms } from './firms';
import { matters } from './matters';
import { memberships } from './memberships';

/** A note on a matter. The body is plain text: nothing in it is ever rendered as markup. */
export const notes = pgTable(
  'notes',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    body: text('body').notNull().default(''),
    authorMembershipId: uuid('author_membership_id')
      .notNull()
      .references(() => memberships.id),
    date: date('date', { mode: 'string' }).notNull(),
    ...timestamps(),
  },
  (table) => [
    index('notes_firm_id_idx').on(table.firmId, table.id),
    index('notes_matter_id_idx').on(table.matterId, table.id),
  ],
);
