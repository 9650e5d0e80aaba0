import { and, count, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { firms } from '../../db/schema/firms';
import { identities } from '../../db/schema/identities';
import { invitations } from '../../db/schema/invitations';
import { memberships } from '../../db/schema/memberships';
import { sessions } from '../../db/schema/sessions';

const firmUser = {
  membership: memberships,
  name: identities.name,
  email: identities.email,
};

/** Firm users within `scope` (the policy's), in id order, after `afterId`. */
export function listUsers(
  db: Db,
  scope: SQL,
  options: { limit: number; afterId?: string; status?: 'active' | 'deactivated' },
) {
  return db
    .select(firmUser)
    .from(memberships)
    .innerJoin(identities, eq(identities.id, memberships.identityId))
    .where(
      and(
        scope,
        options.status ? eq(memberships.status, options.status) : undefined,
        options.afterId ? gt(memberships.id, options.afterId) : undefined,
      ),
    )
    .orderBy(memberships.id)
    .limit(options.limit);
}

export async function findUser(db: Db, scope: SQL, membershipId: string) {
  const [row] = await db
    .select(firmUser)
    .from(memberships)
    .innerJoin(identities, eq(identities.id, memberships.identityId))
    .where(and(scope, eq(memberships.id, membershipId)))
    .limit(1);
  return row ?? null;
}

/**
 * Serialises changes to a firm's users (role changes, deactivations): the last-admin rule
 * counts admins and must not race another change. `NO KEY UPDATE` leaves inserts that only
 * reference the firm unblocked.
 */
export async function lockFirmUsers(db: Db, firmId: string) {
  await db.select({ id: firms.id }).from(firms).where(eq(firms.id, firmId)).for('no key update');
}

export async function countActiveAdmins(db: Db, firmId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(
      and(eq(memberships.firmId, firmId), eq(memberships.role, 'admin'), eq(memberships.status, 'active')),
    );
  return Number(row?.n ?? 0);
}

export async function updateMembership(
  db: Db,
  membershipId: string,
  values: Partial<Pick<typeof memberships.$inferInsert, 'role' | 'status'>>,
) {
  await db.update(memberships).set(values).where(eq(memberships.id, membershipId));
}

/** Ends every live session acting as the membership (its access tokens fail on the next request). */
export async function revokeMembershipSessions(db: Db, membershipId: string, reason: string) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.membershipId, membershipId), isNull(sessions.revokedAt)));
}

/** The firm's membership of whoever signs in with `email`, whatever its role or status. */
export async function findMembershipByEmail(db: Db, firmId: string, email: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(identities, eq(identities.id, memberships.identityId))
    .where(and(eq(memberships.firmId, firmId), sql`lower(${identities.email}) = lower(${email})`))
    .limit(1);
  return row ?? null;
}

export async function findInvitation(db: Db, scope: SQL, invitationId: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(scope, eq(invitations.id, invitationId)))
    .limit(1);
  return row ?? null;
}

export async function revokeInvitation(db: Db, invitationId: string) {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .returning();
  return row ?? null;
}
