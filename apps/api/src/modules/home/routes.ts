import { One } from '@chambers/contracts/common';
import { HOME_SECTION_ITEMS, Home } from '@chambers/contracts/home';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { getHome } from './service';

/**
 * The caller's overview. Any signed-in principal may ask: what it holds is narrowed by the
 * policy to what that principal may open, so the route needs no permission of its own.
 */
const homeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/home',
    {
      config: { permission: 'authenticated' },
      schema: {
        operationId: 'getHome',
        tags: ['Home'],
        summary:
          "The caller's overview: what is shared with it, upcoming events, open tasks, unread messages, portals",
        description:
          `Each section lists at most ${HOME_SECTION_ITEMS} items, most relevant first, and counts them all. ` +
          'Co-counsel (`view: external`) get the matters and documents shared with them, the events they ' +
          'attend, the tasks assigned to them, their unread conversations and the client portals they take ' +
          'part in. Clients get the same view limited to their portals: `portals` with unread counts and ' +
          '`recent_documents` of those portals; `shared_matters`, `upcoming_events`, `open_tasks` and ' +
          '`unread_conversations` are always empty for them. Firm users (`view: firm`) get their own ' +
          'events, tasks and unread conversations, and the latest uploads by co-counsel and clients. ' +
          'Nothing listed is something the caller cannot open: a matter it may not open is answered as ' +
          '`matter_id: null`.',
        response: { 200: One(ref(Home)), 401: ref(Problem) },
      },
    },
    async (request) => ({ data: await getHome(app, principalOf(request)) }),
  );
};

export default homeRoutes;
