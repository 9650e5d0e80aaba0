import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { identities } from './identities';

/** A mailed password reset link (single use, short-lived); only the token's SHA-256 is kept. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    identityId: uuid('identity_id')
      .notNull()
      .references(() => identities.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('password_resets_token_hash_key').on(table.tokenHash),
    index('password_resets_identity_idx').on(table.identityId),
  ],
);
