import { sql } from 'drizzle-orm';
import { check, uuid } from 'drizzle-orm/pg-core';
import { contacts } from './contacts';
import { memberships } from './memberships';

/**
 * A person on a record (attendee, sender, receiver): either a firm user (a membership) or a
 * contact, never both. Spread into a table with `personColumns()` and add `personCheck(table)`.
 */
export const personColumns = () => ({
  membershipId: uuid('membership_id').references(() => memberships.id),
  contactId: uuid('contact_id').references(() => contacts.id),
});

export const personCheck = (
  name: string,
  table: { membershipId: { name: string }; contactId: { name: string } },
) =>
  check(
    name,
    sql`(${sql.identifier(table.membershipId.name)} is null) <> (${sql.identifier(table.contactId.name)} is null)`,
  );
