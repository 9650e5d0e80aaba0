import { and, asc, eq, exists, gt, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema/contacts';
import { conversationParticipants, conversations } from '../../db/schema/conversations';
import { matterContacts, matters } from '../../db/schema/matters';

/**
 * Portal-only queries. What a portal shares with conversations (rows, participants, read state)
 * is read and written through the conversations repository.
 */

/** Portals open to new messages, or closed by the firm. */
export const statusIs = (status: 'open' | 'closed'): SQL =>
  (status === 'open' ? isNull(conversations.closedAt) : isNotNull(conversations.closedAt)) as SQL;

/** Portals whose matter is within `matterScope` (the caller's). */
export const matterWithin = (matterScope: SQL): SQL =>
  sql`exists (select 1 from ${matters} where ${matters.id} = ${conversations.matterId} and ${matterScope})`;

/** Renames a portal, or closes (`closedBy` a membership) or reopens it (`closedBy` null). */
export async function updatePortal(
  db: Db,
  portalId: string,
  values: { subject?: string; closedBy?: string | null },
): Promise<void> {
  await db
    .update(conversations)
    .set({
      ...(values.subject === undefined ? {} : { subject: values.subject }),
      ...(values.closedBy === undefined
        ? {}
        : { closedAt: values.closedBy ? new Date() : null, closedByMembershipId: values.closedBy }),
    })
    .where(eq(conversations.id, portalId));
}

/** What a new portal needs of its matter: its default name and its client. */
export async function findMatter(db: Db, matterId: string) {
  const [row] = await db
    .select({ number: matters.number, description: matters.description, clientId: matters.clientId })
    .from(matters)
    .where(eq(matters.id, matterId))
    .limit(1);
  return row ?? null;
}

export type PortalContact = { id: string; name: string; email: string; isCoCounsel: boolean };

/**
 * The contacts among `contactIds` that may take part in a portal on the matter: its client or a
 * related contact, of the same firm, with an address to invite or notify.
 */
export async function eligibleContacts(
  db: Db,
  matter: { firmId: string; matterId: string },
  contactIds: readonly string[],
): Promise<Map<string, PortalContact>> {
  if (contactIds.length === 0) return new Map();
  const related = db
    .select({ id: matterContacts.contactId })
    .from(matterContacts)
    .where(and(eq(matterContacts.matterId, matter.matterId), eq(matterContacts.contactId, contacts.id)));
  const client = db
    .select({ id: matters.id })
    .from(matters)
    .where(and(eq(matters.id, matter.matterId), eq(matters.clientId, contacts.id)));
  const rows = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      isCoCounsel: contacts.isCoCounsel,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.firmId, matter.firmId),
        isNotNull(contacts.email),
        inArray(contacts.id, [...contactIds]),
        or(exists(client), exists(related)),
      ),
    );
  return new Map(rows.map((row) => [row.id, { ...row, email: row.email ?? '' }]));
}

/** A page of a portal's participants, oldest first (ids are time-ordered), after `afterId`. */
export function participantPage(db: Db, portalId: string, options: { limit: number; afterId?: string }) {
  return db
    .select()
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, portalId),
        options.afterId ? gt(conversationParticipants.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(conversationParticipants.id))
    .limit(options.limit);
}

/** The portal's name, while the contact takes part in it (an invitation names it only so long). */
export async function nameForParticipant(
  db: Db,
  firmId: string,
  portalId: string,
  contactId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ subject: conversations.subject })
    .from(conversations)
    .innerJoin(conversationParticipants, eq(conversationParticipants.conversationId, conversations.id))
    .where(
      and(
        eq(conversations.id, portalId),
        eq(conversations.firmId, firmId),
        eq(conversations.kind, 'portal'),
        eq(conversationParticipants.contactId, contactId),
      ),
    )
    .limit(1);
  return row?.subject ?? null;
}
