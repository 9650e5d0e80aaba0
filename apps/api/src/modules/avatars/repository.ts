import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { identities } from '../../db/schema/identities';
import { memberships } from '../../db/schema/memberships';

/** An identity's picture and its memberships in one firm: what the policy needs to decide. */
export async function findAvatarInFirm(db: Db, identityId: string, firmId: string) {
  const [identity] = await db
    .select({
      id: identities.id,
      avatarKey: identities.avatarKey,
      avatarContentType: identities.avatarContentType,
    })
    .from(identities)
    .where(eq(identities.id, identityId))
    .limit(1);
  if (!identity) return null;
  const inFirm = await db
    .select({ firmId: memberships.firmId, role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.identityId, identityId), eq(memberships.firmId, firmId)));
  return { identity, memberships: inFirm };
}

/** Sets (or clears) the picture and returns the blob key it replaced; the identity row is locked. */
export async function replaceAvatar(
  db: Db,
  identityId: string,
  avatar: { key: string; contentType: string } | null,
): Promise<string | null> {
  const [current] = await db
    .select({ avatarKey: identities.avatarKey })
    .from(identities)
    .where(eq(identities.id, identityId))
    .for('update')
    .limit(1);
  if (!current) throw new Error('identity vanished');
  await db
    .update(identities)
    .set({ avatarKey: avatar?.key ?? null, avatarContentType: avatar?.contentType ?? null })
    .where(eq(identities.id, identityId));
  return current.avatarKey;
}
