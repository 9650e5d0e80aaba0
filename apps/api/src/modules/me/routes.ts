import { MembershipPage } from '@chambers/contracts/auth';
import { One, PageQuery } from '@chambers/contracts/common';
import { ChangePassword, Me, UpdateMe } from '@chambers/contracts/me';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { changePassword, getMe, listMyMemberships, updateMe } from './service';

/** The caller's own identity: profile, accounts, password. */
const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        operationId: 'getMe',
        tags: ['Me'],
        summary: 'The signed-in identity and the account this session acts as',
        response: { 200: One(ref(Me)), 401: ref(Problem) },
      },
    },
    async (request) => ({ data: await getMe(app, principalOf(request)) }),
  );

  app.patch(
    '/api/v1/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        operationId: 'updateMe',
        tags: ['Me'],
        summary: 'Change your name or time zone',
        body: ref(UpdateMe),
        response: { 200: One(ref(Me)), 400: ref(Problem), 401: ref(Problem) },
      },
    },
    async (request) => ({ data: await updateMe(app, principalOf(request), request.body, request.ip) }),
  );

  app.get(
    '/api/v1/me/memberships',
    {
      config: { permission: 'authenticated' },
      schema: {
        operationId: 'listMyMemberships',
        tags: ['Me'],
        summary: 'Your accounts: every active membership of your identity, in any firm',
        querystring: PageQuery,
        response: { 200: MembershipPage, 400: ref(Problem), 401: ref(Problem) },
      },
    },
    async (request) => listMyMemberships(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { permission: 'authenticated', sessionOnly: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        operationId: 'changePassword',
        tags: ['Me'],
        summary: 'Change your password (the current one is required; your other sessions end)',
        body: ref(ChangePassword),
        response: {
          204: { type: 'null' },
          400: ref(Problem),
          401: ref(Problem),
          403: ref(Problem),
          429: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      await changePassword(app, principalOf(request), request.body, request.ip);
      return reply.code(204).send(null);
    },
  );
};

export default meRoutes;
