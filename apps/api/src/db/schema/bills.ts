import { boolean, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { firms } from './firms';
import { matters } from './matters';
import { memberships } from './memberships';

export const billStatus = pgEnum('bill_status', ['draft', 'issued', 'paid', 'void']);

/** A bill for one matter; amounts in minor units. `number` is unique per firm. */
export const bills = pgTable(
  'bills',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id),
    number: text('number').notNull(),
    status: billStatus('status').notNull().default('draft'),
    dueDate: date('due_date', { mode: 'string' }),
    total: integer('total').notNull().default(0),
    issuedAt: instant('issued_at'),
    paidAt: instant('paid_at'),
    voidedAt: instant('voided_at'),
    createdByMembershipId: uuid('created_by_membership_id')
      .notNull()
      .references(() => memberships.id),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('bills_firm_number_key').on(table.firmId, table.number),
    index('bills_firm_id_idx').on(table.firmId, table.id),
    index('bills_matter_idx').on(table.matterId),
  ],
);

/**
 * A line of a bill: a snapshot of one time entry as it was billed, so later edits to the entry
 * (after a void) never rewrite an issued bill.
 */
export const billLineItems = pgTable(
  'bill_line_items',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    billId: uuid('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    /** The entry it came from (no FK: a voided bill keeps its lines after the entry is deleted). */
    activityId: uuid('activity_id'),
    position: integer('position').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    rate: integer('rate').notNull(),
    amount: integer('amount').notNull(),
    authorName: text('author_name').notNull(),
    byCoCounsel: boolean('by_co_counsel').notNull().default(false),
  },
  (table) => [index('bill_line_items_bill_idx').on(table.billId, table.position)],
);
