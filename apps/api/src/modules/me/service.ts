import type { MembershipPage } from '@chambers/contracts/auth';
import type { Me, UpdateMe } from '@chambers/contracts/me';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { hashPassword } from '../../lib/password';
import { assertAcceptablePassword } from '../../lib/password-rules';
import { isIanaTimeZone } from '../../lib/zoned-time';
import { onOwnIdentity, recordAudit } from '../audit/audit-log';
import { findMembership, listActiveMemberships, revokeIdentitySessions } from '../auth/repository';
import { membershipSummary } from '../auth/service';
import { avatarUrlOf } from '../avatars/avatar-url';
import { identityWithCurrentPassword } from './current-password';
import { findIdentity, updateIdentity } from './repository';

async function loadMe(db: Db, principal: Principal): Promise<Me> {
  // One after the other: `db` may be a transaction, whose queries share one connection.
  const identity = await findIdentity(db, principal.identityId);
  const current = await findMembership(db, principal.membershipId);
  if (!identity || !current) throw new AppError('unauthenticated');
  return {
    id: identity.id,
    email: identity.email,
    name: identity.name,
    time_zone: identity.timeZone,
    avatar_url: avatarUrlOf(identity.id, identity.avatarKey),
    membership: membershipSummary(current.membership, current.firmName),
  };
}

export function getMe(app: FastifyInstance, principal: Principal): Promise<Me> {
  return loadMe(app.database.db, principal);
}

export async function updateMe(
  app: FastifyInstance,
  principal: Principal,
  changes: UpdateMe,
  ip: string,
): Promise<Me> {
  if (changes.time_zone !== undefined && !isIanaTimeZone(changes.time_zone)) {
    throw new AppError('validation_failed', 'time_zone must be an IANA time zone such as Europe/London.', {
      errors: [{ path: 'body/time_zone', message: 'is not an IANA time zone' }],
    });
  }
  const name = changes.name?.trim();
  if (name === '') {
    throw new AppError('validation_failed', 'name cannot be blank.', {
      errors: [{ path: 'body/name', message: 'is blank' }],
    });
  }
  return app.database.db.transaction(async (tx) => {
    await updateIdentity(tx, principal.identityId, {
      ...(name ? { name } : {}),
      ...(changes.time_zone ? { timeZone: changes.time_zone } : {}),
    });
    await recordAudit(tx, {
      action: 'identity.profile_updated',
      ...onOwnIdentity(principal),
      ip,
      details: { fields: Object.keys(changes) },
    });
    return loadMe(tx, principal);
  });
}

export async function listMyMemberships(
  app: FastifyInstance,
  principal: Principal,
  query: { limit?: number; cursor?: string },
): Promise<MembershipPage> {
  const limit = query.limit ?? 50;
  const afterId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await listActiveMemberships(app.database.db, principal.identityId, {
    limit: limit + 1,
    ...(afterId ? { afterId } : {}),
  });
  const { items, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.membership.id })),
    limit,
  );
  return {
    data: items.map((row) => membershipSummary(row.membership, row.firmName)),
    meta: { next_cursor: nextCursor },
  };
}

/** Needs the current password; every other session of the identity ends. */
export async function changePassword(
  app: FastifyInstance,
  principal: Principal,
  body: { current_password: string; new_password: string },
  ip: string,
): Promise<void> {
  const db = app.database.db;
  const identity = await identityWithCurrentPassword(db, principal.identityId, body.current_password);
  assertAcceptablePassword(body.new_password);
  const passwordHash = await hashPassword(body.new_password);
  await db.transaction(async (tx) => {
    await updateIdentity(tx, identity.id, { passwordHash });
    await revokeIdentitySessions(tx, identity.id, 'password changed', principal.sessionId ?? undefined);
    await recordAudit(tx, {
      action: 'identity.password_changed',
      ...onOwnIdentity(principal),
      ip,
    });
  });
}
