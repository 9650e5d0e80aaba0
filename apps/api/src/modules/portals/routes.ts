import { IdParams, One, Page, PageQuery } from '@chambers/contracts/common';
import { ConversationParticipant, ParticipantParams } from '@chambers/contracts/conversations';
import {
  AddPortalParticipant,
  CreatePortal,
  Portal,
  PortalPage,
  PortalQuery,
  UpdatePortal,
} from '@chambers/contracts/portals';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { addParticipant, listParticipants, removeParticipant } from './participant-service';
import { registerPortalLabels } from './portal-invitations';
import { createPortal, getPortal, listPortals, refuseDeletion, updatePortal } from './service';

const PortalParticipantPage = Page(ref(ConversationParticipant));

/**
 * Client portals and their participants. Firm users see every portal of their firm and manage
 * them; externals (clients, co-counsel) see those they take part in. Changing routes declare the
 * read permission: the services answer 404 out of sight and 403 for what externals may not do.
 */
const portalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerPortalLabels();
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const manage = { ...read, 403: ref(Problem) };
  const write = { ...manage, 422: ref(Problem) };

  app.get(
    '/api/v1/portals',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'listPortals',
        tags: ['Portals'],
        summary: 'Client portals, newest activity first',
        description: 'Firm users see every portal of their firm; externals only those they take part in.',
        querystring: PortalQuery,
        response: { 200: PortalPage, ...read },
      },
    },
    async (request) => listPortals(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/portals',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'createPortal',
        tags: ['Portals'],
        summary: 'Open a client portal on a matter (firm users)',
        description:
          "The caller and the matter's client take part unless `participants` names who does. A matter " +
          'the caller cannot see, and participants who may not take part, answer 422 naming their path. ' +
          'Contacts without an account at the firm are mailed an invitation naming the portal.',
        body: ref(CreatePortal),
        response: { 201: One(ref(Portal)), ...write },
      },
    },
    async (request, reply) => {
      const portal = await createPortal(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/portals/${portal.id}`).send({ data: portal });
    },
  );

  app.get(
    '/api/v1/portals/:id',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'getPortal',
        tags: ['Portals'],
        summary: 'One client portal',
        params: IdParams,
        response: { 200: One(ref(Portal)), ...read },
      },
    },
    async (request) => ({ data: await getPortal(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/portals/:id',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'updatePortal',
        tags: ['Portals'],
        summary: 'Rename a portal, or close it to new messages and reopen it (firm users)',
        description: 'A closed portal stays readable to its participants; posting and uploading answer 409.',
        params: IdParams,
        body: ref(UpdatePortal),
        response: { 200: One(ref(Portal)), ...manage },
      },
    },
    async (request) => ({
      data: await updatePortal(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/portals/:id',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'deletePortal',
        tags: ['Portals'],
        summary: 'Portals cannot be deleted',
        description:
          'Always 405 for a portal the caller sees (404 otherwise): the problem says how to revoke access ' +
          'instead — remove participants, stop sharing resources, or close the portal.',
        params: IdParams,
        response: { ...read, 405: ref(Problem) },
      },
    },
    async (request) => refuseDeletion(app, principalOf(request), request.params.id),
  );

  app.get(
    '/api/v1/portals/:id/participants',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'listPortalParticipants',
        tags: ['Portals'],
        summary: 'Who takes part in a portal, in the order they joined',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: PortalParticipantPage, ...read },
      },
    },
    async (request) => listParticipants(app, principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/portals/:id/participants',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'addPortalParticipant',
        tags: ['Portals'],
        summary: "Add a firm user or a contact of the portal's matter (firm users)",
        description:
          'The contact sees every message and every shared resource of the portal. One without an account ' +
          'at the firm is mailed an invitation. Someone who may not take part answers 422 naming ' +
          '`/person/id`; someone who already takes part, 409.',
        params: IdParams,
        body: ref(AddPortalParticipant),
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
        .header('location', `/api/v1/portals/${request.params.id}/participants/${participant.id}`)
        .send({ data: participant });
    },
  );

  app.delete(
    '/api/v1/portals/:id/participants/:participantId',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'removePortalParticipant',
        tags: ['Portals'],
        summary: 'Remove someone from a portal (firm users)',
        description:
          'An external removed no longer sees the portal, its messages or its shared resources, from its next request.',
        params: ParticipantParams,
        response: { 204: { type: 'null' }, ...manage },
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

export default portalRoutes;
