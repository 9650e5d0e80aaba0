import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

/** A law firm: the tenant. Every firm-owned row carries its `firm_id`. */
export const firms = pgTable('firms', {
  id: id(),
  name: text('name').notNull(),
  /** The last matter and bill numbers handed out; incremented under the row lock. */
  matterCounter: integer('matter_counter').notNull().default(0),
  billCounter: integer('bill_counter').notNull().default(0),
  /** Whether a new share with someone who already has an account mails them a notice. */
  shareNoticeMails: boolean('share_notice_mails').notNull().default(true),
  ...timestamps(),
});
