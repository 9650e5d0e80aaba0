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
          "The caller's overview: what is shared with it, upcoming events, open tasks, unread messages",
        description:
          `Each section lists at most ${HOME_SECTION_ITEMS} items, most relevant first, and counts them all. ` +
          'Co-counsel (`view: external`) get the matters and documents shared with them, the events they ' +
          'attend, the tasks assigned to them and their unread conversations. Firm users (`view: firm`) get ' +
          'their own events, tasks and unread conversations, and the latest uploads by co-counsel and ' +
          'clients. Clients get the external view with every section empty until the client portals ' +
          'fill it. Nothing listed is something the caller cannot open: a matter it may not open is ' +
          'answered as `matter_id: null`.',
        response: { 200: One(ref(Home)), 401: ref(Problem) },
      },
    },
    async (request) => ({ data: await getHome(app, principalOf(request)) }),
  );
};

export default homeRoutes;
