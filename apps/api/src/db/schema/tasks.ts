import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { contacts } from './contacts';
import { firms } from './firms';
import { matters } from './matters';
import { memberships } from './memberships';

export const taskPriority = pgEnum('task_priority', ['low', 'normal', 'high']);
export const taskStatus = pgEnum('task_status', ['pending', 'in_progress', 'completed']);

/** A task, assigned to a firm user or a co-counsel contact (or nobody yet). */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    matterId: uuid('matter_id').references(() => matters.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }),
    priority: taskPriority('priority').notNull().default('normal'),
    status: taskStatus('status').notNull().default('pending'),
    assigneeMembershipId: uuid('assignee_membership_id').references(() => memberships.id),
    assigneeContactId: uuid('assignee_contact_id').references(() => contacts.id),
    completedAt: instant('completed_at'),
    completedByMembershipId: uuid('completed_by_membership_id').references(() => memberships.id),
    createdByMembershipId: uuid('created_by_membership_id')
      .notNull()
      .references(() => memberships.id),
    ...timestamps(),
  },
  (table) => [
    index('tasks_firm_id_idx').on(table.firmId, table.id),
    // Soonest-due lists: a missing due date sorts as `infinity`, after every date.
    index('tasks_firm_due_idx').on(
      table.firmId,
      sql`coalesce(${sql.identifier('due_date')}, 'infinity'::date)`,
      table.id,
    ),
    index('tasks_matter_idx').on(table.matterId),
    index('tasks_assignee_membership_idx').on(table.assigneeMembershipId),
    index('tasks_assignee_contact_idx').on(table.assigneeContactId),
    check(
      'tasks_one_assignee',
      sql`${sql.identifier('assignee_membership_id')} is null or ${sql.identifier('assignee_contact_id')} is null`,
    ),
  ],
);
