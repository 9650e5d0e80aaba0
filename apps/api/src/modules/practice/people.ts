import type { Person } from '@chambers/contracts/people';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema/contacts';
import { identities } from '../../db/schema/identities';
import { memberships } from '../../db/schema/memberships';

/** A person column pair on a row: a firm user's membership or a contact. */
export interface PersonColumns {
  membershipId: string | null;
  contactId: string | null;
}

/** Display names of the people on some rows, to answer them as `Person`s. */
export interface PeopleNames {
  users: Map<string, string>;
  contacts: Map<string, string>;
}

/** Loads the names of the given memberships and contacts in two queries. */
export async function loadPeopleNames(db: Db, people: readonly PersonColumns[]): Promise<PeopleNames> {
  const membershipIds = [
    ...new Set(people.flatMap((person) => (person.membershipId ? [person.membershipId] : []))),
  ];
  const contactIds = [...new Set(people.flatMap((person) => (person.contactId ? [person.contactId] : [])))];
  // One after the other: callers pass a transaction too, whose queries share one connection.
  const userRows =
    membershipIds.length === 0
      ? []
      : await db
          .select({ id: memberships.id, name: identities.name })
          .from(memberships)
          .innerJoin(identities, eq(identities.id, memberships.identityId))
          .where(inArray(memberships.id, membershipIds));
  const contactRows =
    contactIds.length === 0
      ? []
      : await db
          .select({ id: contacts.id, name: contacts.name })
          .from(contacts)
          .where(inArray(contacts.id, contactIds));
  return {
    users: new Map(userRows.map((row) => [row.id, row.name])),
    contacts: new Map(contactRows.map((row) => [row.id, row.name])),
  };
}

/** One person column pair as a `Person`, named from `names`. */
export function toPerson(columns: PersonColumns, names: PeopleNames): Person {
  if (columns.membershipId) {
    return { type: 'user', id: columns.membershipId, name: names.users.get(columns.membershipId) ?? '' };
  }
  const id = columns.contactId ?? '';
  return { type: 'contact', id, name: names.contacts.get(id) ?? '' };
}

/** A `PersonRef` from a request as the column pair to store. */
export function personColumns(ref: { type: 'user' | 'contact'; id: string }): PersonColumns {
  return ref.type === 'user'
    ? { membershipId: ref.id, contactId: null }
    : { membershipId: null, contactId: ref.id };
}
