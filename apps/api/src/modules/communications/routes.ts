import { IdParams, One } from '@chambers/contracts/common';
import {
  Communication,
  CommunicationPage,
  CommunicationQuery,
  CreateCommunication,
  UpdateCommunication,
} from '@chambers/contracts/communications';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import {
  createCommunication,
  deleteCommunication,
  getCommunication,
  listCommunications,
  updateCommunication,
} from './service';

/**
 * Phone calls and emails logged on matters. Changing routes declare the read permission: the
 * service answers 404 for a log out of sight and 403 for one the caller may not change (API.md).
 */
const communicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem), 422: ref(Problem) };

  app.get(
    '/api/v1/communications',
    {
      config: { permission: 'communications:read' },
      schema: {
        operationId: 'listCommunications',
        tags: ['Communications'],
        summary: 'Logged phone calls and emails, oldest logged first',
        description: 'Co-counsel see the logs of the matters shared with them, read-only.',
        querystring: CommunicationQuery,
        response: { 200: CommunicationPage, ...read },
      },
    },
    async (request) => listCommunications(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/communications',
    {
      config: { permission: 'communications:read' },
      schema: {
        operationId: 'createCommunication',
        tags: ['Communications'],
        summary: 'Log a phone call or an email on a matter',
        description:
          'A matter, user or contact the caller cannot see is refused with 422 naming its path, as is ' +
          'a person listed twice in `senders` or in `receivers`.',
        body: ref(CreateCommunication),
        response: { 201: One(ref(Communication)), ...write },
      },
    },
    async (request, reply) => {
      const communication = await createCommunication(app, principalOf(request), request.body, request.ip);
      return reply
        .code(201)
        .header('location', `/api/v1/communications/${communication.id}`)
        .send({ data: communication });
    },
  );

  app.get(
    '/api/v1/communications/:id',
    {
      config: { permission: 'communications:read' },
      schema: {
        operationId: 'getCommunication',
        tags: ['Communications'],
        summary: 'One logged phone call or email',
        params: IdParams,
        response: { 200: One(ref(Communication)), ...read },
      },
    },
    async (request) => ({ data: await getCommunication(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/communications/:id',
    {
      config: { permission: 'communications:read' },
      schema: {
        operationId: 'updateCommunication',
        tags: ['Communications'],
        summary: 'Change a log; `senders` or `receivers` given replace that list',
        params: IdParams,
        body: ref(UpdateCommunication),
        response: { 200: One(ref(Communication)), ...write },
      },
    },
    async (request) => ({
      data: await updateCommunication(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/communications/:id',
    {
      config: { permission: 'communications:read' },
      schema: {
        operationId: 'deleteCommunication',
        tags: ['Communications'],
        summary: 'Delete a log',
        params: IdParams,
        response: {
          204: { type: 'null' },
          400: ref(Problem),
          401: ref(Problem),
          403: ref(Problem),
          404: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      await deleteCommunication(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );
};

export default communicationRoutes;
