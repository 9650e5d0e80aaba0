import { createThroughApi } from '../../support/factories/through-api';
import { but, coCounselKinds, credentials, demoUsers, firmUsers, only, type RouteCase } from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000f3';

/**
 * Demo-firm tasks on the shared matter, assigned to the demo co-counsel (who sees them, may
 * complete and reopen them, and nothing else): one every reading or editing row uses, one to
 * complete, one (completed) to reopen; one assigned to a firm user instead; and one per allowed
 * kind to delete. Completing and reopening repeat harmlessly, so one task serves every caller.
 */
const fixtures = {
  taskId: UNKNOWN_ID,
  staffTaskId: UNKNOWN_ID,
  toComplete: UNKNOWN_ID,
  toReopen: UNKNOWN_ID,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
};

async function setup(world: World): Promise<void> {
  const headers = credentials(world, 'admin');
  const coCounsel = { type: 'contact', id: world.contactIds.co_counsel };
  const staff = { type: 'user', id: world.sessions.staff?.membership.id ?? UNKNOWN_ID };
  const create = (name: string, assignee = coCounsel) =>
    createThroughApi(world.app, headers, '/api/v1/tasks', {
      matter_id: world.shared.matterId,
      name,
      assignee,
    });
  fixtures.taskId = await create('Matrix task');
  fixtures.staffTaskId = await create('Matrix task of staff', staff);
  fixtures.toComplete = await create('Matrix task to complete');
  fixtures.toReopen = await create('Matrix task to reopen');
  const completed = await world.app.inject({
    method: 'POST',
    url: `/api/v1/tasks/${fixtures.toReopen}/complete`,
    headers,
  });
  if (completed.statusCode !== 200) throw new Error(`complete: ${completed.statusCode} ${completed.body}`);
  for (const kind of demoUsers) fixtures.toDelete[kind] = await create(`Matrix task for ${kind} to delete`);
}

const taskUrl = (id: string) => `/api/v1/tasks/${id}`;

export const taskCases: RouteCase[] = [
  {
    route: 'GET /api/v1/tasks',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/tasks', headers: credentials(world, who) }),
    expect: only([...firmUsers, ...coCounselKinds], 200),
  },
  {
    route: 'POST /api/v1/tasks',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/tasks',
      headers: credentials(world, who),
      payload: { name: `Matrix task by ${who}`, due_date: '2026-12-01' },
    }),
    // Co-counsel see tasks (theirs) but never make them.
    expect: but(only(firmUsers, 201), coCounselKinds, 403),
  },
  {
    route: 'GET /api/v1/tasks/:id',
    label: 'assigned to the demo co-counsel',
    request: (world, who) => ({
      method: 'GET',
      url: taskUrl(fixtures.taskId),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/tasks/:id',
    label: 'on the shared matter, assigned to a firm user',
    request: (world, who) => ({
      method: 'GET',
      url: taskUrl(fixtures.staffTaskId),
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'PATCH /api/v1/tasks/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: taskUrl(fixtures.taskId),
      headers: credentials(world, who),
      payload: { description: `Edited by ${who}`, status: 'in_progress' },
    }),
    expect: { ...only(demoUsers, 200), co_counsel: 403 },
  },
  {
    route: 'DELETE /api/v1/tasks/:id',
    request: (world, who) => ({
      method: 'DELETE',
      url: taskUrl(fixtures.toDelete[who] ?? fixtures.taskId),
      headers: credentials(world, who),
    }),
    expect: { ...only(demoUsers, 204), co_counsel: 403 },
  },
  {
    route: 'POST /api/v1/tasks/:id/complete',
    request: (world, who) => ({
      method: 'POST',
      url: `${taskUrl(fixtures.toComplete)}/complete`,
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'POST /api/v1/tasks/:id/reopen',
    request: (world, who) => ({
      method: 'POST',
      url: `${taskUrl(fixtures.toReopen)}/reopen`,
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
];
