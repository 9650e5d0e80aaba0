import type { TaskStatus } from '@chambers/contracts/tasks';
import { and, eq, gt, gte, lte, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema/contacts';
import { tasks } from '../../db/schema/tasks';

export type TaskRow = typeof tasks.$inferSelect;
type TaskValues = typeof tasks.$inferInsert;

/** Tasks within `scope` (the policy's), in id order, after `afterId`. */
export function listTasks(
  db: Db,
  scope: SQL,
  options: {
    limit: number;
    afterId?: string;
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
        options.afterId ? gt(tasks.id, options.afterId) : undefined,
      ),
    )
    .orderBy(tasks.id)
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
