import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { matterContacts } from '../../src/db/schema/matters';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makePortal, type PortalPerson } from '../support/factories/portals';
import { makeContact, makeMatter } from '../support/factories/practice';
import { multipartForm } from '../support/multipart';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

export const CLIENT_EMAIL = 'client@client.test';
export const CO_COUNSEL_EMAIL = 'cocounsel@outside-counsel.test';

/**
 * The demo firms (without practice data), sessions for the demo firm's users, its client and
 * co-counsel and the second firm's admin, and a matter whose client is the demo client's contact
 * card, with a related contact that has no account. `portal(...)` makes a portal on it in the
 * database; tests about creating portals go through the API.
 */
export async function portalsWorld(network: string, env: Record<string, string> = {}) {
  let t: TestApp | undefined;
  const app = () => {
    if (!t) throw new Error('world not started');
    return t;
  };
  const { nextIp, call, rows } = apiCalls(app, network);
  t = await createTestApp({ env });
  const db = t.database.db;
  await seedDemoFirm(db);
  const session = (email: string) => signIn(app().app, email, { ip: nextIp() });
  const admin = await session('admin@demo-firm.test');
  const attorney = await session('attorney@demo-firm.test');
  const staff = await session('staff@demo-firm.test');
  const client = await session(CLIENT_EMAIL);
  const coCounsel = await session(CO_COUNSEL_EMAIL);
  const otherAdmin = await session('admin@harbor-vale.test');
  const firmId = admin.membership.firm_id;
  const contactOf = async (signedIn: SignedIn) =>
    (
      await rows<{ contact_id: string }>(
        sql`select contact_id from memberships where id = ${signedIn.membership.id}`,
      )
    )[0]?.contact_id ?? '';
  const clientContactId = await contactOf(client);
  const coCounselContactId = await contactOf(coCounsel);
  const matter = await makeMatter(db, firmId, {
    clientId: clientContactId,
    responsibleAttorneyId: attorney.membership.id,
  });
  /** A contact related to the matter (not its client) with no account at the firm. */
  const relatedContact = await makeContact(db, firmId, { name: 'Rita Related', email: 'rita@related.test' });
  await db
    .insert(matterContacts)
    .values({ firmId, matterId: matter.id, contactId: relatedContact.id, relationship: 'Spouse' });

  const user = (signedIn: SignedIn) => ({ type: 'user' as const, id: signedIn.membership.id });
  const contact = (id: string) => ({ type: 'contact' as const, id });

  return {
    t,
    db,
    call,
    rows,
    nextIp,
    admin,
    attorney,
    staff,
    client,
    coCounsel,
    otherAdmin,
    firmId,
    clientContactId,
    coCounselContactId,
    matter,
    relatedContact,
    user,
    contact,
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
    /** Uploads one file into a folder through `POST /documents` (a firm user) and answers its id. */
    async upload(as: SignedIn, folderId: string, name: string, data: string): Promise<string> {
      const form = multipartForm([
        { name: 'folder_id', data: folderId },
        { name: 'file', filename: name, data, contentType: 'text/plain' },
      ]);
      const response = await app().app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: { ...as.auth, ...form.headers },
        payload: form.payload,
        remoteAddress: nextIp(),
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().data[0].id;
    },
    close: () => app().close(),
  };
}

export type PortalsWorld = Awaited<ReturnType<typeof portalsWorld>>;
