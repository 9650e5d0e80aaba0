import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema/contacts';
import { firms } from '../../db/schema/firms';
import { identities } from '../../db/schema/identities';
import { matters } from '../../db/schema/matters';
import { memberships } from '../../db/schema/memberships';
import { shares } from '../../db/schema/shares';
import type { ParticipantRow } from './repository';

/** The people around conversations: who may take part, who answers co-counsel, where mail goes. */

/** Ids among `membershipIds` of the firm's active memberships (a deactivated user is skipped). */
export async function activeMemberships(db: Db, firmId: string, membershipIds: readonly string[]) {
  if (membershipIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.firmId, firmId),
        inArray(memberships.id, [...membershipIds]),
        eq(memberships.status, 'active'),
        isNull(memberships.contactId),
      ),
    );
  return new Set(rows.map((row) => row.id));
}

/** Ids among `ids` of contacts within `contactScope` that are flagged as co-counsel. */
export async function coCounselContacts(db: Db, contactScope: SQL, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(contactScope, inArray(contacts.id, [...ids]), eq(contacts.isCoCounsel, true)));
  return new Set(rows.map((row) => row.id));
}

/**
 * Who at the firm answers for a matter shared with a co-counsel contact: the matter's responsible
 * attorney and the firm users who shared the matter with that contact.
 */
export async function firmSideOf(db: Db, matterId: string, contactId: string): Promise<string[]> {
  const [matter] = await db
    .select({ responsible: matters.responsibleAttorneyId })
    .from(matters)
    .where(eq(matters.id, matterId));
  const sharers = await db
    .select({ id: shares.createdByMembershipId })
    .from(shares)
    .where(and(eq(shares.matterId, matterId), eq(shares.contactId, contactId)))
    .orderBy(asc(shares.createdAt));
  return [
    ...new Set([...(matter?.responsible ? [matter.responsible] : []), ...sharers.map((row) => row.id)]),
  ];
}

/**
 * Where a participant's mail goes: the login email of its membership (a firm user) or of its
 * contact's membership in the firm (an external), while that membership is active; with the
 * firm's name. `null` for a contact who never got an account, or whose account was deactivated.
 */
export async function recipientOf(
  db: Db,
  participant: ParticipantRow,
): Promise<{ email: string; firmName: string } | null> {
  const [row] = await db
    .select({ email: identities.email, firmName: firms.name })
    .from(memberships)
    .innerJoin(identities, eq(identities.id, memberships.identityId))
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .where(
      and(
        eq(memberships.firmId, participant.firmId),
        eq(memberships.status, 'active'),
        participant.membershipId
          ? eq(memberships.id, participant.membershipId)
          : eq(memberships.contactId, participant.contactId ?? ''),
      ),
    )
    .limit(1);
  return row ?? null;
}
