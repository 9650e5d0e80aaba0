import {
  ApiToken,
  ApiTokenPage,
  ApiTokenParams,
  CreateApiToken,
  CreatedApiToken,
} from '@chambers/contracts/api-tokens';
import { One, PageQuery } from '@chambers/contracts/common';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { createApiToken, getApiToken, listApiTokens, revokeApiToken } from './service';

/** Integrators' tokens: each acts as the membership that made it, and only that membership manages it. */
const apiTokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/api_tokens',
    {
      config: {
        permission: 'api_tokens:manage',
        // A token minting tokens would outlive its own revocation: only a signed-in person may.
        sessionOnly: true,
        // Per address; per identity, the service counts recent creations.
        rateLimit: { max: 10, timeWindow: 60_000 },
      },
      schema: {
        operationId: 'createApiToken',
        tags: ['API tokens'],
        summary: 'Create an API token (its secret is shown only in this response)',
        description:
          'The token acts as the account (membership) that creates it. Send its secret as `Authorization: Bearer chm_…`. API tokens cannot create tokens (403).',
        body: ref(CreateApiToken),
        response: {
          201: One(ref(CreatedApiToken)),
          400: ref(Problem),
          401: ref(Problem),
          403: ref(Problem),
          404: ref(Problem),
          422: ref(Problem),
          429: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/api_tokens/${created.id}`).send({ data: created });
    },
  );

  app.get(
    '/api/v1/api_tokens',
    {
      config: { permission: 'api_tokens:manage' },
      schema: {
        operationId: 'listApiTokens',
        tags: ['API tokens'],
        summary: "Your account's API tokens, newest first (never their secrets)",
        querystring: PageQuery,
        response: { 200: ApiTokenPage, 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) },
      },
    },
    async (request) => listApiTokens(app, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/api_tokens/:id',
    {
      config: { permission: 'api_tokens:manage' },
      schema: {
        operationId: 'getApiToken',
        tags: ['API tokens'],
        summary: 'One of your API tokens (never its secret)',
        params: ApiTokenParams,
        response: { 200: One(ref(ApiToken)), 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) },
      },
    },
    async (request) => ({ data: await getApiToken(app, principalOf(request), request.params.id) }),
  );

  app.delete(
    '/api/v1/api_tokens/:id',
    {
      config: { permission: 'api_tokens:manage' },
      schema: {
        operationId: 'revokeApiToken',
        tags: ['API tokens'],
        summary: 'Revoke one of your API tokens; it stops working at once',
        params: ApiTokenParams,
        response: { 204: { type: 'null' }, 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) },
      },
    },
    async (request, reply) => {
      await revokeApiToken(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );
};

export default apiTokenRoutes;
