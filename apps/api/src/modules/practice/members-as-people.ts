import type { Person } from '@chambers/contracts/people';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema/contacts';
import { identities } from '../../db/schema/identities';
import { memberships } from '../../db/schema/memberships';

/**
 * Who acted (uploaded, posted, …), by membership, as `Person`s: a firm user as a `user`, an
 * external (co-counsel) as the firm's `contact` card it signs in through — the reference the firm
 * can open, named as the firm knows it. One query for a whole page.
 */
export async function loadMembersAsPeople(
  db: Db,
  membershipIds: readonly string[],
): Promise<Map<string, Person>> {
  const ids = [...new Set(membershipIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: memberships.id,
      contactId: memberships.contactId,
      userName: identities.name,
      contactName: contacts.name,
    })
    .from(memberships)
    .innerJoin(identities, eq(identities.id, memberships.identityId))
    .leftJoin(contacts, eq(contacts.id, memberships.contactId))
    .where(inArray(memberships.id, ids));
  return new Map(
    rows.map((row): [string, Person] => [
      row.id,
      row.contactId
        ? { type: 'contact', id: row.contactId, name: row.contactName ?? row.userName }
        : { type: 'user', id: row.id, name: row.userName },
    ]),
  );
}

/** One member from `loadMembersAsPeople`' answer (a membership always exists: it is referenced). */
export function memberAsPerson(members: Map<string, Person>, membershipId: string): Person {
  return members.get(membershipId) ?? { type: 'user', id: membershipId, name: '' };
}
