import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { memberships } from './memberships';

/**
 * An integrator's token: it acts as the membership that made it. Only its SHA-256 is kept; the
 * secret is shown once. `prefix` (the first characters) lets people tell their tokens apart.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at'),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('api_tokens_token_hash_key').on(table.tokenHash),
    index('api_tokens_membership_idx').on(table.membershipId),
  ],
);
