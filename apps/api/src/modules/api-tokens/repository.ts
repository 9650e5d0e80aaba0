import { and, count, desc, eq, gt, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { apiTokens } from '../../db/schema/api-tokens';
import { memberships } from '../../db/schema/memberships';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertApiToken(
  db: Db,
  values: { membershipId: string; name: string; prefix: string; tokenHash: string; expiresAt: Date | null },
): Promise<ApiTokenRow> {
  const [token] = await db.insert(apiTokens).values(values).returning();
  if (!token) throw new Error('api token insert returned no row');
  return token;
}

/** A token that has not been revoked (expired ones included: they are still listed), whoever owns it. */
export async function findUnrevokedToken(db: Db, tokenId: string) {
  const [token] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .limit(1);
  return token ?? null;
}

/** Unrevoked tokens matching `visible` (the policy's scope), newest first, before `beforeId`. */
export function listUnrevokedTokens(db: Db, visible: SQL, options: { limit: number; beforeId?: string }) {
  return db
    .select()
    .from(apiTokens)
    .where(
      and(
        visible,
        isNull(apiTokens.revokedAt),
        options.beforeId ? lt(apiTokens.id, options.beforeId) : undefined,
      ),
    )
    .orderBy(desc(apiTokens.id))
    .limit(options.limit);
}

export async function countActiveTokens(db: Db, membershipId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.membershipId, membershipId),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Tokens the identity created (through any of its memberships) since `since`, and the oldest time. */
export async function countTokensCreatedSince(db: Db, identityId: string, since: Date) {
  const [row] = await db
    .select({ n: count(), oldest: sql<string | null>`min(${apiTokens.createdAt})` })
    .from(apiTokens)
    .innerJoin(memberships, eq(memberships.id, apiTokens.membershipId))
    .where(and(eq(memberships.identityId, identityId), gt(apiTokens.createdAt, since)));
  return { created: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function revokeApiToken(db: Db, tokenId: string): Promise<boolean> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}

/** What authenticates a request: the token with this hash and its membership, if both are still good. */
export async function findLiveApiToken(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ token: apiTokens, membership: memberships })
    .from(apiTokens)
    .innerJoin(memberships, eq(memberships.id, apiTokens.membershipId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(memberships.status, 'active'),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Stamps `last_used_at` unless another request (or replica) did within `staleBefore`. */
export async function touchApiToken(db: Db, tokenId: string, staleBefore: Date): Promise<void> {
  await db
    .update(apiTokens)
    // Being used is not being changed: `updated_at` keeps its value.
    .set({ lastUsedAt: new Date(), updatedAt: sql`${apiTokens.updatedAt}` })
    .where(
      and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))),
    );
}
