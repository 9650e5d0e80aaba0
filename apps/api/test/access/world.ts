import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/database';
import { conversationParticipants } from '../../src/db/schema/conversations';
import { folders } from '../../src/db/schema/documents';
import { identities } from '../../src/db/schema/identities';
import { matterContacts } from '../../src/db/schema/matters';
import { memberships } from '../../src/db/schema/memberships';
import { shares } from '../../src/db/schema/shares';
import { hashPassword } from '../../src/lib/password';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { makeDocument } from '../support/factories/documents';
import { makePortal } from '../support/factories/portals';
import { makeContact, makeMatter } from '../support/factories/practice';
import { type SignedIn, sessionFrom, signIn } from '../support/sessions';

/**
 * The kinds of caller every route is tried with, including the sharing states of SECURITY.md:
 * - `co_counsel`: the demo firm's co-counsel, holding the world's shares (`world.share`);
 * - `co_counsel_unshared`: co-counsel of the same firm that was never shared anything;
 * - `co_counsel_revoked`: co-counsel whose shares of the same resources were stopped;
 * - `co_counsel_other_firm`: co-counsel of the second firm, with a share there;
 * - `firm_user_elsewhere`: an identity that is co-counsel at the demo firm (with the shares) but
 *   acts as the second firm's admin.
 * And the client portal states (`world.portal`):
 * - `client`: the demo client, client of the portal's matter and taking part in the portal;
 * - `client_removed`: a client of the demo firm related to the matter, removed from the portal;
 * - `client_other_portal`: a client of the demo firm taking part in another portal, on another matter;
 * - `portal_contact`: a contact related to the matter (not its client) with a client account,
 *   taking part in the portal.
 */
export const principalKinds = [
  'anonymous',
  'admin',
  'attorney',
  'staff',
  'co_counsel',
  'co_counsel_unshared',
  'co_counsel_revoked',
  'co_counsel_other_firm',
  'firm_user_elsewhere',
  'client',
  'client_removed',
  'client_other_portal',
  'portal_contact',
  'other_firm_admin',
  'deactivated_user',
] as const;
export type PrincipalKind = (typeof principalKinds)[number];

const emails: Record<Exclude<PrincipalKind, 'anonymous'>, string> = {
  admin: 'admin@demo-firm.test',
  attorney: 'attorney@demo-firm.test',
  staff: 'staff@demo-firm.test',
  co_counsel: 'cocounsel@outside-counsel.test',
  client: 'client@client.test',
  other_firm_admin: 'admin@harbor-vale.test',
  deactivated_user: 'deactivated@demo-firm.test',
  co_counsel_unshared: 'unshared@outside-counsel.test',
  co_counsel_revoked: 'revoked@outside-counsel.test',
  co_counsel_other_firm: 'elsewhere@outside-counsel.test',
  firm_user_elsewhere: 'dual@outside-counsel.test',
  client_removed: 'removed@client.test',
  client_other_portal: 'elsewhere@client.test',
  portal_contact: 'related@client.test',
};

/** Kinds whose accounts are made here (the demo seed has only `co_counsel` and `client`). */
type MadeHere =
  | 'co_counsel_unshared'
  | 'co_counsel_revoked'
  | 'co_counsel_other_firm'
  | 'firm_user_elsewhere'
  | 'client_removed'
  | 'client_other_portal'
  | 'portal_contact';

/** Firm and role of each account of a kind made here; externals get a contact card first. */
const madeHere: Record<MadeHere, { firm: 'demo' | 'other'; role: 'co_counsel' | 'client' | 'admin' }[]> = {
  co_counsel_unshared: [{ firm: 'demo', role: 'co_counsel' }],
  co_counsel_revoked: [{ firm: 'demo', role: 'co_counsel' }],
  co_counsel_other_firm: [{ firm: 'other', role: 'co_counsel' }],
  // Listed last: the session must act as this second firm's admin account.
  firm_user_elsewhere: [
    { firm: 'demo', role: 'co_counsel' },
    { firm: 'other', role: 'admin' },
  ],
  client_removed: [{ firm: 'demo', role: 'client' }],
  client_other_portal: [{ firm: 'demo', role: 'client' }],
  portal_contact: [{ firm: 'demo', role: 'client' }],
};

