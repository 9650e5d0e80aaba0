import { pgTable, text } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

/** A law firm: the tenant. Every firm-owned row carries its `firm_id`. */
export const firms = pgTable('firms', {
  id: id(),
  name: text('name').notNull(),
  ...timestamps(),
});
