import { IdParams, One, PageQuery } from '@chambers/contracts/common';
import { CreateMessage, Message, MessagePage } from '@chambers/contracts/conversations';
import { PortalMessageParams } from '@chambers/contracts/portals';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import {
  deletePortalMessage,
  listPortalMessages,
  markPortalRead,
  postPortalMessage,
} from './message-service';

/**
 * A portal's messages: participants and firm users read and post while it is open; firm users
 * delete messages. Changing routes declare the read permission: the services answer 404 out of
 * sight, 403 for what an external may not do, 409 when the portal is closed.
 */
const portalMessageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };

  app.get(
    '/api/v1/portals/:id/messages',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'listPortalMessages',
        tags: ['Portals'],
        summary: 'The messages of a portal, oldest first',
        description:
          'Every participant sees every message; `conversation_id` of each is the portal’s id. Deleted ' +
          'messages are gone for everyone.',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: MessagePage, ...read },
      },
    },
    async (request) => listPortalMessages(app, principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/portals/:id/messages',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'postPortalMessage',
        tags: ['Portals'],
        summary: 'Post a message in a portal, with documents of its matter attached',
        description:
          'Participants post; a firm user who does not take part yet joins by posting. A closed portal ' +
          'answers 409 until the firm reopens it. Attachments are documents the caller can open, filed to ' +
          'the portal’s matter (422 naming `/attachment_ids/N` otherwise); once attached, every participant ' +
          '(clients included) can open them. The other participants who have not read it are mailed after a ' +
          'short delay (one mail for the messages in between, saying how many, never what).',
        params: IdParams,
        body: ref(CreateMessage),
        response: {
          201: One(ref(Message)),
          ...read,
          403: ref(Problem),
          409: ref(Problem),
          422: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      const message = await postPortalMessage(
        app,
        principalOf(request),
        request.params.id,
        request.body,
        request.ip,
      );
      return reply
        .code(201)
        .header('location', `/api/v1/portals/${request.params.id}/messages`)
        .send({ data: message });
    },
  );

  app.post(
    '/api/v1/portals/:id/read',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'markPortalRead',
        tags: ['Portals'],
        summary: 'Mark every message of a portal read for you',
        description: 'A firm user who does not take part has no read state: nothing changes.',
        params: IdParams,
        response: { 204: { type: 'null' }, ...read },
      },
    },
    async (request, reply) => {
      await markPortalRead(app, principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/portals/:id/messages/:messageId',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'deletePortalMessage',
        tags: ['Portals'],
        summary: 'Delete a message for everyone (firm users)',
        description:
          'The message and its attachments leave the portal at once; the attached documents stay filed to ' +
          'the matter. The audit log keeps who wrote the message and when, never what it said. Externals ' +
          'answer 403.',
        params: PortalMessageParams,
        response: { 204: { type: 'null' }, ...read, 403: ref(Problem) },
      },
    },
    async (request, reply) => {
      await deletePortalMessage(
        app,
        principalOf(request),
        request.params.id,
        request.params.messageId,
        request.ip,
      );
      return reply.code(204).send(null);
    },
  );
};

export default portalMessageRoutes;