/** What `world.share` shares: exactly one resource. */
export type Shareable = { matterId: string } | { folderId: string } | { documentId: string };

let ipCounter = 0;
/** A fresh client address per sign-in, so the per-address sign-in limit never interferes. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

export interface World {
  app: FastifyInstance;
  database: Database;
  /** The current session of each signed-in kind (replaced by `renew`). */
  sessions: Partial<Record<PrincipalKind, SignedIn>>;
  firmIds: { demo: string; other: string };
  /** The externals' contact cards at the demo firm (and, for the other firm's co-counsel, there). */
  contactIds: Record<'co_counsel' | 'client' | MadeHere, string>;
  /**
   * Resources the world shares before any case runs: a demo matter (with its root folder) and a
   * folder of another demo matter. Cases put what co-counsel should see under them, or call `share`.
   */
  shared: { matterId: string; matterRootFolderId: string; folderId: string; folderMatterId: string };
  /** The second firm's matter shared with `co_counsel_other_firm`: what it may work on there. */
  sharedElsewhere: { matterId: string };
  /**
   * The demo firm's client portal on a matter whose client is `client`: the admin, `client` and
   * `portal_contact` take part (`client_removed` did and was removed). A folder with a document in
   * it and a document on its own are shared into it; another document of the matter is not.
   * `otherPortalId` is `client_other_portal`'s portal, on a matter of its own.
   */
  portal: {
    id: string;
    matterId: string;
    rootFolderId: string;
    folderId: string;
    folderDocumentId: string;
    documentId: string;
    unsharedDocumentId: string;
    otherPortalId: string;
  };
  /**
   * Shares a demo-firm resource with `co_counsel` and `firm_user_elsewhere`'s demo account, and
   * shares then stops sharing it with `co_counsel_revoked` (straight in the database).
   */
  share(resource: Shareable): Promise<void>;
  /** Opens new sessions for every kind, e.g. after a case ended them. */
  renew(): Promise<void>;
}

