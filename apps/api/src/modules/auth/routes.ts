import { LoginRequest, Session } from '@chambers/contracts/auth';
import { One } from '@chambers/contracts/common';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { login } from './service';

/** Sign-in. Refresh, logout and account switching arrive with the identity work. */
const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: {
        permission: 'public',
        // Slows password guessing from one address; per-account limits come with the identity work.
        rateLimit: { max: 10, timeWindow: 60_000 },
      },
      schema: {
        operationId: 'login',
        tags: ['Auth'],
        summary: 'Sign in with email and password',
        description: 'Opens a session as the most recently used membership of the identity.',
        security: [],
        body: ref(LoginRequest),
        response: {
          200: One(ref(Session)),
          400: ref(Problem),
          401: ref(Problem),
          429: ref(Problem),
        },
      },
    },
    async (request) => ({ data: await login(app, request.body.email, request.body.password) }),
  );
};

export default authRoutes;
