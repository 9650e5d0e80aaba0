import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse as LightResponse } from 'fastify';
import { identities } from '../../src/db/schema/identities';
import { memberships } from '../../src/db/schema/memberships';
import { shares } from '../../src/db/schema/shares';
import { hashPassword } from '../../src/lib/password';
import { DEMO_PASSWORD } from '../../src/seed/demo-firm';
import { type DocumentsWorld, documentsWorld, nextIp } from '../documents/support';
import { makeContact } from '../support/factories/practice';
import { type SignedIn, signIn } from '../support/sessions';

/** A co-counsel of the demo firm made for one test file: its session and its contact card. */
export interface CoCounsel {
  session: SignedIn;
  contactId: string;
  membershipId: string;
  name: string;
}

/** What a share names: exactly one resource. */
export type Shared = { matterId: string } | { folderId: string } | { documentId: string };

export interface CoCounselWorld extends DocumentsWorld {
  firmId: string;
  attorney: SignedIn;
  /** A fresh co-counsel (never the demo one, whose shares the demo seed may change). */
  makeCoCounsel(label: string): Promise<CoCounsel>;
  /** Shares a demo-firm resource with a co-counsel, as a firm admin would; answers the share's id. */
  share(coCounsel: CoCounsel, resource: Shared): Promise<string>;
  /** Stops a share (the shares module deletes the row, as here). */
  stopSharing(shareId: string): Promise<void>;
  /** GET as `session`, answering the ids of a list's `data`. */
  ids(session: SignedIn, url: string): Promise<string[]>;
  get(session: SignedIn, url: string, headers?: Record<string, string>): Promise<LightResponse>;
  /** PATCH / POST / DELETE a JSON body as `session`. */
  send(
    session: SignedIn,
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<LightResponse>;
  /** Makes a folder through the API as the admin; answers its id. */
  folder(parentId: string, name: string): Promise<string>;
}

/** The documents world (disk storage) of the demo firms, with co-counsel made on demand. */
export async function coCounselWorld(): Promise<CoCounselWorld> {
  const world = await documentsWorld('disk');
  const db = world.t.database.db;
  const firmId = world.admin.membership.firm_id;
  const attorney = await signIn(world.t.app, 'attorney@demo-firm.test', { ip: nextIp() });
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const get = (session: SignedIn, url: string, headers: Record<string, string> = {}) =>
    world.inject(session, { method: 'GET', url, headers });
  const send: CoCounselWorld['send'] = (session, method, url, payload) =>
    world.inject(session, { method, url, ...(payload ? { payload } : {}) });

  return {
    ...world,
    firmId,
    attorney,
    get,
    send,
    async makeCoCounsel(label) {
      const suffix = randomUUID().slice(0, 8);
      const email = `${label.toLowerCase().replace(/\W+/g, '-')}-${suffix}@outside-counsel.test`;
      const name = `${label} ${suffix}`;
      const contact = await makeContact(db, firmId, { name, email, isCoCounsel: true });
      const [identity] = await db
        .insert(identities)
        .values({ email, name: `${name} (login)`, passwordHash })
        .returning();
      const [membership] = await db
        .insert(memberships)
        .values({ firmId, identityId: identity?.id ?? '', role: 'co_counsel', contactId: contact.id })
        .returning();
      const session = await signIn(world.t.app, email, { ip: nextIp() });
      return { session, contactId: contact.id, membershipId: membership?.id ?? '', name };
    },
    async share(coCounsel, resource) {
      const [row] = await db
        .insert(shares)
        .values({
          firmId,
          contactId: coCounsel.contactId,
          createdByMembershipId: world.admin.membership.id,
          ...('matterId' in resource
            ? { resourceType: 'matter' as const, matterId: resource.matterId }
            : 'folderId' in resource
              ? { resourceType: 'folder' as const, folderId: resource.folderId }
              : { resourceType: 'document' as const, documentId: resource.documentId }),
        })
        .returning();
      if (!row) throw new Error('share not inserted');
      return row.id;
    },
    async stopSharing(shareId) {
      await db.delete(shares).where(eq(shares.id, shareId));
    },
    async ids(session, url) {
      const response = await get(session, url);
      if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
      return (response.json().data as { id: string }[]).map((row) => row.id).sort();
    },
    async folder(parentId, name) {
      const response = await send(world.admin, 'POST', '/api/v1/folders', { parent_id: parentId, name });
      if (response.statusCode !== 201) throw new Error(`folder: ${response.statusCode} ${response.body}`);
      return response.json().data.id;
    },
  };
}
