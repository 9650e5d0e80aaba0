import { LoginRequest, Session, SwitchRequest } from '@chambers/contracts/auth';
import { One } from '@chambers/contracts/common';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  assertSameSite,
  clearRefreshCookie,
  refreshCookieOf,
  setRefreshCookie,
} from '../../auth/refresh-cookie';
import { AppError } from '../../errors/app-error';
import { principalOf } from '../../plugins/authenticate';
import { type IssuedSession, login, logout, refresh, switchMembership } from './service';

const clientOf = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

function answer(reply: FastifyReply, issued: IssuedSession) {
  setRefreshCookie(reply, issued.refreshToken, issued.refreshExpiresAt);
  return { data: issued.session };
}

/** Sessions: sign in, renew, sign out, and switch to another account of the same identity. */
const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const problems = { 400: ref(Problem), 401: ref(Problem), 429: ref(Problem) };

  app.post(
    '/api/v1/auth/login',
    {
      config: {
        permission: 'public',
        // Per address; per account, the service counts recent failures.
        rateLimit: { max: 20, timeWindow: 60_000 },
      },
      schema: {
        operationId: 'login',
        tags: ['Auth'],
        summary: 'Sign in with email and password',
        description:
          'Opens a session as the most recently used membership of the identity. The refresh token is set as an HttpOnly, Secure, SameSite=Strict cookie.',
        body: ref(LoginRequest),
        response: { 200: One(ref(Session)), ...problems },
      },
    },
    async (request, reply) =>
      answer(reply, await login(app, request.body.email, request.body.password, clientOf(request))),
  );

  app.post(
    '/api/v1/auth/refresh',
    {
      config: { permission: 'public', rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        operationId: 'refreshSession',
        tags: ['Auth'],
        summary: 'Renew the access token with the refresh cookie (the cookie rotates)',
        response: { 200: One(ref(Session)), 401: ref(Problem), 403: ref(Problem), 429: ref(Problem) },
      },
    },
    async (request, reply) => {
      assertSameSite(request, app.config.corsOrigins);
      const token = refreshCookieOf(request);
      if (!token) throw new AppError('unauthenticated', 'No session to renew; sign in.');
      try {
        return answer(reply, await refresh(app, token, clientOf(request)));
      } catch (error) {
        clearRefreshCookie(reply);
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { permission: 'public' },
      schema: {
        operationId: 'logout',
        tags: ['Auth'],
        summary: 'End the session of the refresh cookie (or of the bearer token)',
        response: { 204: { type: 'null' }, 403: ref(Problem) },
      },
    },
    async (request, reply) => {
      assertSameSite(request, app.config.corsOrigins);
      const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
      let sessionId: string | undefined;
      if (bearer) {
        try {
          sessionId = app.jwt.verify<{ sid: string }>(bearer).sid;
        } catch {
          // An expired access token still names nothing we can trust; the cookie may.
        }
      }
      const refreshToken = refreshCookieOf(request);
      await logout(
        app,
        { ...(sessionId ? { sessionId } : {}), ...(refreshToken ? { refreshToken } : {}) },
        clientOf(request),
      );
      clearRefreshCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/switch',
    {
      // A switch opens a session; an API token acts as one account only.
      config: { permission: 'authenticated', sessionOnly: true },
      schema: {
        operationId: 'switchAccount',
        tags: ['Auth'],
        summary: 'Switch this session to another account (membership) of the same identity',
        body: ref(SwitchRequest),
        response: {
          200: One(ref(Session)),
          400: ref(Problem),
          401: ref(Problem),
          403: ref(Problem),
          404: ref(Problem),
        },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await switchMembership(app, principalOf(request), request.body.membership_id, clientOf(request)),
      ),
  );
};

export default authRoutes;