/** The demo firms, a firm user whose membership is deactivated after signing in, and the co-counsel kinds. */
export async function buildWorld(app: FastifyInstance, database: Database): Promise<World> {
  const db = database.db;
  await seedDemoFirm(db);
  const firms = (await db.execute(sql`select id, name from firms order by name`)) as unknown as {
    rows: { id: string; name: string }[];
  };
  const demo = firms.rows.find((firm) => firm.name === 'Demo Firm LLP')?.id ?? '';
  const other = firms.rows.find((firm) => firm.name !== 'Demo Firm LLP')?.id ?? '';
  const firmIds = { demo, other };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [identity] = await db
    .insert(identities)
    .values({ email: emails.deactivated_user, name: 'Dee Activated', passwordHash })
    .returning();
  const [membership] = await db
    .insert(memberships)
    .values({ firmId: demo, identityId: identity?.id ?? '', role: 'staff' })
    .returning();

  const seededContact = async (email: string) =>
    (
      (await db.execute(
        sql`select contact_id from memberships m join identities i on i.id = m.identity_id
             where i.email = ${email} and m.firm_id = ${demo}`,
      )) as unknown as { rows: { contact_id: string }[] }
    ).rows[0]?.contact_id ?? '';
  const contactIds = {
    co_counsel: await seededContact(emails.co_counsel),
    client: await seededContact(emails.client),
  } as World['contactIds'];
  /** Which membership each made kind signs in as (the last account listed). */
  const actingAs: Partial<Record<PrincipalKind, string>> = {};
  for (const [kind, accounts] of Object.entries(madeHere) as [
    keyof typeof madeHere,
    (typeof madeHere)[keyof typeof madeHere],
  ][]) {
    const [person] = await db
      .insert(identities)
      .values({ email: emails[kind], name: `Matrix ${kind}`, passwordHash })
      .returning();
    for (const account of accounts) {
      const firmId = firmIds[account.firm];
      const contact =
        account.role === 'admin'
          ? null
          : await makeContact(db, firmId, {
              name: `Matrix ${kind}`,
              email: emails[kind],
              ...(account.role === 'co_counsel'
                ? { isCoCounsel: true, hourlyRate: 20000 }
                : { isClient: kind !== 'portal_contact' }),
            });
      const [made] = await db
        .insert(memberships)
        .values({ firmId, identityId: person?.id ?? '', role: account.role, contactId: contact?.id ?? null })
        .returning();
      if (contact) contactIds[kind] = contact.id;
      actingAs[kind] = made?.id ?? '';
    }
  }

  const sharedMatter = await makeMatter(db, demo, { description: 'Matrix shared matter' });
  const folderMatter = await makeMatter(db, demo, { description: 'Matrix matter with a shared folder' });
  const [sharedFolder] = await db
    .insert(folders)
    .values({
      firmId: demo,
      matterId: folderMatter.id,
      parentId: folderMatter.rootFolderId,
      name: 'Shared with co-counsel',
    })
    .returning();
  const [adminMembership] = (
    (await db.execute(
      sql`select m.id from memberships m join identities i on i.id = m.identity_id
           where i.email = ${emails.admin} and m.firm_id = ${demo}`,
    )) as unknown as { rows: { id: string }[] }
  ).rows;
  const sharedBy = adminMembership?.id ?? '';
  const shareRow = (contactId: string, resource: Shareable) => ({
    firmId: demo,
    contactId,
    createdByMembershipId: sharedBy,
    ...('matterId' in resource
      ? { resourceType: 'matter' as const, matterId: resource.matterId }
      : 'folderId' in resource
        ? { resourceType: 'folder' as const, folderId: resource.folderId }
        : { resourceType: 'document' as const, documentId: resource.documentId }),
  });

  // The other firm's co-counsel holds a share there: it must still see nothing of the demo firm.
  const otherMatter = await makeMatter(db, other, { description: 'Matrix other-firm shared matter' });
  const [otherAdmin] = (
    (await db.execute(
      sql`select m.id from memberships m join identities i on i.id = m.identity_id
           where i.email = ${emails.other_firm_admin}`,
    )) as unknown as { rows: { id: string }[] }
  ).rows;
  await db.insert(shares).values({
    firmId: other,
    contactId: contactIds.co_counsel_other_firm,
    resourceType: 'matter',
    matterId: otherMatter.id,
    createdByMembershipId: otherAdmin?.id ?? '',
  });

  const world: World = {
    app,
    database,
    sessions: {},
    firmIds,
    contactIds,
    shared: {
      matterId: sharedMatter.id,
      matterRootFolderId: sharedMatter.rootFolderId,
      folderId: sharedFolder?.id ?? '',
      folderMatterId: folderMatter.id,
    },
    sharedElsewhere: { matterId: otherMatter.id },
    portal: await buildPortals(app, db, demo, contactIds, sharedBy),
    async share(resource) {
      await db
        .insert(shares)
        .values([
          shareRow(contactIds.co_counsel, resource),
          shareRow(contactIds.firm_user_elsewhere, resource),
        ]);
      const [revoked] = await db
        .insert(shares)
        .values(shareRow(contactIds.co_counsel_revoked, resource))
        .returning();
      await db.delete(shares).where(eq(shares.id, revoked?.id ?? ''));
    },
    async renew() {
      await db.execute(sql`update memberships set status = 'active' where id = ${membership?.id ?? ''}`);
      for (const kind of principalKinds) {
        if (kind === 'anonymous') continue;
        let session = await signIn(app, emails[kind], { ip: nextIp() });
        const wanted = actingAs[kind];
        if (wanted && session.membership.id !== wanted) session = await switchTo(app, session, wanted);
        world.sessions[kind] = session;
      }
      await db.execute(sql`update memberships set status = 'deactivated' where id = ${membership?.id ?? ''}`);
    },
  };
  await world.share({ matterId: sharedMatter.id });
  await world.share({ folderId: sharedFolder?.id ?? '' });
  await world.renew();
  return world;
}

