import type {
  CreatePortal,
  Portal,
  PortalPage,
  PortalQuery,
  UpdatePortal,
} from '@chambers/contracts/portals';
import { and, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import { decodeTimeCursor, pageOfTimeKeyed } from '../../lib/cursor';
import { authorizeCreate, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { readerOf } from '../conversations/access';
import * as conversationRepo from '../conversations/repository';
import { assertReferences } from '../practice/references';
import { portalFor, visiblePortal } from './access';
import { toPortal, toPortals } from './answers';
import { admitParticipants, type Candidate } from './participant-service';
import { inviteToPortal } from './portal-invitations';
import * as repo from './repository';

/** How a portal is named unless the firm names it: the matter's number, then its description. */
const defaultName = (matter: { number: string; description: string }) =>
  `${matter.number} · ${matter.description}`;

export async function listPortals(
  app: FastifyInstance,
  principal: Principal,
  query: PortalQuery,
): Promise<PortalPage> {
  const db = app.database.db;
  const limit = query.limit ?? 50;
  // The portal-only filter narrows the policy's scope; the rest is the conversations' list.
  const within = and(
    scope(principal, 'portal'),
    query.status ? repo.statusIs(query.status) : undefined,
    // Externals are not told a portal's matter: filtering by one they do not see finds nothing.
    query.matter_id ? repo.matterWithin(scope(principal, 'matter')) : undefined,
  ) as SQL;
  const rows = await conversationRepo.listConversations(db, within, readerOf(principal), {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { after: decodeTimeCursor(query.cursor) }),
    ...(query.matter_id ? { matterId: query.matter_id } : {}),
    ...(query.unread ? { unread: true } : {}),
  });
  const { items, nextCursor } = pageOfTimeKeyed(rows, limit, (row) => row.lastMessageAt);
  return { data: await toPortals(db, principal, items), meta: { next_cursor: nextCursor } };
}

export async function getPortal(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
): Promise<Portal> {
  const db = app.database.db;
  return toPortal(db, principal, await visiblePortal(db, principal, portalId));
}

/**
 * Opens a portal on a matter the caller sees. Unless the body names them, the caller and the
 * matter's client take part; contacts without an account at the firm are mailed an invitation.
 */
export async function createPortal(
  app: FastifyInstance,
  principal: Principal,
  body: CreatePortal,
  ip: string,
): Promise<Portal> {
  authorizeCreate(principal, 'portal');
  return app.database.db.transaction(async (tx) => {
    await assertReferences(tx, principal, [{ path: '/matter_id', kind: 'matter', id: body.matter_id }]);
    const matter = await repo.findMatter(tx, body.matter_id);
    if (!matter) throw new Error('a visible matter vanished');
    const candidates: Candidate[] = body.participants
      ? body.participants.map((person, index) => ({ path: `/participants/${index}/id`, person }))
      : [
          { path: '/participants', person: { type: 'user', id: principal.membershipId } },
          // A client without an address cannot be invited: the firm names the participants instead.
          { path: '/participants', person: { type: 'contact', id: matter.clientId } },
        ];
    const admitted = await admitParticipants(tx, principal, body.matter_id, candidates);
    const portal = await conversationRepo.insertConversation(tx, {
      firmId: principal.firmId,
      kind: 'portal',
      subject: body.name ?? defaultName(matter),
      matterId: body.matter_id,
      createdByMembershipId: principal.membershipId,
    });
    await conversationRepo.insertParticipants(
      tx,
      admitted.map(({ person }) => ({ firmId: principal.firmId, conversationId: portal.id, ...person })),
    );
    const invitationIds: string[] = [];
    for (const { contact } of admitted) {
      if (!contact) continue;
      const invitationId = await inviteToPortal(tx, app.config, principal, contact, {
        id: portal.id,
        name: portal.subject,
      });
      if (invitationId) invitationIds.push(invitationId);
    }
    await recordAudit(tx, {
      action: 'portal.created',
      ...actedBy(principal),
      objectType: 'portal',
      objectId: portal.id,
      ip,
      details: { matter_id: body.matter_id, participants: admitted.length, invitation_ids: invitationIds },
    });
    return toPortal(tx, principal, await visiblePortal(tx, principal, portal.id));
  });
}

/** Renames, closes or reopens a portal (firm users); each change is audited as what it is. */
export async function updatePortal(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  body: UpdatePortal,
  ip: string,
): Promise<Portal> {
  return app.database.db.transaction(async (tx) => {
    const portal = await portalFor(tx, principal, portalId, 'manage');
    // Closing a closed portal (or reopening an open one) changes nothing and is not audited.
    const closing =
      body.closed === undefined || body.closed === (portal.closedAt !== null) ? null : body.closed;
    if (body.name !== undefined || closing !== null) {
      await repo.updatePortal(tx, portal.id, {
        ...(body.name === undefined ? {} : { subject: body.name }),
        ...(closing === null ? {} : { closedBy: closing ? principal.membershipId : null }),
      });
    }
    const audit = { ...actedBy(principal), objectType: 'portal', objectId: portal.id, ip };
    if (body.name !== undefined) {
      await recordAudit(tx, { action: 'portal.updated', ...audit, details: { fields: ['name'] } });
    }
    if (closing !== null) {
      await recordAudit(tx, { action: closing ? 'portal.closed' : 'portal.reopened', ...audit });
    }
    return toPortal(tx, principal, await visiblePortal(tx, principal, portal.id));
  });
}

/**
 * A portal is never deleted: what it shared and said stays on the matter's record. Anyone who sees
 * it is told how to revoke access instead; to others it does not exist.
 */
export async function refuseDeletion(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
): Promise<never> {
  await visiblePortal(app.database.db, principal, portalId);
  throw new AppError(
    'method_not_allowed',
    'A portal cannot be deleted. To revoke access, remove its participants, stop sharing its resources, or close it to new messages.',
    { headers: { allow: 'GET, PATCH' } },
  );
}
