import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { contacts } from './contacts';
import { firms } from './firms';
import { identities } from './identities';
import { membershipRole, memberships } from './memberships';

/**
 * An invitation to a firm: a single-use link (only its SHA-256 is kept) that creates or links an
 * identity and gives it a membership in `role`. Externals are invited as one of the firm's
 * contacts; `resource_type`/`resource_id` name what was first shared with them, if anything.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    email: text('email').notNull(),
    role: membershipRole('role').notNull(),
    contactId: uuid('contact_id').references(() => contacts.id),
    invitedByMembershipId: uuid('invited_by_membership_id')
      .notNull()
      .references(() => memberships.id),
    resourceType: text('resource_type'),
    resourceId: uuid('resource_id'),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    acceptedIdentityId: uuid('accepted_identity_id').references(() => identities.id),
    revokedAt: instant('revoked_at'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('invitations_token_hash_key').on(table.tokenHash),
    index('invitations_firm_idx').on(table.firmId),
  ],
);
