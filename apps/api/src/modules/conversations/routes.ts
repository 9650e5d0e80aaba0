import { IdParams, One, PageQuery } from '@chambers/contracts/common';
import {
  AddConversationParticipant,
  Conversation,
  ConversationPage,
  ConversationParticipant,
  ConversationQuery,
  ConversationReadQuery,
  CreateConversation,
  CreateMessage,
  Message,
  MessagePage,
  ParticipantParams,
  UpdateConversation,
} from '@chambers/contracts/conversations';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../plugins/authenticate';
import { listMessages, markConversationRead, postMessage } from './message-service';
import { addParticipant, removeParticipant } from './participant-service';
import { PRINT_POLICY } from './print-page';
import {
  createConversation,
  getConversation,
  listConversations,
  printConversation,
  updateConversation,
} from './service';

/** One conversation as JSON, or (`format=print`) as its printable page. */
const ConversationOrPage = Type.Unsafe<{ data: Conversation } | string>({
  description:
    'The conversation; with `format=print`, a printable HTML page under a script-free Content-Security-Policy.',
  content: {
    'application/json': { schema: One(ref(Conversation)) },
    'text/html': { schema: { type: 'string' } },
  },
});

/**
 * Secure conversations between the firm and co-counsel: firm users see all of their firm's and
 * manage them; externals see, read and post in those they take part in. Changing routes declare
 * the read permission: the services answer 404 out of sight and 403 for what co-counsel may not
 * do (rename, manage participants).
 */
const conversationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem), 422: ref(Problem) };

  app.get(
    '/api/v1/conversations',
    {
      config: { permission: 'conversations:read' },
      schema: {
        operationId: 'listConversations',
        tags: ['Conversations'],
        summary: 'Conversations, newest activity first',
        description:
          'Firm users see every conversation of their firm; externals only those they take part in.',
        querystring: ConversationQuery,
        response: { 200: ConversationPage, ...read },
      },
    },
    async (request) => listConversations(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/conversations',
    {
      config: { permission: 'conversations:read' },
      schema: {
        operationId: 'createConversation',
        tags: ['Conversations'],
        summary: 'Start a conversation with its first message',
        description:
          'Firm users name participants among active firm users and co-counsel contacts. Co-counsel name ' +
          'a matter shared with them and no participants: the firm side is the matter’s responsible ' +
          'attorney and the firm users who shared it with them. Bad references answer 422 naming their path.',
        body: ref(CreateConversation),
        response: { 201: One(ref(Conversation)), ...write },
      },
    },
    async (request, reply) => {
      const conversation = await createConversation(app, principalOf(request), request.body, request.ip);
      return reply
        .code(201)
        .header('location', `/api/v1/conversations/${conversation.id}`)
        .send({ data: conversation });
    },
  );

  app.get(
    '/api/v1/conversations/:id',
    {
      config: { permission: 'conversations:read' },
      schema: {
        operationId: 'getConversation',
        tags: ['Conversations'],
        summary: 'One conversation, or its printable page',
        params: IdParams,
        querystring: ConversationReadQuery,
        response: { 200: ConversationOrPage, ...read },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (request.query.format === 'print') {
        const page = await printConversation(app, principal, request.params.id);
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', PRINT_POLICY)
          .send(page);
      }
      return { data: await getConversation(app, principal, request.params.id) };
    },
  );

  app.patch(
    '/api/v1/conversations/:id',
    {
      config: { permission: 'conversations:read' },
      schema: {
        operationId: 'updateConversation',
        tags: ['Conversations'],
        summary: 'Rename a conversation (firm users)',
        params: IdParams,
        body: ref(UpdateConversation),
        response: { 200: One(ref(Conversation)), ...read, 403: ref(Problem) },
      },
    },
    async (request) => ({
      data: await updateConversation(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.get(
    '/api/v1/conversations/:id/messages',
    {
      config: { permission: 'conversations:read' },
      schema: {
        operationId: 'listMessages',
        tags: ['Conversations'],
        summary: 'The messages of a conversation, oldest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: MessagePage, ...read },
      },
    },
    async (request) => listMessages(app, principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/conversations/:id/messages',
    {
      config: { permission: 'conversations:read' },
      schema: {
        operationId: 'postMessage',
        tags: ['Conversations'],
        summary: 'Post a message, with documents of the conversation’s matter attached',
        description:
          'Participants post; a firm user who does not take part yet joins by posting. Attachments are ' +
          'documents uploaded with `POST /documents`, visible to the caller and filed to the conversation’s ' +
          'matter (422 naming `/attachment_ids/N` otherwise); once attached, every participant can open them. ' +
          'The other participants who have not read it are mailed after a short delay (one mail for the ' +
          'messages in between, saying how many, never what).',
        params: IdParams,
        body: ref(CreateMessage),
        response: { 201: One(ref(Message)), ...write },
      },
    },
    async (request, reply) => {
      const message = await postMessage(
        app,
        principalOf(request),
        request.params.id,
        request.body,
        request.ip,
      );
      return reply
        .code(201)
        .header('location', `/api/v1/conversations/${request.params.id}/messages`)
        .send({ data: message });
    },
  );

  app.post(
    '/api/v1/conversations/:id/read',
    {
      config: { permission: 'conversations:read' },
      schema: {
        operationId: 'markConversationRead',
        tags: ['Conversations'],
        summary: 'Mark every message of a conversation read for you',
        description: 'A firm user who does not take part has no read state: nothing changes.',
        params: IdParams,
        response: { 204: { type: 'null' }, ...read },
      },
    },
    async (request, reply) => {
      await markConversationRead(app, principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/conversations/:id/participants',
    {
      config: { permission: 'conversations:read' },
      schema: {
        operationId: 'addConversationParticipant',
        tags: ['Conversations'],
        summary: 'Add a firm user or a co-counsel contact to a conversation (firm users)',
        description: 'Someone who already takes part answers 409.',
        params: IdParams,
        body: ref(AddConversationParticipant),
        response: { 201: One(ref(ConversationParticipant)), ...write, 409: ref(Problem) },
      },
    },
    async (request, reply) => {
      const participant = await addParticipant(
        app,
        principalOf(request),
        request.params.id,
        request.body,
        request.ip,
      );
      return reply
        .code(201)
        .header('location', `/api/v1/conversations/${request.params.id}/participants/${participant.id}`)
        .send({ data: participant });
    },
  );

  app.delete(
    '/api/v1/conversations/:id/participants/:participantId',
    {
      config: { permission: 'conversations:read' },
      schema: {
        operationId: 'removeConversationParticipant',
        tags: ['Conversations'],
        summary: 'Remove someone from a conversation (firm users)',
        description:
          'An external removed no longer sees the conversation or its attachments, from its next request.',
        params: ParticipantParams,
        response: { 204: { type: 'null' }, ...read, 403: ref(Problem) },
      },
    },
    async (request, reply) => {
      await removeParticipant(
        app,
        principalOf(request),
        request.params.id,
        request.params.participantId,
        request.ip,
      );
      return reply.code(204).send(null);
    },
  );
};

export default conversationRoutes;
