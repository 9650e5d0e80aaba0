import type { FirmRole, FirmUser, FirmUserPage, InviteUser, UserInvitation } from '@chambers/contracts/users';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import type { invitations } from '../../db/schema/invitations';
import type { memberships } from '../../db/schema/memberships';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { can, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { inviteToFirm } from '../invitations/service';
import * as repo from './repository';

type UserRow = { membership: typeof memberships.$inferSelect; name: string; email: string };

function toFirmUser(row: UserRow): FirmUser {
  const { membership } = row;
  return {
    id: membership.id,
    name: row.name,
    email: row.email,
    role: membership.role as FirmRole,
    status: membership.status,
    last_used_at: membership.lastUsedAt?.toISOString() ?? null,
    created_at: membership.createdAt.toISOString(),
    updated_at: membership.updatedAt.toISOString(),
  };
}

function toUserInvitation(invitation: typeof invitations.$inferSelect): UserInvitation {
  const status = invitation.acceptedAt
    ? 'accepted'
    : invitation.revokedAt
      ? 'revoked'
      : invitation.expiresAt <= new Date()
        ? 'expired'
        : 'pending';
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role as FirmRole,
    status,
    invited_by_membership_id: invitation.invitedByMembershipId,
    expires_at: invitation.expiresAt.toISOString(),
    created_at: invitation.createdAt.toISOString(),
  };
}

const noSuchUser = () => new AppError('not_found', 'No such user.');

export async function listUsers(
  app: FastifyInstance,
  principal: Principal,
  query: { limit?: number; cursor?: string; status?: 'active' | 'deactivated' },
): Promise<FirmUserPage> {
  const limit = query.limit ?? 50;
  const afterId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await repo.listUsers(app.database.db, scope(principal, 'user'), {
    limit: limit + 1,
    ...(afterId ? { afterId } : {}),
    ...(query.status ? { status: query.status } : {}),
  });
  const { items, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.membership.id })),
    limit,
  );
  return { data: items.map(toFirmUser), meta: { next_cursor: nextCursor } };
}

/** A user the principal may `action`, or 404: out of scope and not allowed look the same. */
async function userFor(db: Db, principal: Principal, action: 'read' | 'manage', membershipId: string) {
  const row = await repo.findUser(db, scope(principal, 'user'), membershipId);
  if (!row || !can(principal, action, { type: 'user', ...row.membership })) throw noSuchUser();
  return row;
}

export async function getUser(app: FastifyInstance, principal: Principal, membershipId: string) {
  return toFirmUser(await userFor(app.database.db, principal, 'read', membershipId));
}

/**
 * Invites a firm user by email. Whether the address already signs in to Chambers elsewhere makes
 * no difference to the answer; a membership in this firm already is a conflict.
 */
export async function inviteUser(
  app: FastifyInstance,
  principal: Principal,
  body: InviteUser,
  ip: string,
): Promise<UserInvitation> {
  if (!can(principal, 'manage', { type: 'user', firmId: principal.firmId, role: body.role })) {
    throw new AppError('not_found');
  }
  return app.database.db.transaction(async (tx) => {
    if (await repo.findMembershipByEmail(tx, principal.firmId, body.email)) {
      throw new AppError('conflict', 'This email already has an account at the firm.');
    }
    const invitation = await inviteToFirm(
      tx,
      {
        firmId: principal.firmId,
        email: body.email,
        role: body.role,
        invitedBy: principal,
        inviteeName: body.name,
      },
      app.config,
    );
    await recordAudit(tx, {
      action: 'user.invited',
      ...actedBy(principal),
      objectType: 'invitation',
      objectId: invitation.id,
      subject: invitation.email.toLowerCase(),
      ip,
      details: { role: body.role },
    });
    return toUserInvitation(invitation);
  });
}

const lastAdmin = () =>
  new AppError(
    'unprocessable',
    'The firm needs at least one active admin: make someone else an admin first.',
  );

