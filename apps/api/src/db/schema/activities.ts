import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bills } from './bills';
import { calendarEntries } from './calendar';
import { id, timestamps } from './columns';
import { documents } from './documents';
import { firms } from './firms';
import { matters } from './matters';
import { memberships } from './memberships';
import { tasks } from './tasks';

/**
 * A time entry. `rate` (per hour) and `amount` are minor units; `amount` is fixed when the entry
 * is written. `bill_id` is set while the entry is on a draft, issued or paid bill: an issued or
 * paid bill locks it, voiding releases it. Links to messages arrive with that table.
 */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id),
    date: date('date', { mode: 'string' }).notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    description: text('description').notNull().default(''),
    rate: integer('rate').notNull().default(0),
    amount: integer('amount').notNull().default(0),
    nonBillable: boolean('non_billable').notNull().default(false),
    authorMembershipId: uuid('author_membership_id')
      .notNull()
      .references(() => memberships.id),
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    calendarEntryId: uuid('calendar_entry_id').references(() => calendarEntries.id, {
      onDelete: 'set null',
    }),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    billId: uuid('bill_id').references(() => bills.id),
    ...timestamps(),
  },
  (table) => [
    index('activities_firm_id_idx').on(table.firmId, table.id),
    index('activities_matter_id_idx').on(table.matterId, table.id),
    index('activities_author_id_idx').on(table.authorMembershipId, table.id),
    // Newest-date-first lists (a person's own time, a firm's), read backwards.
    index('activities_firm_date_idx').on(table.firmId, table.date, table.id),
    index('activities_author_date_idx').on(table.authorMembershipId, table.date, table.id),
    index('activities_bill_idx').on(table.billId),
    index('activities_document_id_idx')
      .on(table.documentId, table.id)
      .where(sql`${sql.identifier('document_id')} is not null`),
    // "Unbilled" is the list a biller works from; most of a mature firm's entries are billed.
    index('activities_unbilled_idx')
      .on(table.firmId, table.id)
      .where(sql`${sql.identifier('bill_id')} is null`),
    check('activities_duration_nonnegative', sql`${sql.identifier('duration_seconds')} >= 0`),
  ],
);
