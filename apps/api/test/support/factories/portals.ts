import type { Db } from '../../../src/db/database';
import { conversationParticipants, conversations } from '../../../src/db/schema/conversations';
import { portalSharedResources } from '../../../src/db/schema/portals';

/** Who takes part: a firm user's membership or a contact. */
export type PortalPerson = { membershipId: string } | { contactId: string };

/**
 * A client portal straight in the database (a `portal` conversation with its participants and
 * shared resources), for tests that need one without going through `POST /portals`.
 */
export async function makePortal(
  db: Db,
  options: {
    firmId: string;
    matterId: string;
    createdByMembershipId: string;
    name?: string;
    participants?: readonly PortalPerson[];
    folderIds?: readonly string[];
    documentIds?: readonly string[];
  },
) {
  const [portal] = await db
    .insert(conversations)
    .values({
      firmId: options.firmId,
      kind: 'portal',
      subject: options.name ?? 'Test portal',
      matterId: options.matterId,
      createdByMembershipId: options.createdByMembershipId,
    })
    .returning();
  if (!portal) throw new Error('portal not inserted');
  const people = options.participants ?? [];
  if (people.length > 0) {
    await db.insert(conversationParticipants).values(
      people.map((person) => ({
        firmId: options.firmId,
        conversationId: portal.id,
        membershipId: 'membershipId' in person ? person.membershipId : null,
        contactId: 'contactId' in person ? person.contactId : null,
      })),
    );
  }
  const shared = [
    ...(options.folderIds ?? []).map((folderId) => ({ resourceType: 'folder' as const, folderId })),
    ...(options.documentIds ?? []).map((documentId) => ({ resourceType: 'document' as const, documentId })),
  ];
  if (shared.length > 0) {
    await db.insert(portalSharedResources).values(
      shared.map((resource) => ({
        firmId: options.firmId,
        portalId: portal.id,
        createdByMembershipId: options.createdByMembershipId,
        ...resource,
      })),
    );
  }
  return portal;
}
