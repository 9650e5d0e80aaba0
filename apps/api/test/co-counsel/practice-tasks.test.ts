import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls } from '../support/api-calls';
import { makeMatter } from '../support/factories/practice';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  type CoCounsel,
  makeCoCounsel,
  type PracticeFirm,
  seedPracticeFirm,
  share,
  stopSharing,
} from './practice-firm';

/** A co-counsel's tasks: those assigned to its contact card, which it may complete and reopen, nothing more. */
describe('co-counsel on tasks', () => {
  let t: TestApp;
  let firm: PracticeFirm;
  let counsel: CoCounsel;
  let colleague: CoCounsel;
  const { nextIp, call, rows } = apiCalls(() => t, '10.93');
  const ids = { onMatter: '', noMatter: '', staffs: '', colleagues: '' };

  const create = async (name: string, assignee: object, matterId: string | null = null) => {
    const response = await call(firm.admin, 'POST', '/api/v1/tasks', { name, assignee, matter_id: matterId });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id as string;
  };
  const contact = (who: CoCounsel) => ({ type: 'contact', id: who.contactId });
  const listed = async (who: CoCounsel, query = '') => {
    const response = await call(who.session, 'GET', `/api/v1/tasks?limit=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return new Set((response.json().data as { id: string }[]).map((task) => task.id));
  };
  const tasks = () => rows(sql`select * from tasks order by id`);

  beforeAll(async () => {
    t = await createTestApp();
    firm = await seedPracticeFirm(t, nextIp);
    counsel = await makeCoCounsel(t, firm.firmId, { email: 'task-counsel@outside.test', ip: nextIp() });
    colleague = await makeCoCounsel(t, firm.firmId, { email: 'task-colleague@outside.test', ip: nextIp() });
    // Tasks go with their assignee, not with shares: this matter is shared with nobody.
    const matter = await makeMatter(t.database.db, firm.firmId);
    ids.onMatter = await create('Draft the expert report', contact(counsel), matter.id);
    ids.noMatter = await create('Send the engagement letter', contact(counsel));
    ids.staffs = await create('File the motion', { type: 'user', id: firm.staff.membership.id }, matter.id);
    ids.colleagues = await create('Review the exhibits', contact(colleague), matter.id);
  });
  afterAll(() => t.close());

  it('lists and reads exactly the tasks assigned to it', async () => {
    expect(await listed(counsel)).toEqual(new Set([ids.onMatter, ids.noMatter]));
    expect(await listed(counsel, '&status=open')).toEqual(new Set([ids.onMatter, ids.noMatter]));
    expect(await listed(colleague)).toEqual(new Set([ids.colleagues]));
    const task = (await call(counsel.session, 'GET', `/api/v1/tasks/${ids.onMatter}`)).json().data;
    expect(task.assignee).toEqual({ type: 'contact', id: counsel.contactId, name: expect.any(String) });
    for (const id of [ids.staffs, ids.colleagues]) {
      expect((await call(counsel.session, 'GET', `/api/v1/tasks/${id}`)).statusCode, id).toBe(404);
    }
  });

  it('does not name a matter that is not shared with it: matter_id is null until the matter is shared', async () => {
    const matterOf = async () => {
      const listedTask = (await call(counsel.session, 'GET', '/api/v1/tasks?limit=200'))
        .json()
        .data.find((task: { id: string }) => task.id === ids.onMatter);
      const read = (await call(counsel.session, 'GET', `/api/v1/tasks/${ids.onMatter}`)).json().data;
      return [listedTask.matter_id, read.matter_id];
    };
    expect(await matterOf()).toEqual([null, null]);
    const matterId = (await call(firm.admin, 'GET', `/api/v1/tasks/${ids.onMatter}`)).json().data.matter_id;
    expect(matterId).toEqual(expect.any(String));
    const shareId = await share(t.database.db, {
      firmId: firm.firmId,
      contactId: counsel.contactId,
      sharedBy: firm.admin.membership.id,
      matterId,
    });
    expect(await matterOf()).toEqual([matterId, matterId]);
    await stopSharing(t.database.db, shareId);
    expect(await matterOf()).toEqual([null, null]);
  });

  it('completes and reopens its tasks, recorded and audited as its own doing', async () => {
    const url = `/api/v1/tasks/${ids.onMatter}`;
    const completed = await call(counsel.session, 'POST', `${url}/complete`);
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().data).toMatchObject({
      status: 'completed',
      // Named as the contact card it acts through, as the assignee is.
      completed_by: { type: 'contact', id: counsel.contactId, name: expect.any(String) },
      completed_at: expect.any(String),
    });
    const reopened = await call(counsel.session, 'POST', `${url}/reopen`);
    expect(reopened.json().data).toMatchObject({ status: 'pending', completed_by: null, completed_at: null });
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${ids.onMatter} and actor_membership_id = ${counsel.membershipId}
             and action like 'task.%' order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual(['task.completed', 'task.reopened']);
  });

  it('may do nothing else: 403 on its own tasks, 404 on others, 403 on creating; nothing changes', async () => {
    const before = await tasks();
    for (const [id, status] of [
      [ids.onMatter, 403],
      [ids.staffs, 404],
      [ids.colleagues, 404],
    ] as const) {
      const url = `/api/v1/tasks/${id}`;
      for (const payload of [{ name: 'Renamed' }, { status: 'in_progress' }, { due_date: '2027-01-01' }]) {
        expect((await call(counsel.session, 'PATCH', url, payload)).statusCode, url).toBe(status);
      }
      expect((await call(counsel.session, 'DELETE', url)).statusCode, url).toBe(status);
    }
    for (const id of [ids.staffs, ids.colleagues]) {
      for (const action of ['complete', 'reopen']) {
        const response = await call(counsel.session, 'POST', `/api/v1/tasks/${id}/${action}`);
        expect(response.statusCode, `${action} ${id}`).toBe(404);
      }
    }
    const made = await call(counsel.session, 'POST', '/api/v1/tasks', {
      name: 'My own task',
      assignee: contact(counsel),
    });
    expect(made.statusCode).toBe(403);
    expect(await tasks()).toEqual(before);
  });

  it('loses a task on the next request once it is assigned to someone else', async () => {
    const url = `/api/v1/tasks/${ids.noMatter}`;
    const moved = await call(firm.admin, 'PATCH', url, {
      assignee: { type: 'user', id: firm.staff.membership.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await call(counsel.session, 'GET', url)).statusCode).toBe(404);
    expect((await call(counsel.session, 'POST', `${url}/complete`)).statusCode).toBe(404);
    expect(await listed(counsel)).toEqual(new Set([ids.onMatter]));
  });
});
