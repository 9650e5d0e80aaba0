import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities } from '../../src/db/schema/identities';
import { memberships } from '../../src/db/schema/memberships';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeContact, makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Person {
  type: 'user' | 'contact';
  id: string;
  name: string;
}
interface Task {
  id: string;
  matter_id: string | null;
  name: string;
  description: string;
  due_date: string | null;
  priority: string;
  status: string;
  assignee: Person | null;
  completed_at: string | null;
  completed_by: Person | null;
  created_by: Person;
  created_at: string;
  updated_at: string;
}

describe('tasks', () => {
  let t: TestApp;
  let admin: SignedIn;
  let attorney: SignedIn;
  let staff: SignedIn;
  let coCounsel: SignedIn;
  let otherAdmin: SignedIn;
  let matterId: string;
  let secondMatterId: string;
  let otherFirmMatterId: string;
  let coCounselContact: { id: string; name: string };
  let plainContactId: string;
  let otherFirmCoCounselId: string;
  let formerUserId: string;

  const { nextIp, call, rows } = apiCalls(() => t, '10.66');
  const user = (session: SignedIn) => ({ type: 'user', id: session.membership.id });
  const create = async (session: SignedIn, payload: object): Promise<Task> => {
    const response = await call(session, 'POST', '/api/v1/tasks', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const countTasks = async () =>
    Number((await rows<{ n: number }>(sql`select count(*)::int as n from tasks`))[0]?.n);
  const auditActions = async (id: string) =>
    (
      await rows<{ action: string }>(sql`select action from audit_events where object_id = ${id} order by id`)
    ).map((event) => event.action);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    attorney = await signIn(t.app, 'attorney@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    const db = t.database.db;
    const firmId = admin.membership.firm_id;
    const otherFirmId = otherAdmin.membership.firm_id;
    matterId = (await makeMatter(db, firmId)).id;
    secondMatterId = (await makeMatter(db, firmId)).id;
    otherFirmMatterId = (await makeMatter(db, otherFirmId)).id;
    coCounselContact = await makeContact(db, firmId, { name: 'Casey Cocounsel', isCoCounsel: true });
    plainContactId = (await makeContact(db, firmId)).id;
    otherFirmCoCounselId = (await makeContact(db, otherFirmId, { isCoCounsel: true })).id;
    const [former] = await db
      .insert(identities)
      .values({ email: 'former@demo-firm.test', name: 'Former Fay', passwordHash: 'x' })
      .returning();
    const [membership] = await db
      .insert(memberships)
      .values({ firmId, identityId: former?.id ?? '', role: 'staff', status: 'deactivated' })
      .returning();
    formerUserId = membership?.id ?? '';
  });
  afterAll(() => t.close());

  it('creates a task with defaults: 201 with Location, nobody assigned, pending, audited', async () => {
    const response = await call(staff, 'POST', '/api/v1/tasks', { name: 'Order supplies' });
    expect(response.statusCode).toBe(201);
    const task: Task = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/tasks/${task.id}`);
    expect(task).toEqual({
      id: expect.any(String),
      matter_id: null,
      name: 'Order supplies',
      description: '',
      due_date: null,
      priority: 'normal',
      status: 'pending',
      assignee: null,
      completed_at: null,
      completed_by: null,
      created_by: { type: 'user', id: staff.membership.id, name: 'Sam Staff' },
      created_at: expect.any(String),
      updated_at: task.created_at,
    });
    expect((await call(admin, 'GET', String(response.headers.location))).json().data).toEqual(task);
    expect(await auditActions(task.id)).toEqual(['task.created']);
  });

  it('assigns a firm user or a co-counsel contact, on a matter, with a due date and priority', async () => {
    const forUser = await create(admin, {
      matter_id: matterId,
      name: 'Draft motion',
      description: 'See <notes>.',
      due_date: '2026-12-01',
      priority: 'high',
      status: 'in_progress',
      assignee: user(attorney),
    });
    expect(forUser).toMatchObject({
      matter_id: matterId,
      description: 'See <notes>.',
      due_date: '2026-12-01',
      priority: 'high',
      status: 'in_progress',
      assignee: { type: 'user', id: attorney.membership.id, name: 'Ari Attorney' },
    });
    const forCoCounsel = await create(admin, {
      name: 'Review exhibits',
      assignee: { type: 'contact', id: coCounselContact.id },
    });
    expect(forCoCounsel.assignee).toEqual({
      type: 'contact',
      id: coCounselContact.id,
      name: 'Casey Cocounsel',
    });
  });

  it('refuses an assignee who is not an active firm user or a co-counsel contact of the firm (422)', async () => {
    const before = await countTasks();
    for (const assignee of [
      { type: 'contact', id: plainContactId },
      { type: 'contact', id: otherFirmCoCounselId },
      { type: 'user', id: otherAdmin.membership.id },
      { type: 'user', id: formerUserId },
      { type: 'user', id: coCounsel.membership.id },
      { type: 'user', id: coCounselContact.id },
    ]) {
      const response = await call(admin, 'POST', '/api/v1/tasks', { name: 'Nope', assignee });
      expect(response.statusCode, JSON.stringify(assignee)).toBe(422);
      expect(errorPaths(response)).toBe('/assignee/id');
    }
    const foreignMatter = await call(admin, 'POST', '/api/v1/tasks', {
      name: 'Nope',
      matter_id: otherFirmMatterId,
    });
    expect(foreignMatter.statusCode).toBe(422);
    expect(errorPaths(foreignMatter)).toBe('/matter_id');
    expect(await countTasks()).toBe(before);
  });

  it('refuses unknown fields, wrong types and a completed status on create (400)', async () => {
    const before = await countTasks();
    for (const payload of [
      { name: 'X', firm_id: otherAdmin.membership.firm_id },
      { name: 'X', completed_at: '2026-01-01T00:00:00Z' },
      { name: 'X', status: 'completed' },
      { name: 'X', priority: 'urgent' },
      { name: 'X', due_date: 'tomorrow' },
      { name: 'X', assignee: { type: 'user' } },
      { name: 'X', assignee: user(attorney).id },
      { name: 'X', matter_id: 'nope' },
      { name: { text: 'X' } },
      { name: ' ' },
      {},
    ]) {
      const response = await call(admin, 'POST', '/api/v1/tasks', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await countTasks()).toBe(before);
  });

  it('completes (who and when) and reopens; repeating either answers the task unchanged', async () => {
    const task = await create(admin, {
      name: 'Call the court',
      assignee: user(staff),
      status: 'in_progress',
    });
    const url = `/api/v1/tasks/${task.id}`;
    const completed = await call(staff, 'POST', `${url}/complete`);
    expect(completed.statusCode).toBe(200);
    const done: Task = completed.json().data;
    expect(done).toMatchObject({
      status: 'completed',
      completed_at: expect.any(String),
      completed_by: { type: 'user', id: staff.membership.id, name: 'Sam Staff' },
    });
    const again = await call(admin, 'POST', `${url}/complete`);
    expect(again.statusCode).toBe(200);
    expect(again.json().data).toEqual(done);

    // A completed task keeps its status until reopened; other fields may still change.
    const statusChange = await call(admin, 'PATCH', url, { status: 'pending' });
    expect(statusChange.statusCode).toBe(422);
    expect(errorPaths(statusChange)).toBe('/status');
    expect((await call(admin, 'PATCH', url, { status: 'completed' })).statusCode).toBe(400);
    const renamed = await call(admin, 'PATCH', url, { name: 'Called the court' });
    expect(renamed.json().data).toMatchObject({ name: 'Called the court', status: 'completed' });

    const reopened = await call(attorney, 'POST', `${url}/reopen`);
    expect(reopened.statusCode).toBe(200);
    const open: Task = reopened.json().data;
    expect(open).toMatchObject({ status: 'pending', completed_at: null, completed_by: null });
    const reopenAgain = await call(attorney, 'POST', `${url}/reopen`);
    expect(reopenAgain.json().data).toEqual(open);

    expect(await auditActions(task.id)).toEqual([
      'task.created',
      'task.completed',
      'task.updated',
      'task.reopened',
    ]);

    for (const session of [otherAdmin, coCounsel]) {
      expect((await call(session, 'POST', `${url}/complete`)).statusCode).toBe(404);
      expect((await call(session, 'POST', `${url}/reopen`)).statusCode).toBe(404);
    }
    expect(
      (await call(admin, 'POST', '/api/v1/tasks/0190a000-0000-7000-8000-0000000000ff/complete')).statusCode,
    ).toBe(404);
    expect((await call(admin, 'GET', url)).json().data.status).toBe('pending');
  });

  it('lists with each filter, and pages with limit and cursor', async () => {
    const made: Record<string, Task> = {};
    for (const [key, payload] of Object.entries({
      early: { name: 'early', matter_id: secondMatterId, due_date: '2027-01-10', assignee: user(attorney) },
      edge: { name: 'edge', matter_id: secondMatterId, due_date: '2027-01-15', assignee: user(staff) },
      late: {
        name: 'late',
        matter_id: secondMatterId,
        due_date: '2027-01-20',
        status: 'in_progress',
        assignee: { type: 'contact', id: coCounselContact.id },
      },
      undated: { name: 'undated', matter_id: secondMatterId, assignee: user(attorney) },
      done: { name: 'done', matter_id: secondMatterId, due_date: '2027-01-15' },
    })) {
      made[key] = await create(admin, payload);
    }
    await call(admin, 'POST', `/api/v1/tasks/${made.done?.id}/complete`);

    const names = async (query: string) => {
      const response = await call(admin, 'GET', `/api/v1/tasks?matter_id=${secondMatterId}&${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().data.map((task: Task) => task.name);
    };
    expect(await names('')).toEqual(['early', 'edge', 'late', 'undated', 'done']);
    expect(await names('status=pending')).toEqual(['early', 'edge', 'undated']);
    expect(await names('status=in_progress')).toEqual(['late']);
    expect(await names('status=completed')).toEqual(['done']);
    expect(await names('status=open')).toEqual(['early', 'edge', 'late', 'undated']);
    expect(await names(`assignee_user_id=${attorney.membership.id}`)).toEqual(['early', 'undated']);
    expect(await names(`assignee_contact_id=${coCounselContact.id}`)).toEqual(['late']);
    expect(await names('due_before=2027-01-15')).toEqual(['early', 'edge', 'done']);
    expect(await names('due_after=2027-01-15')).toEqual(['edge', 'late', 'done']);
    expect(await names('due_after=2027-01-15&due_before=2027-01-15&status=open')).toEqual(['edge']);

    const pages: Task[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await call(admin, 'GET', `/api/v1/tasks?matter_id=${secondMatterId}&${query}`);
      pages.push(response.json().data);
      cursor = response.json().meta.next_cursor;
    } while (cursor);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((task) => task.name)).toEqual(['early', 'edge', 'late', 'undated', 'done']);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = await call(admin, 'PATCH', `/api/v1/tasks/${made.late?.id}`, { priority: 'low' });
    const since = encodeURIComponent(changed.json().data.updated_at);
    const recent = await call(admin, 'GET', `/api/v1/tasks?updated_since=${since}`);
    expect(recent.json().data.map((task: Task) => task.name)).toEqual(['late']);

    expect((await call(otherAdmin, 'GET', '/api/v1/tasks')).json().data).toEqual([]);
    for (const query of ['status=done', 'due_before=soon', 'assignee_user_id=x', 'limit=0', 'assignee=x']) {
      expect((await call(admin, 'GET', `/api/v1/tasks?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('updates with a fresh If-Match (200) and refuses a stale one (412) without changing anything', async () => {
    const task = await create(admin, { name: 'Prepare binder', matter_id: matterId, assignee: user(staff) });
    const url = `/api/v1/tasks/${task.id}`;
    const etag = String((await call(admin, 'GET', url)).headers.etag);
    const updated = await call(
      admin,
      'PATCH',
      url,
      {
        status: 'in_progress',
        assignee: { type: 'contact', id: coCounselContact.id },
        matter_id: secondMatterId,
      },
      { 'if-match': etag },
    );
    expect(updated.statusCode).toBe(200);
    const after: Task = updated.json().data;
    expect(after).toMatchObject({
      status: 'in_progress',
      matter_id: secondMatterId,
      assignee: { type: 'contact', id: coCounselContact.id },
    });
    const stale = await call(admin, 'PATCH', url, { name: 'Stale' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect((await call(admin, 'GET', url)).json().data).toEqual(after);

    const cleared = await call(admin, 'PATCH', url, { assignee: null, matter_id: null, due_date: null });
    expect(cleared.json().data).toMatchObject({ assignee: null, matter_id: null, due_date: null });
    const refused = await call(admin, 'PATCH', url, { assignee: { type: 'contact', id: plainContactId } });
    expect(refused.statusCode).toBe(422);
    expect(errorPaths(refused)).toBe('/assignee/id');
    expect(errorPaths(await call(admin, 'PATCH', url, { matter_id: otherFirmMatterId }))).toBe('/matter_id');
    expect((await call(admin, 'PATCH', url, { created_by: user(admin) })).statusCode).toBe(400);
    expect((await call(admin, 'PATCH', url, {})).statusCode).toBe(400);
    expect((await call(admin, 'GET', url)).json().data.assignee).toBeNull();
  });

  it('deletes (204, then 404), audited', async () => {
    const task = await create(admin, { name: 'Temporary' });
    const url = `/api/v1/tasks/${task.id}`;
    expect((await call(staff, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(staff, 'GET', url)).statusCode).toBe(404);
    expect((await call(staff, 'DELETE', url)).statusCode).toBe(404);
    expect((await call(staff, 'POST', `${url}/complete`)).statusCode).toBe(404);
    expect(await auditActions(task.id)).toEqual(['task.created', 'task.deleted']);
  });

  it('replays a create with the same Idempotency-Key, and refuses the key with another body (422)', async () => {
    const before = await countTasks();
    const headers = { 'idempotency-key': 'task-retry-1' };
    const first = await call(admin, 'POST', '/api/v1/tasks', { name: 'Retried' }, headers);
    const retry = await call(admin, 'POST', '/api/v1/tasks', { name: 'Retried' }, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expect((await call(admin, 'POST', '/api/v1/tasks', { name: 'Other' }, headers)).statusCode).toBe(422);
    expect(await countTasks()).toBe(before + 1);
  });

  it("hides one firm's tasks from another firm, and from co-counsel they are not assigned to (404)", async () => {
    const task = await create(admin, { name: 'Private' });
    const url = `/api/v1/tasks/${task.id}`;
    for (const [method, payload, action] of [
      ['GET', undefined, ''],
      ['PATCH', { name: 'Taken over' }, ''],
      ['DELETE', undefined, ''],
      ['POST', undefined, '/complete'],
      ['POST', undefined, '/reopen'],
    ] as const) {
      for (const session of [otherAdmin, coCounsel]) {
        expect((await call(session, method, `${url}${action}`, payload)).statusCode, method + action).toBe(
          404,
        );
      }
    }
    const listed = (await call(coCounsel, 'GET', '/api/v1/tasks?limit=200')).json().data as { id: string }[];
    expect(listed.map((row) => row.id)).not.toContain(task.id);
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
    expect((await call(admin, 'GET', url)).json().data).toEqual(task);
  });
});
