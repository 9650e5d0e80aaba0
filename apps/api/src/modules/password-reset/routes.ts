import { PasswordResetConfirmation, PasswordResetRequest } from '@chambers/contracts/password-reset';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { confirmPasswordReset, requestPasswordReset } from './service';

/** A forgotten password: ask for a link by mail, then set a new password with it. */
const passwordResetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/auth/password_reset',
    {
      config: {
        permission: 'public',
        // Per address; per account, the service stops mailing after a few links an hour.
        rateLimit: { max: 10, timeWindow: 15 * 60_000 },
      },
      schema: {
        operationId: 'requestPasswordReset',
        tags: ['Auth'],
        summary: 'Ask for a password reset link by mail',
        description:
          'Answers 202 with no body whether or not the address signs in to Chambers; only an active login gets a mail, with a single-use link valid one hour that opens `app` (default: the app of the account used last). A new request cancels the earlier links. After five links in an hour the account gets no more mails for a while (the answer is still 202).',
        body: ref(PasswordResetRequest),
        response: {
          202: Type.Unsafe<void>({ type: 'null', description: 'Accepted (no body): check the mailbox.' }),
          400: ref(Problem),
          429: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(app, request.body);
      // No body: the answer must not differ between a known and an unknown address.
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/v1/auth/password_reset/confirm',
    {
      config: { permission: 'public', rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        operationId: 'confirmPasswordReset',
        tags: ['Auth'],
        summary: 'Set a new password with the token from the mailed link',
        description:
          'An unknown, used or expired token answers 404. The password follows the rules of `POST /me/password` (8 to 128 characters, not a common one; 400 with a field error on `body/password`). Every session of the login ends, and the address is told.',
        body: ref(PasswordResetConfirmation),
        response: {
          204: { type: 'null' },
          400: ref(Problem),
          404: ref(Problem),
          429: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(app, request.body, request.ip);
      return reply.code(204).send(null);
    },
  );
};

export default passwordResetRoutes;
