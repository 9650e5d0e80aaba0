import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { identities } from './identities';
import { memberships } from './memberships';

/**
 * A sign-in: one identity acting as one membership, from login (or switch) until logout,
 * revocation or expiry. Access tokens name their session, so revoking it ends them at once.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    identityId: uuid('identity_id')
      .notNull()
      .references(() => identities.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
    revokedReason: text('revoked_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    ...timestamps(),
  },
  (table) => [
    index('sessions_identity_idx').on(table.identityId),
    index('sessions_membership_idx').on(table.membershipId),
  ],
);

/**
 * The refresh tokens of a session, one per rotation; only their SHA-256 is stored. Presenting a
 * token that was already rotated (`used_at` set) is a replay: the whole session is revoked.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    tokenHash: text('token_hash').notNull(),
    usedAt: instant('used_at'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('refresh_tokens_hash_key').on(table.tokenHash),
    index('refresh_tokens_session_idx').on(table.sessionId),
  ],
);
