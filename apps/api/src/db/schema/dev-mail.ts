import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, instant } from './columns';

/** Mail "sent" by the embedded dev mailbox transport, readable at /dev/mailbox. Never used with SMTP. */
export const devMail = pgTable('dev_mail', {
  id: id(),
  from: text('from').notNull(),
  to: jsonb('to').$type<string[]>().notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  sentAt: instant('sent_at').notNull().defaultNow(),
});
