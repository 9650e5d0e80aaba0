import type { MembershipSummary, Session } from '@chambers/contracts/auth';
import type { FastifyInstance } from 'fastify';
import { isExternal, type Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import type { memberships } from '../../db/schema/memberships';
import { AppError } from '../../errors/app-error';
import { hashPassword, verifyPassword } from '../../lib/password';
import { hashToken, newSecretToken } from '../../lib/secret-tokens';
import { ACCESS_TOKEN_TTL_SECONDS } from '../../plugins/auth';
import { can } from '../../policy/policy';
import { recordAudit } from '../audit/audit-log';
import * as repo from './repository';

/** A session lives at most this long without a new sign-in, however often it is refreshed. */
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;
/** Per account: this many failed sign-ins in the window answer 429 until the window moves on. */
export const ACCOUNT_FAILURE_LIMIT = 10;
export const ACCOUNT_FAILURE_WINDOW_SECONDS = 15 * 60;

type Membership = typeof memberships.$inferSelect;

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** What a sign-in, refresh or switch hands back: the API answer and the refresh token for the cookie. */
export interface IssuedSession {
  session: Session;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export function membershipSummary(membership: Membership, firmName: string): MembershipSummary {
  return {
    id: membership.id,
    firm_id: membership.firmId,
    firm_name: firmName,
    role: membership.role,
    portal: isExternal(membership.role) ? 'connect' : 'manage',
  };
}

/** Verified against when the email is unknown, so both cases cost the same argon2 time. */
let decoyHash: Promise<string> | null = null;

/**
 * Checks the password and opens a session as the identity's most recently used membership.
 * Unknown email, wrong password and no active membership all answer the same 401; too many
 * failures for one account answer 429 for the rest of a 15-minute window.
 */
export async function login(app: FastifyInstance, email: string, password: string, client: ClientInfo) {
  const db = app.database.db;
  const since = new Date(Date.now() - ACCOUNT_FAILURE_WINDOW_SECONDS * 1000);
  const { failures, oldest } = await repo.countRecentFailures(db, email, since);
  if (failures >= ACCOUNT_FAILURE_LIMIT && oldest) {
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() - since.getTime()) / 1000));
    throw new AppError('rate_limited', 'Too many failed sign-ins for this account; try again later.', {
      headers: { 'retry-after': String(retryAfter) },
    });
  }

  const identity = await repo.findIdentityByEmail(db, email);
  decoyHash ??= hashPassword('decoy password for unknown accounts');
  const valid = await verifyPassword(identity?.passwordHash ?? (await decoyHash), password);
  const latest = identity && valid ? await repo.findLatestMembership(db, identity.id) : null;
  if (!identity || !latest) {
    await recordAudit(db, {
      action: 'auth.login_failed',
      subject: email.toLowerCase(),
      actorIdentityId: identity?.id ?? null,
      ip: client.ip,
    });
    throw new AppError('invalid_credentials');
  }

  return db.transaction(async (tx) => {
    const issued = await openSession(app, tx, identity.id, latest.membership, latest.firmName, client);
    await recordAudit(tx, {
      action: 'auth.login',
      firmId: latest.membership.firmId,
      actorIdentityId: identity.id,
      actorMembershipId: latest.membership.id,
      objectType: 'session',
      objectId: issued.sessionId,
      ip: client.ip,
    });
    return issued;
  });
}

