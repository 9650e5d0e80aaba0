import { PageQuery } from '@chambers/contracts/common';
import { DevMailPage } from '@chambers/contracts/dev-mailbox';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { renderMailboxPage } from './mailbox-page';
import { pageDevMail } from './repository';

/**
 * The dev mailbox: only registered when no SMTP server is configured (never in production), so a
 * newcomer can open invitation and confirmation links without a mail server.
 */
const devMailboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/dev/mailbox',
    {
      config: { permission: 'public' },
      schema: {
        hide: true,
        operationId: 'listDevMail',
        tags: ['Development'],
        summary: 'Mail captured by the dev mailbox, newest first (development only)',
        querystring: PageQuery,
        response: { 200: DevMailPage, 400: ref(Problem) },
      },
    },
    async (request) => {
      const { items, nextCursor } = await pageDevMail(app.database.db, request.query);
      return {
        data: items.map((mail) => ({
          id: mail.id,
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          sent_at: mail.sentAt.toISOString(),
        })),
        meta: { next_cursor: nextCursor },
      };
    },
  );

  app.get(
    '/dev/mailbox',
    { config: { permission: 'public' }, schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const { items, nextCursor } = await pageDevMail(app.database.db, request.query);
      return reply.type('text/html; charset=utf-8').send(renderMailboxPage(items, nextCursor));
    },
  );
};

export default devMailboxRoutes;
