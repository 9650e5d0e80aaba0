import { IdParams, One, PageQuery } from '@chambers/contracts/common';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import {
  ContactAccessPage,
  CreatedShare,
  CreateShare,
  Share,
  SharePage,
  ShareQuery,
} from '@chambers/contracts/shares';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { listContactAccess } from './contact-access';
import { registerShareLabels } from './invitation-labels';
import { createShare, deleteShare, getShare, listShares } from './service';

/**
 * What the firm shares with co-counsel, and what co-counsel did with it. Firm users only: the
 * routes declare `shares:read`, which externals do not hold (404), and the service checks
 * `shares:write` before a change.
 */
const shareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerShareLabels();
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem) };

  app.get(
    '/api/v1/shares',
    {
      config: { permission: 'shares:read' },
      schema: {
        operationId: 'listShares',
        tags: ['Shares'],
        summary: 'What is shared with which co-counsel contact, oldest first',
        description:
          'Filter by contact (everything shared with it) or by resource (everyone it is shared with). ' +
          'A resource filter matches shares of that resource itself, not of what is inside it.',
        querystring: ShareQuery,
        response: { 200: SharePage, ...read },
      },
    },
    async (request) => listShares(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/shares',
    {
      config: { permission: 'shares:read' },
      schema: {
        operationId: 'createShare',
        tags: ['Shares'],
        summary: 'Share a matter, folder or document with a co-counsel contact',
        description:
          'A contact that is not a co-counsel contact of the firm with an email, or a resource the caller ' +
          'cannot see, is refused with 422 naming its path; sharing the same resource with the same ' +
          'contact twice with 409. The first share with a contact without an account mails the ' +
          'invitation; later ones mail a notice when the firm has notices on.',
        body: ref(CreateShare),
        response: { 201: One(ref(CreatedShare)), ...write, 409: ref(Problem), 422: ref(Problem) },
      },
    },
    async (request, reply) => {
      const share = await createShare(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/shares/${share.id}`).send({ data: share });
    },
  );

  app.get(
    '/api/v1/shares/:id',
    {
      config: { permission: 'shares:read' },
      schema: {
        operationId: 'getShare',
        tags: ['Shares'],
        summary: 'One share',
        params: IdParams,
        response: { 200: One(ref(Share)), ...read },
      },
    },
    async (request) => ({ data: await getShare(app, principalOf(request), request.params.id) }),
  );

  app.delete(
    '/api/v1/shares/:id',
    {
      config: { permission: 'shares:read' },
      schema: {
        operationId: 'deleteShare',
        tags: ['Shares'],
        summary: 'Stop sharing',
        description: "The contact's access ends with its very next request.",
        params: IdParams,
        response: { 204: { type: 'null' }, ...write },
      },
    },
    async (request, reply) => {
      await deleteShare(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/contacts/:id/access',
    {
      config: { permission: 'shares:read' },
      schema: {
        operationId: 'listContactAccess',
        tags: ['Shares'],
        summary: "A contact's recent access: what its accounts did, newest first",
        description:
          'From the audit log: every event whose actor signs in as this contact at the firm (views, ' +
          'downloads, uploads, sign-ins, denied calls). What is shared with it: `GET /shares?contact_id=`.',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: ContactAccessPage, ...read },
      },
    },
    async (request) => listContactAccess(app, principalOf(request), request.params.id, request.query),
  );
};

export default shareRoutes;
