import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { auditEvents } from '../../db/schema/audit-events';
import { emailChanges } from '../../db/schema/email-changes';
import { identities } from '../../db/schema/identities';
import { memberships } from '../../db/schema/memberships';

export async function insertEmailChange(
  db: Db,
  values: { identityId: string; newEmail: string; tokenHash: string; expiresAt: Date },
) {
  await db.insert(emailChanges).values(values);
}

/** Ends the identity's pending requests: only the latest link may work. */
export async function expirePendingChanges(db: Db, identityId: string) {
  const now = new Date();
  await db
    .update(emailChanges)
    .set({ expiresAt: now })
    .where(
      and(
        eq(emailChanges.identityId, identityId),
        isNull(emailChanges.confirmedAt),
        gt(emailChanges.expiresAt, now),
      ),
    );
}

/** The unconfirmed, unexpired request with this token hash, locked so it can be used only once. */
export async function findPendingChangeForUpdate(db: Db, tokenHash: string) {
  const [row] = await db
    .select()
    .from(emailChanges)
    .where(
      and(
        eq(emailChanges.tokenHash, tokenHash),
        isNull(emailChanges.confirmedAt),
        gt(emailChanges.expiresAt, new Date()),
      ),
    )
    .for('update')
    .limit(1);
  return row ?? null;
}

export async function markConfirmed(db: Db, changeId: string) {
  await db.update(emailChanges).set({ confirmedAt: new Date() }).where(eq(emailChanges.id, changeId));
}

/** The identity, locked: its email is about to change. */
export async function findIdentityForUpdate(db: Db, identityId: string) {
  const [identity] = await db
    .select()
    .from(identities)
    .where(eq(identities.id, identityId))
    .for('update')
    .limit(1);
  return identity ?? null;
}

/** Sets the login email; the case-insensitive unique index may refuse it (another identity took it). */
export async function setIdentityEmail(db: Db, identityId: string, email: string) {
  await db.update(identities).set({ email }).where(eq(identities.id, identityId));
}

/** The firms where the identity has an account, for the firms' audit logs. */
export async function firmIdsOf(db: Db, identityId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ firmId: memberships.firmId })
    .from(memberships)
    .where(eq(memberships.identityId, identityId));
  return rows.map((row) => row.firmId);
}

/** Email-change requests the identity made since `since` (each one sends a mail), and the oldest time. */
export async function countRecentRequests(db: Db, identityId: string, since: Date) {
  const [row] = await db
    .select({ n: count(), oldest: sql<string | null>`min(${auditEvents.createdAt})` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'identity.email_change_requested'),
        eq(auditEvents.actorIdentityId, identityId),
        gt(auditEvents.createdAt, since),
      ),
    );
  return { requests: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}
