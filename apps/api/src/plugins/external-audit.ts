import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isExternal } from '../auth/principal';
import { actedBy, recordAudit } from '../modules/audit/audit-log';

/** What a route's `:id` names, by the path segment before it (`/documents/uploads/:id`: a version). */
const objectTypes: Record<string, string> = {
  activities: 'activity',
  api_tokens: 'api_token',
  bills: 'bill',
  calendar_entries: 'calendar_entry',
  communications: 'communication',
  contacts: 'contact',
  conversations: 'conversation',
  documents: 'document',
  folders: 'folder',
  identities: 'identity',
  invitations: 'invitation',
  matters: 'matter',
  notes: 'note',
  shares: 'share',
  tasks: 'task',
  uploads: 'document_version',
  users: 'user',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The object a request is about: its route's `:id`, when that is an id at all. */
function objectOf(route: string, params: unknown): { objectType?: string; objectId?: string } {
  const id = (params as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string' || !UUID.test(id)) return {};
  const segments = route.split('/');
  const before = segments[segments.indexOf(':id') - 1] ?? '';
  const objectType = objectTypes[before];
  return { objectId: id, ...(objectType ? { objectType } : {}) };
}

/**
 * Which of three things an external's request was: a refusal (401/403/404: the trail of someone
 * probing for what they may not see), a read that was answered, or anything else (a change, whose
 * own event says what changed, or a request refused for its content).
 */
function actionOf(method: string, status: number) {
  if (status === 401 || status === 403 || status === 404) return 'external.denied' as const;
  if ((method === 'GET' || method === 'HEAD') && status < 400) return 'external.viewed' as const;
  return 'external.requested' as const;
}

/**
 * Records every request an external (co-counsel, client) makes to an `/api/v1` route — views,
 * downloads, changes and denied calls — as one audit event with the method, the route pattern
 * (never the raw URL: query strings may carry tokens or search terms), the status and the object
 * id. Written after the answer has gone, so it costs the caller nothing; a failure is logged and
 * never turns into an error. Firm users' reads are not recorded here: their changes have their
 * own events. Closing the app waits for the writes still running.
 */
export default fp(
  async function externalAudit(app: FastifyInstance) {
    const pending = new Set<Promise<void>>();

    async function record(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      const principal = request.principal;
      const route = request.routeOptions.url;
      if (!principal || !isExternal(principal.role) || !route?.startsWith('/api/v1/')) return;
      try {
        await recordAudit(app.database.db, {
          action: actionOf(request.method, reply.statusCode),
          ...actedBy(principal),
          ...objectOf(route, request.params),
          ip: request.ip,
          details: { method: request.method, route, status: reply.statusCode },
        });
      } catch (error) {
        request.log.error({ err: error, route }, 'could not audit an external request');
      }
    }

    app.addHook('onResponse', async (request, reply) => {
      const write = record(request, reply);
      pending.add(write);
      await write;
      pending.delete(write);
    });
    // Registered after the database's own hook, so it runs before the database closes.
    app.addHook('onClose', async () => {
      await Promise.all(pending);
    });
  },
  { name: 'external-audit', dependencies: ['authenticate', 'config'] },
);
