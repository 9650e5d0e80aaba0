import type { PersonRef } from '@chambers/contracts/people';
import type { CreateTask, Task, TaskPage, TaskQuery, UpdateTask } from '@chambers/contracts/tasks';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { decodeCursor, decodeDateCursor, pageOf, pageOfDateKeyed } from '../../lib/cursor';
import { authorize, authorizeCreate, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { matterMask } from '../practice/matter-mask';
import { loadMembersAsPeople, memberAsPerson } from '../practice/members-as-people';
import { loadPeopleNames, type PersonColumns, personColumns, toPerson } from '../practice/people';
import { assertReferences, type Reference } from '../practice/references';
import * as repo from './repository';

const NOT_FOUND = 'No such task.';

const assigneeOf = (row: repo.TaskRow): PersonColumns | null =>
  row.assigneeMembershipId || row.assigneeContactId
    ? { membershipId: row.assigneeMembershipId, contactId: row.assigneeContactId }
    : null;
const userColumns = (membershipId: string): PersonColumns => ({ membershipId, contactId: null });

/** Tasks as answered, with every person's name loaded for all of them at once. */
async function toTasks(db: Db, principal: Principal, rows: repo.TaskRow[]): Promise<Task[]> {
  const matterOf = await matterMask(
    db,
    principal,
    rows.map((row) => row.matterId),
  );
  const names = await loadPeopleNames(
    db,
    rows.flatMap((row) => {
      const assignee = assigneeOf(row);
      return [...(assignee ? [assignee] : []), userColumns(row.createdByMembershipId)];
    }),
  );
  // Whoever completed it may be co-counsel: named as the contact card it acts through.
  const completers = await loadMembersAsPeople(
    db,
    rows.flatMap((row) => (row.completedByMembershipId ? [row.completedByMembershipId] : [])),
  );
  return rows.map((row) => {
    const assignee = assigneeOf(row);
    return {
      id: row.id,
      matter_id: matterOf(row.matterId),
      name: row.name,
      description: row.description,
      due_date: row.dueDate,
      priority: row.priority,
      status: row.status,
      assignee: assignee ? toPerson(assignee, names) : null,
      completed_at: row.completedAt?.toISOString() ?? null,
      completed_by: row.completedByMembershipId
        ? memberAsPerson(completers, row.completedByMembershipId)
        : null,
      created_by: toPerson(userColumns(row.createdByMembershipId), names),
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    };
  });
}

async function toOneTask(db: Db, principal: Principal, row: repo.TaskRow): Promise<Task> {
  const [task] = await toTasks(db, principal, [row]);
  if (!task) throw new Error('task not shaped');
  return task;
}

export async function listTasks(
  app: FastifyInstance,
  principal: Principal,
  query: TaskQuery,
): Promise<TaskPage> {
  const db = app.database.db;
  const limit = query.limit ?? 50;
  const { cursor } = query;
  const byDue = query.order === 'due_date';
  const position: repo.TaskPosition = byDue
    ? { order: 'due_date', ...(cursor === undefined ? {} : { after: decodeDateCursor('due_date', cursor) }) }
    : { order: 'created', ...(cursor === undefined ? {} : { afterId: decodeCursor(cursor) }) };
  const rows = await repo.listTasks(db, scope(principal, 'task'), {
    limit: limit + 1,
    position,
    ...(query.matter_id ? { matterId: query.matter_id } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.assignee_user_id ? { assigneeMembershipId: query.assignee_user_id } : {}),
    ...(query.assignee_contact_id ? { assigneeContactId: query.assignee_contact_id } : {}),
    ...(query.due_before ? { dueBefore: query.due_before } : {}),
    ...(query.due_after ? { dueAfter: query.due_after } : {}),
    ...(query.updated_since ? { updatedSince: new Date(query.updated_since) } : {}),
  });
  const { items, nextCursor } = byDue
    ? pageOfDateKeyed(rows, limit, 'due_date', (row) => row.dueDate)
    : pageOf(rows, limit);
  return { data: await toTasks(db, principal, items), meta: { next_cursor: nextCursor } };
}

/** A task the principal can see, or 404; `lock` holds it for a change. */
async function visibleTask(db: Db, principal: Principal, taskId: string, lock = false) {
  const row = await repo.findTask(db, scope(principal, 'task'), taskId, lock);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

/** A task the principal may change, locked: 404 when out of sight, 403 when only readable. */
async function writableTask(db: Db, principal: Principal, taskId: string) {
  const row = await visibleTask(db, principal, taskId, true);
  authorize(principal, { type: 'task', firmId: row.firmId }, NOT_FOUND);
  return row;
}

/**
 * Who may complete or reopen a task: whoever may change it, and the co-counsel it is assigned to
 * (the policy's `complete` rule), who may do nothing else to it.
 */
function authorizeCompletion(principal: Principal, row: repo.TaskRow): void {
  authorize(
    principal,
    { type: 'task', firmId: row.firmId, assigneeContactId: row.assigneeContactId },
    NOT_FOUND,
    'complete',
  );
}

export async function getTask(app: FastifyInstance, principal: Principal, taskId: string): Promise<Task> {
  const db = app.database.db;
  return toOneTask(db, principal, await visibleTask(db, principal, taskId));
}

/**
 * Refuses (422) a matter the caller cannot see and an assignee who is neither an active firm user
 * nor one of the firm's co-counsel contacts.
 */
async function assertTaskReferences(
  db: Db,
  principal: Principal,
  body: { matter_id?: string | null | undefined; assignee?: PersonRef | null | undefined },
) {
  const references: Reference[] = [];
  if (body.matter_id) references.push({ path: '/matter_id', kind: 'matter', id: body.matter_id });
  if (body.assignee)
    references.push({ path: '/assignee/id', kind: body.assignee.type, id: body.assignee.id });
  await assertReferences(db, principal, references);
  if (
    body.assignee?.type === 'contact' &&
    !(await repo.isCoCounselContact(db, scope(principal, 'contact'), body.assignee.id))
  ) {
    throw new AppError('unprocessable', 'Only a firm user or a co-counsel contact can be assigned a task.', {
      errors: [{ path: '/assignee/id', message: 'This contact is not co-counsel.' }],
    });
  }
}

/** The assignee columns for a request's `assignee` (`null` clears both). */
function assigneeColumns(assignee: PersonRef | null) {
  const columns = assignee ? personColumns(assignee) : { membershipId: null, contactId: null };
  return { assigneeMembershipId: columns.membershipId, assigneeContactId: columns.contactId };
}

export async function createTask(
  app: FastifyInstance,
  principal: Principal,
  body: CreateTask,
  ip: string,
): Promise<Task> {
  authorizeCreate(principal, 'task');
  return app.database.db.transaction(async (tx) => {
    await assertTaskReferences(tx, principal, body);
    const row = await repo.insertTask(tx, {
      firmId: principal.firmId,
      matterId: body.matter_id ?? null,
      name: body.name,
      description: body.description ?? '',
      dueDate: body.due_date ?? null,
      priority: body.priority ?? 'normal',
      status: body.status ?? 'pending',
      ...assigneeColumns(body.assignee ?? null),
      createdByMembershipId: principal.membershipId,
    });
    await recordAudit(tx, {
      action: 'task.created',
      ...actedBy(principal),
      objectType: 'task',
      objectId: row.id,
      ip,
      ...(row.matterId ? { details: { matter_id: row.matterId } } : {}),
    });
    return toOneTask(tx, principal, row);
  });
}

export async function updateTask(
  app: FastifyInstance,
  principal: Principal,
  taskId: string,
  body: UpdateTask,
  ip: string,
): Promise<Task> {
  return app.database.db.transaction(async (tx) => {
    const before = await writableTask(tx, principal, taskId);
    if (body.status !== undefined && before.status === 'completed') {
      throw new AppError('unprocessable', 'This task is completed: reopen it before changing its status.', {
        errors: [{ path: '/status', message: 'Reopen the task with POST /api/v1/tasks/{id}/reopen first.' }],
      });
    }
    await assertTaskReferences(tx, principal, body);
    const row = await repo.updateTask(tx, taskId, {
      ...(body.matter_id === undefined ? {} : { matterId: body.matter_id }),
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.description === undefined ? {} : { description: body.description }),
      ...(body.due_date === undefined ? {} : { dueDate: body.due_date }),
      ...(body.priority === undefined ? {} : { priority: body.priority }),
      ...(body.status === undefined ? {} : { status: body.status }),
      ...(body.assignee === undefined ? {} : assigneeColumns(body.assignee)),
    });
    await recordAudit(tx, {
      action: 'task.updated',
      ...actedBy(principal),
      objectType: 'task',
      objectId: row.id,
      ip,
      details: { fields: Object.keys(body) },
    });
    return toOneTask(tx, principal, row);
  });
}

/**
 * Completes or reopens a task. Asking for the state it is already in changes nothing and answers
 * the task as it is (a retried click is harmless).
 */
async function setCompletion(
  app: FastifyInstance,
  principal: Principal,
  taskId: string,
  complete: boolean,
  ip: string,
): Promise<Task> {
  return app.database.db.transaction(async (tx) => {
    const before = await visibleTask(tx, principal, taskId, true);
    authorizeCompletion(principal, before);
    if ((before.status === 'completed') === complete) return toOneTask(tx, principal, before);
    const row = await repo.updateTask(
      tx,
      taskId,
      complete
        ? { status: 'completed', completedAt: new Date(), completedByMembershipId: principal.membershipId }
        : { status: 'pending', completedAt: null, completedByMembershipId: null },
    );
    await recordAudit(tx, {
      action: complete ? 'task.completed' : 'task.reopened',
      ...actedBy(principal),
      objectType: 'task',
      objectId: row.id,
      ip,
    });
    return toOneTask(tx, principal, row);
  });
}

export const completeTask = (app: FastifyInstance, principal: Principal, taskId: string, ip: string) =>
  setCompletion(app, principal, taskId, true, ip);

export const reopenTask = (app: FastifyInstance, principal: Principal, taskId: string, ip: string) =>
  setCompletion(app, principal, taskId, false, ip);

export async function deleteTask(app: FastifyInstance, principal: Principal, taskId: string, ip: string) {
  await app.database.db.transaction(async (tx) => {
    const row = await writableTask(tx, principal, taskId);
    await repo.deleteTask(tx, row.id);
    await recordAudit(tx, {
      action: 'task.deleted',
      ...actedBy(principal),
      objectType: 'task',
      objectId: row.id,
      ip,
    });
  });
}