/** The world's portal (see `World.portal`) and `client_other_portal`'s, made in the database. */
async function buildPortals(
  app: FastifyInstance,
  db: Database['db'],
  firmId: string,
  contactIds: World['contactIds'],
  adminMembershipId: string,
): Promise<World['portal']> {
  const matter = await makeMatter(db, firmId, {
    clientId: contactIds.client,
    description: 'Matrix portal matter',
  });
  await db.insert(matterContacts).values([
    { firmId, matterId: matter.id, contactId: contactIds.portal_contact, relationship: 'Spouse' },
    { firmId, matterId: matter.id, contactId: contactIds.client_removed, relationship: 'Co-client' },
  ]);
  const [folder] = await db
    .insert(folders)
    .values({ firmId, matterId: matter.id, parentId: matter.rootFolderId, name: 'Shared into the portal' })
    .returning();
  const folderId = folder?.id ?? '';
  const stored = async (parentId: string, name: string) =>
    (
      await makeDocument(db, {
        firmId,
        matterId: matter.id,
        folderId: parentId,
        uploadedBy: adminMembershipId,
        name,
        bytes: `%PDF-1.7\n% ${name}\n`,
        blobs: app.blobs,
      })
    ).document.id;
  const folderDocumentId = await stored(folderId, 'In the portal folder.pdf');
  const documentId = await stored(matter.rootFolderId, 'Shared into the portal.pdf');
  const unsharedDocumentId = await stored(matter.rootFolderId, 'Not shared into the portal.pdf');
  const portal = await makePortal(db, {
    firmId,
    matterId: matter.id,
    createdByMembershipId: adminMembershipId,
    name: 'Matrix portal',
    participants: [
      { membershipId: adminMembershipId },
      { contactId: contactIds.client },
      { contactId: contactIds.portal_contact },
      { contactId: contactIds.client_removed },
    ],
    folderIds: [folderId],
    documentIds: [documentId],
  });
  // Removing a participant deletes its row, as `DELETE …/participants/:id` does.
  await db
    .delete(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, portal.id),
        eq(conversationParticipants.contactId, contactIds.client_removed),
      ),
    );

  const otherMatter = await makeMatter(db, firmId, {
    clientId: contactIds.client_other_portal,
    description: 'Matrix other portal matter',
  });
  const otherPortal = await makePortal(db, {
    firmId,
    matterId: otherMatter.id,
    createdByMembershipId: adminMembershipId,
    name: 'Matrix other portal',
    participants: [{ membershipId: adminMembershipId }, { contactId: contactIds.client_other_portal }],
  });
  return {
    id: portal.id,
    matterId: matter.id,
    rootFolderId: matter.rootFolderId,
    folderId,
    folderDocumentId,
    documentId,
    unsharedDocumentId,
    otherPortalId: otherPortal.id,
  };
}

/** Switches a fresh session to another account of its identity. */
async function switchTo(app: FastifyInstance, session: SignedIn, membershipId: string): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/switch',
    headers: { ...session.auth, cookie: session.cookie },
    payload: { membership_id: membershipId },
    remoteAddress: nextIp(),
  });
  if (response.statusCode !== 200) throw new Error(`switch failed: ${response.statusCode} ${response.body}`);
  return sessionFrom(response);
}

/**
 * A digest of every table except the audit log (which records denied attempts on purpose):
 * a denied request must leave it unchanged. `last_used_at` stamps are left out.
 */
export async function databaseDigest(database: Database): Promise<string> {
  const tables = (await database.db.execute(sql`
    select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'audit_events'
     order by table_name`)) as unknown as { rows: { table_name: string }[] };
  const parts: string[] = [];
  for (const { table_name: table } of tables.rows) {
    const result = (await database.db.execute(
      sql.raw(
        `select md5(coalesce(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' order by (to_jsonb(t) - 'last_used_at')::text), '')) as digest from "${table}" t`,
      ),
    )) as unknown as { rows: { digest: string }[] };
    parts.push(`${table}:${result.rows[0]?.digest}`);
  }
  return parts.join(',');
}
