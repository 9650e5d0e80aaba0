import { AuditEventPage } from '@chambers/contracts/audit';
import { PageQuery } from '@chambers/contracts/common';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, desc, lt } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/audit-events';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { principalOf } from '../../plugins/authenticate';
import { scope } from '../../policy/policy';

/** The firm's audit log, newest first, for firm admins. */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/audit_events',
    {
      config: { permission: 'audit:read' },
      schema: {
        operationId: 'listAuditEvents',
        tags: ['Audit'],
        summary: "The firm's audit log, newest first (firm admins)",
        querystring: PageQuery,
        response: { 200: AuditEventPage, 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const before = request.query.cursor === undefined ? undefined : decodeCursor(request.query.cursor);
      const rows = await app.database.db
        .select()
        .from(auditEvents)
        .where(
          and(scope(principalOf(request), 'audit_event'), before ? lt(auditEvents.id, before) : undefined),
        )
        .orderBy(desc(auditEvents.id))
        .limit(limit + 1);
      const { items, nextCursor } = pageOf(rows, limit);
      return {
        data: items.map((event) => ({
          id: event.id,
          action: event.action,
          actor_identity_id: event.actorIdentityId,
          actor_membership_id: event.actorMembershipId,
          object_type: event.objectType,
          object_id: event.objectId,
          ip: event.ip,
          details: event.details,
          created_at: event.createdAt.toISOString(),
        })),
        meta: { next_cursor: nextCursor },
      };
    },
  );
};

export default auditRoutes;
