import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { identities } from '../../db/schema/identities';
import { memberships } from '../../db/schema/memberships';
import { passwordResets } from '../../db/schema/password-resets';

export async function insertReset(
  db: Db,
  values: { identityId: string; tokenHash: string; expiresAt: Date },
) {
  await db.insert(passwordResets).values(values);
}

/** Ends the identity's unused links: only the latest one may work. */
export async function expireUnusedResets(db: Db, identityId: string) {
  const now = new Date();
  await db
    .update(passwordResets)
    .set({ expiresAt: now })
    .where(
      and(
        eq(passwordResets.identityId, identityId),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    );
}

const live = (tokenHash: string) =>
  and(
    eq(passwordResets.tokenHash, tokenHash),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, new Date()),
  );

/** The unused, unexpired link with this token hash. */
export async function findLiveReset(db: Db, tokenHash: string) {
  const [row] = await db.select().from(passwordResets).where(live(tokenHash)).limit(1);
  return row ?? null;
}

/** The same, locked so the link can be used only once. */
export async function findLiveResetForUpdate(db: Db, tokenHash: string) {
  const [row] = await db.select().from(passwordResets).where(live(tokenHash)).for('update').limit(1);
  return row ?? null;
}

export async function markUsed(db: Db, resetId: string) {
  await db.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, resetId));
}

export async function findIdentity(db: Db, identityId: string) {
  const [identity] = await db.select().from(identities).where(eq(identities.id, identityId)).limit(1);
  return identity ?? null;
}

export async function setPasswordHash(db: Db, identityId: string, passwordHash: string) {
  await db.update(identities).set({ passwordHash }).where(eq(identities.id, identityId));
}

/** The firms where the identity has an account, for the firms' audit logs. */
export async function firmIdsOf(db: Db, identityId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ firmId: memberships.firmId })
    .from(memberships)
    .where(eq(memberships.identityId, identityId));
  return rows.map((row) => row.firmId);
}

/** Links made for the identity since `since` (each one sent a mail), spent or not. */
export async function countRecentResets(db: Db, identityId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.identityId, identityId), gt(passwordResets.createdAt, since)));
  return Number(row?.n ?? 0);
}
