import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema/contacts';
import { firms } from '../../db/schema/firms';
import { identities } from '../../db/schema/identities';
import { invitations } from '../../db/schema/invitations';
import { memberships } from '../../db/schema/memberships';

export type Invitation = typeof invitations.$inferSelect;

/** Still usable: neither accepted nor revoked, and not expired. */
const live = () =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date()));

export async function insertInvitation(db: Db, values: typeof invitations.$inferInsert) {
  const [invitation] = await db.insert(invitations).values(values).returning();
  if (!invitation) throw new Error('invitation insert returned no row');
  return invitation;
}

const inviterMembership = alias(memberships, 'inviter_membership');
const inviter = alias(identities, 'inviter');

/** A live invitation by its token's hash, with what its preview and its acceptance need to show. */
export async function findLiveInvitation(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, firmName: firms.name, inviterName: inviter.name })
    .from(invitations)
    .innerJoin(firms, eq(firms.id, invitations.firmId))
    .innerJoin(inviterMembership, eq(inviterMembership.id, invitations.invitedByMembershipId))
    .innerJoin(inviter, eq(inviter.id, inviterMembership.identityId))
    .where(and(eq(invitations.tokenHash, tokenHash), live()))
    .limit(1);
  return row ?? null;
}

/**
 * Locks a live invitation for its acceptance: a concurrent second acceptance waits here and then
 * finds it no longer live.
 */
export async function lockLiveInvitation(db: Db, invitationId: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), live()))
    .for('update')
    .limit(1);
  return row ?? null;
}

export async function markAccepted(db: Db, invitationId: string, identityId: string) {
  await db
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedIdentityId: identityId })
    .where(eq(invitations.id, invitationId));
}

/** Once one invitation to a firm is accepted, the other open ones to the same address are moot. */
export async function revokeOtherLiveInvitations(db: Db, firmId: string, email: string, keepId: string) {
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.firmId, firmId),
        sql`lower(${invitations.email}) = lower(${email})`,
        ne(invitations.id, keepId),
        live(),
      ),
    );
}

export async function findFirm(db: Db, firmId: string) {
  const [firm] = await db.select().from(firms).where(eq(firms.id, firmId)).limit(1);
  return firm ?? null;
}

export async function findContact(db: Db, contactId: string) {
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId)).limit(1);
  return contact ?? null;
}

/** The identity's membership in a firm, whatever its role or status. */
export async function findMembershipInFirm(db: Db, firmId: string, identityId: string) {
  const [membership] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.firmId, firmId), eq(memberships.identityId, identityId)))
    .limit(1);
  return membership ?? null;
}

export async function insertIdentity(db: Db, values: { email: string; name: string; passwordHash: string }) {
  const [identity] = await db.insert(identities).values(values).returning();
  if (!identity) throw new Error('identity insert returned no row');
  return identity;
}

export async function insertMembership(db: Db, values: typeof memberships.$inferInsert) {
  const [membership] = await db.insert(memberships).values(values).returning();
  if (!membership) throw new Error('membership insert returned no row');
  return membership;
}
