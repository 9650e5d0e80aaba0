import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { firms } from '../../db/schema/firms';
import { identities } from '../../db/schema/identities';
import { memberships } from '../../db/schema/memberships';

export async function findIdentityByEmail(db: Db, email: string) {
  const [identity] = await db
    .select()
    .from(identities)
    .where(sql`lower(${identities.email}) = lower(${email})`)
    .limit(1);
  return identity ?? null;
}

/** The identity's active membership used most recently (never-used ones after, oldest first). */
export async function findLatestMembership(db: Db, identityId: string) {
  const [row] = await db
    .select({ membership: memberships, firmName: firms.name })
    .from(memberships)
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .where(and(eq(memberships.identityId, identityId), eq(memberships.status, 'active')))
    .orderBy(sql`${memberships.lastUsedAt} desc nulls last`, memberships.createdAt, desc(memberships.id))
    .limit(1);
  return row ?? null;
}

export async function touchMembership(db: Db, membershipId: string) {
  await db.update(memberships).set({ lastUsedAt: new Date() }).where(eq(memberships.id, membershipId));
}
