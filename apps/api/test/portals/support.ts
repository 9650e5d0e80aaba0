import { matterContacts } from '../../src/db/schema/matters';
import { demoWorld } from '../support/demo-world';
import { makePortal, type PortalPerson } from '../support/factories/portals';
import { makeContact, makeMatter } from '../support/factories/practice';

export { CLIENT_EMAIL, CO_COUNSEL_EMAIL } from '../support/demo-world';

/**
 * The demo world (see `demoWorld`) and a matter whose client is the demo client's contact card,
 * with a related contact that has no account. `portal(...)` makes a portal on it in the database;
 * tests about creating portals go through the API.
 */
export async function portalsWorld(network: string, env: Record<string, string> = {}) {
  const base = await demoWorld(network, env);
  const { db, firmId, attorney, clientContactId } = base;
  const matter = await makeMatter(db, firmId, {
    clientId: clientContactId,
    responsibleAttorneyId: attorney.membership.id,
  });
  /** A contact related to the matter (not its client) with no account at the firm. */
  const relatedContact = await makeContact(db, firmId, { name: 'Rita Related', email: 'rita@related.test' });
  await db
    .insert(matterContacts)
    .values({ firmId, matterId: matter.id, contactId: relatedContact.id, relationship: 'Spouse' });

  return {
    ...base,
    matter,
    relatedContact,
    /**
     * A portal on the world's matter made in the database: by default the attorney and the client
     * take part; pass `participants` (memberships or contacts) to choose.
     */
    portal(
      options: {
        participants?: readonly PortalPerson[];
        folderIds?: readonly string[];
        documentIds?: readonly string[];
        name?: string;
        matterId?: string;
      } = {},
    ) {
      return makePortal(db, {
        firmId,
        matterId: options.matterId ?? matter.id,
        createdByMembershipId: attorney.membership.id,
        participants: options.participants ?? [
          { membershipId: attorney.membership.id },
          { contactId: clientContactId },
        ],
        ...(options.folderIds ? { folderIds: options.folderIds } : {}),
        ...(options.documentIds ? { documentIds: options.documentIds } : {}),
        ...(options.name ? { name: options.name } : {}),
      });
    },
  };
}

export type PortalsWorld = Awaited<ReturnType<typeof portalsWorld>>;
