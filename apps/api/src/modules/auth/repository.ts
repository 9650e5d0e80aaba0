import { and, count, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { auditEvents } from '../../db/schema/audit-events';
import { firms } from '../../db/schema/firms';
import { identities } from '../../db/schema/identities';
import { memberships } from '../../db/schema/memberships';
import { refreshTokens, sessions } from '../../db/schema/sessions';

export async function findIdentityByEmail(db: Db, email: string) {
  const [identity] = await db
    .select()
    .from(identities)
    .where(sql`lower(${identities.email}) = lower(${email})`)
    .limit(1);
  return identity ?? null;
}

const membershipWithFirm = { membership: memberships, firmName: firms.name };

/** The identity's active membership used most recently (never-used ones after, oldest first). */
export async function findLatestMembership(db: Db, identityId: string) {
  const [row] = await db
    .select(membershipWithFirm)
    .from(memberships)
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .where(and(eq(memberships.identityId, identityId), eq(memberships.status, 'active')))
    .orderBy(sql`${memberships.lastUsedAt} desc nulls last`, memberships.createdAt, memberships.id)
    .limit(1);
  return row ?? null;
}

export async function findMembership(db: Db, membershipId: string) {
  const [row] = await db
    .select(membershipWithFirm)
    .from(memberships)
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .where(eq(memberships.id, membershipId))
    .limit(1);
  return row ?? null;
}

/** An identity's active memberships, in id order, after `afterId`. */
export function listActiveMemberships(
  db: Db,
  identityId: string,
  options: { limit: number; afterId?: string },
) {
  return db
    .select(membershipWithFirm)
    .from(memberships)
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .where(
      and(
        eq(memberships.identityId, identityId),
        eq(memberships.status, 'active'),
        options.afterId ? gt(memberships.id, options.afterId) : undefined,
      ),
    )
    .orderBy(memberships.id)
    .limit(options.limit);
}

export async function touchMembership(db: Db, membershipId: string) {
  await db.update(memberships).set({ lastUsedAt: new Date() }).where(eq(memberships.id, membershipId));
}

export async function insertSession(
  db: Db,
  values: { identityId: string; membershipId: string; expiresAt: Date; ip: string; userAgent: string | null },
) {
  const [session] = await db.insert(sessions).values(values).returning();
  if (!session) throw new Error('session insert returned no row');
  return session;
}

export async function insertRefreshToken(db: Db, sessionId: string, tokenHash: string) {
  await db.insert(refreshTokens).values({ sessionId, tokenHash });
}

/** The refresh token with its session, locked so two concurrent refreshes cannot both rotate it. */
export async function findRefreshTokenForUpdate(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ token: refreshTokens, session: sessions })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update', { of: refreshTokens })
    .limit(1);
  return row ?? null;
}

export async function markRefreshTokenUsed(db: Db, tokenId: string) {
  await db.update(refreshTokens).set({ usedAt: new Date() }).where(eq(refreshTokens.id, tokenId));
}

export async function revokeSession(db: Db, sessionId: string, reason: string) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes every live session of an identity except `keepSessionId`. */
export async function revokeIdentitySessions(
  db: Db,
  identityId: string,
  reason: string,
  keepSessionId?: string,
) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(
      and(
        eq(sessions.identityId, identityId),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    );
}

/** What authenticates a request: the session named by the token, with its membership, if still good. */
export async function findLiveSession(db: Db, sessionId: string) {
  const [row] = await db
    .select({ session: sessions, membership: memberships })
    .from(sessions)
    .innerJoin(memberships, eq(memberships.id, sessions.membershipId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
        eq(memberships.status, 'active'),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Failed sign-ins for an email since `since`, and the oldest of them (for Retry-After). */
export async function countRecentFailures(db: Db, email: string, since: Date) {
  const [row] = await db
    .select({ failures: count(), oldest: sql<string | null>`min(${auditEvents.createdAt})` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'auth.login_failed'),
        eq(auditEvents.subject, email.toLowerCase()),
        gt(auditEvents.createdAt, since),
      ),
    );
  return { failures: Number(row?.failures ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}