/** Opens a session as `membership` (sign-in, switch, accepting an invitation); pass the transaction. */
export async function openSession(
  app: FastifyInstance,
  db: Db,
  identityId: string,
  membership: Membership,
  firmName: string,
  client: ClientInfo,
): Promise<IssuedSession & { sessionId: string }> {
  const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS * 1000);
  const session = await repo.insertSession(db, {
    identityId,
    membershipId: membership.id,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  const refreshToken = newSecretToken();
  await repo.insertRefreshToken(db, session.id, hashToken(refreshToken));
  await repo.touchMembership(db, membership.id);
  return {
    sessionId: session.id,
    refreshToken,
    refreshExpiresAt: expiresAt,
    session: accessFor(app, identityId, membership, firmName, session.id),
  };
}

function accessFor(
  app: FastifyInstance,
  identityId: string,
  membership: Membership,
  firmName: string,
  sessionId: string,
): Session {
  return {
    access_token: app.jwt.sign({ sub: identityId, mid: membership.id, sid: sessionId }),
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    membership: membershipSummary(membership, firmName),
  };
}

/**
 * Rotates a refresh token: the presented one is spent and a new one issued. A token presented
 * again after rotation means it was copied: the whole session is revoked.
 */
export async function refresh(
  app: FastifyInstance,
  refreshToken: string,
  client: ClientInfo,
): Promise<IssuedSession> {
  const db = app.database.db;
  const outcome = await db.transaction(async (tx) => {
    const found = await repo.findRefreshTokenForUpdate(tx, hashToken(refreshToken));
    if (!found) return { kind: 'unknown' as const };
    const { token, session } = found;
    if (token.usedAt) {
      await repo.revokeSession(tx, session.id, 'refresh token replayed');
      return { kind: 'replayed' as const, session };
    }
    const live = await repo.findLiveSession(tx, session.id);
    if (!live) return { kind: 'dead' as const };
    const membership = await repo.findMembership(tx, live.membership.id);
    if (!membership) return { kind: 'dead' as const };
    await repo.markRefreshTokenUsed(tx, token.id);
    const next = newSecretToken();
    await repo.insertRefreshToken(tx, session.id, hashToken(next));
    return {
      kind: 'rotated' as const,
      issued: {
        refreshToken: next,
        refreshExpiresAt: session.expiresAt,
        session: accessFor(app, session.identityId, membership.membership, membership.firmName, session.id),
      },
    };
  });
  if (outcome.kind === 'rotated') return outcome.issued;
  if (outcome.kind === 'replayed') {
    await recordAudit(db, {
      action: 'auth.refresh_replayed',
      actorIdentityId: outcome.session.identityId,
      actorMembershipId: outcome.session.membershipId,
      objectType: 'session',
      objectId: outcome.session.id,
      ip: client.ip,
    });
  }
  throw new AppError('unauthenticated', 'The session has ended; sign in again.');
}

/** Ends the session a refresh token or an access token belongs to. Unknown tokens are ignored. */
export async function logout(
  app: FastifyInstance,
  by: { refreshToken?: string; sessionId?: string },
  client: ClientInfo,
) {
  const db = app.database.db;
  const sessionId =
    by.sessionId ??
    (by.refreshToken
      ? (await repo.findRefreshTokenForUpdate(db, hashToken(by.refreshToken)))?.session.id
      : undefined);
  if (!sessionId) return;
  const live = await repo.findLiveSession(db, sessionId);
  await repo.revokeSession(db, sessionId, 'logout');
  if (live) {
    await recordAudit(db, {
      action: 'auth.logout',
      firmId: live.membership.firmId,
      actorIdentityId: live.session.identityId,
      actorMembershipId: live.membership.id,
      objectType: 'session',
      objectId: sessionId,
      ip: client.ip,
    });
  }
}

/**
 * Opens a session as another membership of the same identity, without a password, and ends the
 * current one. Another identity's membership, or a deactivated one, is not found.
 */
export async function switchMembership(
  app: FastifyInstance,
  principal: Principal,
  membershipId: string,
  client: ClientInfo,
): Promise<IssuedSession> {
  const db = app.database.db;
  const target = await repo.findMembership(db, membershipId);
  if (!target || !can(principal, 'switch_to', { type: 'membership', ...target.membership })) {
    throw new AppError('not_found', 'No such account.');
  }
  return db.transaction(async (tx) => {
    if (principal.sessionId) await repo.revokeSession(tx, principal.sessionId, 'switched account');
    const issued = await openSession(
      app,
      tx,
      principal.identityId,
      target.membership,
      target.firmName,
      client,
    );
    await recordAudit(tx, {
      action: 'auth.switch',
      firmId: target.membership.firmId,
      actorIdentityId: principal.identityId,
      actorMembershipId: target.membership.id,
      objectType: 'membership',
      objectId: target.membership.id,
      ip: client.ip,
      details: { from_membership_id: principal.membershipId },
    });
    return issued;
  });
}
