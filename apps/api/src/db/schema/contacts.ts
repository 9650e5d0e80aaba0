import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { firms } from './firms';

/**
 * People and companies a firm works with. Co-counsel and clients are contacts; an external's
 * membership points at its contact. (The practice-data work widens this table.)
 */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    name: text('name').notNull(),
    email: text('email'),
    ...timestamps(),
  },
  (table) => [index('contacts_firm_idx').on(table.firmId)],
);
