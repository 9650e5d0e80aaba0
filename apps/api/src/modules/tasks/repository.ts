import type { TaskStatus } from '@chambers/contracts/tasks';
import { and, eq, gt, gte, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema/contacts';
import { tasks } from '../../db/schema/tasks';
import type { DateKey } from '../../lib/cursor';

export type TaskRow = typeof tasks.$inferSelect;
type TaskValues = typeof tasks.$inferInsert;

/** The expression of `tasks_firm_due_idx`, so the planner reads that index in order. */
const taskDueKey = sql`coalesce(${tasks.dueDate}, 'infinity'::date)`;

/**
 * Where a page starts: after an id (creation order), or after a (due date, id) position in
 * soonest-due order. A missing due date sorts as `infinity`, so the order and its keyset are one
 * row comparison on the expression `tasks_firm_due_idx` holds.
 */
export type TaskPosition = { order: 'created'; afterId?: string } | { order: 'due_date'; after?: DateKey };

const positionOf = (position: TaskPosition): SQL | undefined => {
  if (position.order === 'created') return position.afterId ? gt(tasks.id, position.afterId) : undefined;
  if (!position.after) return undefined;
  const dueKey = position.after.date ?? 'infinity';
  return sql`(${taskDueKey}, ${tasks.id}) > (${dueKey}::date, ${position.after.id}::uuid)`;
};

const orderOf = (position: TaskPosition) =>
  position.order === 'created' ? [tasks.id] : [taskDueKey, tasks.id];

/** Tasks within `scope` (the policy's), a keyset page in `position`'s order. */
export function listTasks(
  db: Db,
  scope: SQL,
  options: {
    limit: number;
    position: TaskPosition;
    matterId?: string;
    status?: TaskStatus | 'open';
    assigneeMembershipId?: string;
    assigneeContactId?: string;
    dueBefore?: string;
    dueAfter?: string;
    updatedSince?: Date;
  },
) {
  const { status } = options;
  return db
    .select()
    .from(tasks)
    .where(
      and(
        scope,
        options.matterId ? eq(tasks.matterId, options.matterId) : undefined,
        status === 'open' ? ne(tasks.status, 'completed') : status ? eq(tasks.status, status) : undefined,
        options.assigneeMembershipId
          ? eq(tasks.assigneeMembershipId, options.assigneeMembershipId)
          : undefined,
        options.assigneeContactId ? eq(tasks.assigneeContactId, options.assigneeContactId) : undefined,
        options.dueBefore ? lte(tasks.dueDate, options.dueBefore) : undefined,
        options.dueAfter ? gte(tasks.dueDate, options.dueAfter) : undefined,
        options.updatedSince ? gte(tasks.updatedAt, options.updatedSince) : undefined,
        positionOf(options.position),
      ),
    )
    .orderBy(...orderOf(options.position))
    .limit(options.limit);
}

/** One task within `scope`; `lock` holds it until the transaction ends, so status changes do not race. */
export async function findTask(db: Db, scope: SQL, taskId: string, lock = false): Promise<TaskRow | null> {
  const query = db
    .select()
    .from(tasks)
    .where(and(scope, eq(tasks.id, taskId)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Whether `contactId` is one of the firm's contacts flagged as co-counsel (within the contact scope). */
export async function isCoCounselContact(db: Db, scope: SQL, contactId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(scope, eq(contacts.id, contactId), eq(contacts.isCoCounsel, true)))
    .limit(1);
  return row !== undefined;
}

export async function insertTask(db: Db, values: TaskValues): Promise<TaskRow> {
  const [row] = await db.insert(tasks).values(values).returning();
  if (!row) throw new Error('task not inserted');
  return row;
}

export async function updateTask(
  db: Db,
  taskId: string,
  values: Partial<
    Pick<
      TaskValues,
      | 'matterId'
      | 'name'
      | 'description'
      | 'dueDate'
      | 'priority'
      | 'status'
      | 'assigneeMembershipId'
      | 'assigneeContactId'
      | 'completedAt'
      | 'completedByMembershipId'
    >
  >,
): Promise<TaskRow> {
  const [row] = await db.update(tasks).set(values).where(eq(tasks.id, taskId)).returning();
  if (!row) throw new Error('task vanished');
  return row;
}

export async function deleteTask(db: Db, taskId: string): Promise<void> {
  await db.delete(tasks).where(eq(tasks.id, taskId));
}
