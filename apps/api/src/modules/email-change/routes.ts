import { EmailChangeConfirmation, EmailChangeRequest } from '@chambers/contracts/email-change';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../plugins/authenticate';
import { confirmEmailChange, requestEmailChange } from './service';

/** Changing the login email: a request with the password, then the link mailed to the new address. */
const emailChangeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/me/email_change',
    {
      config: {
        permission: 'authenticated',
        sessionOnly: true,
        // Per address; per identity, the service counts recent requests (each sends a mail).
        rateLimit: { max: 10, timeWindow: 60_000 },
      },
      schema: {
        operationId: 'requestEmailChange',
        tags: ['Me'],
        summary: 'Ask to change your login email (a confirmation link is mailed to the new address)',
        description:
          'Needs your current password. The answer is the same whether or not the new address is free; nothing changes until the link is confirmed. A new request cancels an earlier pending one. API tokens cannot call this (403).',
        body: ref(EmailChangeRequest),
        response: {
          // `void`: answered with no body at all (not a JSON `null`).
          202: Type.Unsafe<void>({ type: 'null', description: 'Accepted (no body): check the new mailbox.' }),
          400: ref(Problem),
          401: ref(Problem),
          403: ref(Problem),
          429: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      await requestEmailChange(app, principalOf(request), request.body, request.ip);
      // No body: the answer must not differ between a free and a taken address.
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/v1/email_change/confirm',
    {
      config: { permission: 'public', rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        operationId: 'confirmEmailChange',
        tags: ['Me'],
        summary: 'Confirm a login email change with the token from the mailed link',
        description:
          'Single use, valid 24 hours. An unknown, used or expired token answers 404; an address another account took meanwhile answers 409. The old address is notified.',
        body: ref(EmailChangeConfirmation),
        response: {
          204: { type: 'null' },
          400: ref(Problem),
          404: ref(Problem),
          409: ref(Problem),
          429: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      await confirmEmailChange(app, request.body.token, request.ip);
      return reply.code(204).send(null);
    },
  );
};

export default emailChangeRoutes;
