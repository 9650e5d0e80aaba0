import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { identities } from './identities';

/** A requested change of login email, waiting for the link mailed to the new address (24 h, single use). */
export const emailChanges = pgTable(
  'email_changes',
  {
    id: id(),
    identityId: uuid('identity_id')
      .notNull()
      .references(() => identities.id),
    newEmail: text('new_email').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    confirmedAt: instant('confirmed_at'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('email_changes_token_hash_key').on(table.tokenHash),
    index('email_changes_identity_idx').on(table.identityId),
  ],
);