/**
 * Changes a user's status or role under the firm's user lock, refusing any change that would
 * leave the firm without an active admin.
 */
async function changeUser(
  app: FastifyInstance,
  principal: Principal,
  membershipId: string,
  ip: string,
  change: { role?: FirmRole; status?: 'active' | 'deactivated' },
): Promise<FirmUser> {
  return app.database.db.transaction(async (tx) => {
    await repo.lockFirmUsers(tx, principal.firmId);
    const before = await userFor(tx, principal, 'manage', membershipId);
    const { membership } = before;
    const role = change.role ?? membership.role;
    const status = change.status ?? membership.status;
    if (role === membership.role && status === membership.status) return toFirmUser(before);

    const losesAnAdmin = membership.role === 'admin' && membership.status === 'active';
    if (losesAnAdmin && (role !== 'admin' || status !== 'active')) {
      if ((await repo.countActiveAdmins(tx, principal.firmId)) <= 1) throw lastAdmin();
    }
    await repo.updateMembership(tx, membership.id, { role, status });
    if (status === 'deactivated') {
      await repo.revokeMembershipSessions(tx, membership.id, 'membership deactivated');
    }
    await recordAudit(tx, {
      action:
        status !== membership.status
          ? status === 'deactivated'
            ? 'user.deactivated'
            : 'user.reactivated'
          : 'user.role_changed',
      ...actedBy(principal),
      objectType: 'membership',
      objectId: membership.id,
      ip,
      ...(role !== membership.role ? { details: { from: membership.role, to: role } } : {}),
    });
    const after = await repo.findUser(tx, scope(principal, 'user'), membership.id);
    if (!after) throw new Error('user vanished');
    return toFirmUser(after);
  });
}

export const changeRole = (
  app: FastifyInstance,
  principal: Principal,
  membershipId: string,
  role: FirmRole,
  ip: string,
) => changeUser(app, principal, membershipId, ip, { role });

export const deactivateUser = (
  app: FastifyInstance,
  principal: Principal,
  membershipId: string,
  ip: string,
) => changeUser(app, principal, membershipId, ip, { status: 'deactivated' });

export const reactivateUser = (
  app: FastifyInstance,
  principal: Principal,
  membershipId: string,
  ip: string,
) => changeUser(app, principal, membershipId, ip, { status: 'active' });

async function invitationFor(db: Db, principal: Principal, action: 'read' | 'manage', invitationId: string) {
  const invitation = await repo.findInvitation(db, scope(principal, 'user_invitation'), invitationId);
  if (!invitation || !can(principal, action, { type: 'user_invitation', ...invitation })) {
    throw new AppError('not_found', 'No such invitation.');
  }
  return invitation;
}

export async function getUserInvitation(app: FastifyInstance, principal: Principal, invitationId: string) {
  return toUserInvitation(await invitationFor(app.database.db, principal, 'read', invitationId));
}

/** Kills a pending invitation's link; an accepted one cannot be revoked (deactivate the user). */
export async function revokeUserInvitation(
  app: FastifyInstance,
  principal: Principal,
  invitationId: string,
  ip: string,
): Promise<UserInvitation> {
  return app.database.db.transaction(async (tx) => {
    const invitation = await invitationFor(tx, principal, 'manage', invitationId);
    if (invitation.acceptedAt) {
      throw new AppError('conflict', 'This invitation was accepted; deactivate the user instead.');
    }
    if (invitation.revokedAt) return toUserInvitation(invitation);
    const revoked = await repo.revokeInvitation(tx, invitation.id);
    if (!revoked) throw new AppError('conflict', 'This invitation was accepted meanwhile.');
    await recordAudit(tx, {
      action: 'user.invitation_revoked',
      ...actedBy(principal),
      objectType: 'invitation',
      objectId: invitation.id,
      subject: invitation.email.toLowerCase(),
      ip,
    });
    return toUserInvitation(revoked);
  });
}
