import { Session } from '@chambers/contracts/auth';
import { One } from '@chambers/contracts/common';
import { AcceptInvitation, InvitationPreview } from '@chambers/contracts/invitations';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { setRefreshCookie } from '../../auth/refresh-cookie';
import { acceptInvitation, previewInvitation } from './service';

/**
 * Any string is taken as a token: a malformed one is answered like an unknown one (404), so
 * forged, expired, used and revoked links cannot be told apart.
 */
const TokenParams = Type.Object({ token: Type.String() });

/** Invitation links: public, the token is the credential; both routes are limited per address. */
const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/invitations/:token',
    {
      config: { permission: 'public', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        operationId: 'getInvitation',
        tags: ['Invitations'],
        summary: 'Show an invitation: who invited whom, to which firm and what, until when',
        description:
          'An unknown, expired, used or revoked link answers the same 404. `identity_exists` tells the invitee whether to accept with an existing password or with a name and a new password.',
        params: TokenParams,
        response: { 200: One(ref(InvitationPreview)), 404: ref(Problem), 429: ref(Problem) },
      },
    },
    async (request) => ({ data: await previewInvitation(app, request.params.token) }),
  );

  app.post(
    '/api/v1/invitations/:token',
    {
      config: { permission: 'public', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        operationId: 'acceptInvitation',
        tags: ['Invitations'],
        summary: 'Accept an invitation and sign in as the new account',
        description:
          'Send `name` and a new `password` to create your login, or only your current `password` when the email already signs in to Chambers. The link works once. Answers like a sign-in: the session, and the refresh token as an HttpOnly, Secure, SameSite=Strict cookie.',
        params: TokenParams,
        body: ref(AcceptInvitation),
        response: {
          200: One(ref(Session)),
          400: ref(Problem),
          401: ref(Problem),
          404: ref(Problem),
          409: ref(Problem),
          429: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      const issued = await acceptInvitation(app, request.params.token, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setRefreshCookie(reply, issued.refreshToken, issued.refreshExpiresAt);
      return { data: issued.session };
    },
  );
};

export default invitationRoutes;
