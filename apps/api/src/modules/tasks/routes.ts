import { IdParams, One } from '@chambers/contracts/common';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import { CreateTask, Task, TaskPage, TaskQuery, UpdateTask } from '@chambers/contracts/tasks';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { completeTask, createTask, deleteTask, getTask, listTasks, reopenTask, updateTask } from './service';

/**
 * Tasks, with completing and reopening as their own actions. Changing routes declare the read
 * permission: the service answers 404 for a task out of sight and 403 for one the caller may not
 * change (API.md). Co-counsel see the tasks assigned to them and may complete and reopen them,
 * nothing more.
 */
const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem) };

  app.get(
    '/api/v1/tasks',
    {
      config: { permission: 'tasks:read' },
      schema: {
        operationId: 'listTasks',
        tags: ['Tasks'],
        summary: 'Tasks, oldest first or soonest due first (`order`)',
        description:
          '`due_before` and `due_after` are inclusive and leave out tasks without a due date. Co-counsel see ' +
          'the tasks assigned to them.',
        querystring: TaskQuery,
        response: { 200: TaskPage, ...read },
      },
    },
    async (request) => listTasks(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/tasks',
    {
      config: { permission: 'tasks:read' },
      schema: {
        operationId: 'createTask',
        tags: ['Tasks'],
        summary: 'Create a task, optionally on a matter and assigned to someone',
        description:
          'A matter the caller cannot see, or an assignee who is neither an active firm user nor a ' +
          'co-counsel contact of the firm, is refused with 422 naming its path.',
        body: ref(CreateTask),
        response: { 201: One(ref(Task)), ...write, 422: ref(Problem) },
      },
    },
    async (request, reply) => {
      const task = await createTask(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/tasks/${task.id}`).send({ data: task });
    },
  );

  app.get(
    '/api/v1/tasks/:id',
    {
      config: { permission: 'tasks:read' },
      schema: {
        operationId: 'getTask',
        tags: ['Tasks'],
        summary: 'One task',
        params: IdParams,
        response: { 200: One(ref(Task)), ...read },
      },
    },
    async (request) => ({ data: await getTask(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/tasks/:id',
    {
      config: { permission: 'tasks:read' },
      schema: {
        operationId: 'updateTask',
        tags: ['Tasks'],
        summary: 'Change a task; `status` only between pending and in progress',
        params: IdParams,
        body: ref(UpdateTask),
        response: { 200: One(ref(Task)), ...write, 422: ref(Problem) },
      },
    },
    async (request) => ({
      data: await updateTask(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/tasks/:id',
    {
      config: { permission: 'tasks:read' },
      schema: {
        operationId: 'deleteTask',
        tags: ['Tasks'],
        summary: 'Delete a task',
        params: IdParams,
        response: { 204: { type: 'null' }, ...write },
      },
    },
    async (request, reply) => {
      await deleteTask(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/tasks/:id/complete',
    {
      config: { permission: 'tasks:read' },
      schema: {
        operationId: 'completeTask',
        tags: ['Tasks'],
        summary: 'Complete a task, recording who completed it and when',
        description:
          'Completing a completed task changes nothing and answers it as it is. The co-counsel a task is ' +
          'assigned to may complete it.',
        params: IdParams,
        response: { 200: One(ref(Task)), ...write },
      },
    },
    async (request) => ({
      data: await completeTask(app, principalOf(request), request.params.id, request.ip),
    }),
  );

  app.post(
    '/api/v1/tasks/:id/reopen',
    {
      config: { permission: 'tasks:read' },
      schema: {
        operationId: 'reopenTask',
        tags: ['Tasks'],
        summary: 'Reopen a completed task: back to pending, completion cleared',
        description:
          'Reopening an open task changes nothing and answers it as it is. The co-counsel a task is assigned ' +
          'to may reopen it.',
        params: IdParams,
        response: { 200: One(ref(Task)), ...write },
      },
    },
    async (request) => ({ data: await reopenTask(app, principalOf(request), request.params.id, request.ip) }),
  );
};

export default taskRoutes;
