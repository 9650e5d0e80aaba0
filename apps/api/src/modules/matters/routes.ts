import { IdParams, One } from '@chambers/contracts/common';
import { CreateMatter, Matter, MatterPage, MatterQuery, UpdateMatter } from '@chambers/contracts/matters';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../plugins/authenticate';
import { createMatter, deleteMatter, getMatter, listMatters, updateMatter } from './service';

/**
 * The firm's matters. Changing routes declare the read permission; the service answers 403 to
 * callers who see but may not change (co-counsel, on the matters shared with them). Billing is
 * answered and accepted only with `rates:read`, which externals never hold.
 */
const matterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem), 422: ref(Problem) };

  app.get(
    '/api/v1/matters',
    {
      config: { permission: 'matters:read' },
      schema: {
        operationId: 'listMatters',
        tags: ['Matters'],
        summary: "The firm's matters, in creation order",
        description:
          '`attorney_id` matches the responsible or the originating attorney; `q` part of the number, ' +
          "the description or the client's name, ignoring case. Co-counsel see the matters shared with them.",
        querystring: MatterQuery,
        response: { 200: MatterPage, ...read },
      },
    },
    async (request) => listMatters(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/matters',
    {
      config: { permission: 'matters:read' },
      schema: {
        operationId: 'createMatter',
        tags: ['Matters'],
        summary: 'Open a matter under the next number of the firm',
        description:
          'The number is handed out by the server ("00001", "00002", …). The client must be a contact ' +
          'of the firm and is marked as a client; attorneys must be active firm users; related ' +
          'contacts are listed once each (422 otherwise). A closed matter gets a close date (today ' +
          'unless given), never before its open date.',
        body: ref(CreateMatter),
        response: { 201: One(ref(Matter)), ...write },
      },
    },
    async (request, reply) => {
      const matter = await createMatter(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/matters/${matter.id}`).send({ data: matter });
    },
  );

  app.get(
    '/api/v1/matters/:id',
    {
      config: { permission: 'matters:read' },
      schema: {
        operationId: 'getMatter',
        tags: ['Matters'],
        summary: 'One matter, with its client, attorneys and related contacts',
        params: IdParams,
        response: { 200: One(ref(Matter)), ...read },
      },
    },
    async (request) => ({ data: await getMatter(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/matters/:id',
    {
      config: { permission: 'matters:read' },
      schema: {
        operationId: 'updateMatter',
        tags: ['Matters'],
        summary: 'Change, close or reopen a matter',
        description:
          'Only the fields given change; `related_contacts` replaces the list. Closing sets the close ' +
          'date (today unless given), reopening (open or pending) clears it; a close date on a matter ' +
          'that is not closed, or before its open date, is refused (422). The number never changes.',
        params: IdParams,
        body: ref(UpdateMatter),
        response: { 200: One(ref(Matter)), ...write },
      },
    },
    async (request) => ({
      data: await updateMatter(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/matters/:id',
    {
      config: { permission: 'matters:read' },
      schema: {
        operationId: 'deleteMatter',
        tags: ['Matters'],
        summary: 'Delete a matter and what hangs on it',
        description:
          'Its notes, communication logs, calendar entries, tasks and related-contact links are ' +
          'deleted with it. Refused (422) while it has time entries or bills: close it instead.',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted.' }), ...write },
      },
    },
    async (request, reply) => {
      await deleteMatter(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );
};

export default matterRoutes;
