import { index, integer, pgEnum, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { contacts } from './contacts';
import { firms } from './firms';
import { identities } from './identities';

/** admin / attorney / staff use Manage; co_counsel / client are externals who use Connect. */
export const membershipRole = pgEnum('membership_role', [
  'admin',
  'attorney',
  'staff',
  'co_counsel',
  'client',
]);
export const membershipStatus = pgEnum('membership_status', ['active', 'deactivated']);

/** Ties an identity to a firm in one role. A session acts as exactly one membership. */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    identityId: uuid('identity_id')
      .notNull()
      .references(() => identities.id),
    role: membershipRole('role').notNull(),
    status: membershipStatus('status').notNull().default('active'),
    /** The firm's contact record of an external (co-counsel or client); null for firm users. */
    contactId: uuid('contact_id').references(() => contacts.id),
    /** A firm user's default hourly rate in minor units (time entries start from it). */
    hourlyRate: integer('hourly_rate'),
    lastUsedAt: instant('last_used_at'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('memberships_firm_identity_key').on(table.firmId, table.identityId),
    index('memberships_identity_idx').on(table.identityId),
  ],
);
