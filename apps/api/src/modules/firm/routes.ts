import { One } from '@chambers/contracts/common';
import { Firm, UpdateFirm } from '@chambers/contracts/firm';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { getFirm, updateFirm } from './service';

/**
 * The caller's firm and its settings: read by every firm user, changed by admins. There is no
 * `:id`: a membership belongs to exactly one firm, so no other firm can even be named.
 */
const firmRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 401: ref(Problem), 404: ref(Problem) };

  app.get(
    '/api/v1/firm',
    {
      config: { permission: 'users:read' },
      schema: {
        operationId: 'getFirm',
        tags: ['Firm'],
        summary: "The caller's firm and its settings (firm users)",
        response: { 200: One(ref(Firm)), ...read },
      },
    },
    async (request) => ({ data: await getFirm(app, principalOf(request)) }),
  );

  app.patch(
    '/api/v1/firm',
    {
      config: { permission: 'firm:manage' },
      schema: {
        operationId: 'updateFirm',
        tags: ['Firm'],
        summary: 'Rename the firm or change its settings (admins)',
        description:
          'With `If-Match`, the change goes ahead only if the firm is as last read (412 otherwise).',
        body: ref(UpdateFirm),
        response: { 200: One(ref(Firm)), 400: ref(Problem), 412: ref(Problem), ...read },
      },
    },
    async (request) => ({
      data: await updateFirm(app, principalOf(request), request.body, request.ip),
    }),
  );
};

export default firmRoutes;
