import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { conversationParticipants } from '../../../src/db/schema/conversations';
import { matterContacts } from '../../../src/db/schema/matters';
import { makeContact } from '../../support/factories/practice';
import {
  coCounselKinds,
  credentials,
  demoUsers,
  only,
  otherFirmAdmins,
  portalReaders,
  type RouteCase,
  signedIn,
} from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000e7';

/**
 * Per demo user, a contact related to the portal's matter to add (mailed an invitation) and a
 * participant of the world's portal to remove; refused cells aim at `spare` (a related contact
 * nobody adds) and `kept` (the admin's own participation, never removed).
 */
const fixtures = {
  spare: UNKNOWN_ID,
  kept: UNKNOWN_ID,
  toAdd: {} as Partial<Record<PrincipalKind, string>>,
  toRemove: {} as Partial<Record<PrincipalKind, string>>,
};

async function relatedContact(world: World, name: string): Promise<string> {
  const { db } = world.database;
  const contact = await makeContact(db, world.firmIds.demo, { name });
  await db.insert(matterContacts).values({
    firmId: world.firmIds.demo,
    matterId: world.portal.matterId,
    contactId: contact.id,
    relationship: 'Witness',
  });
  return contact.id;
}

async function setup(world: World): Promise<void> {
  const { db } = world.database;
  fixtures.spare = await relatedContact(world, 'Matrix contact nobody adds');
  for (const kind of demoUsers) {
    fixtures.toAdd[kind] = await relatedContact(world, `Matrix contact ${kind} adds`);
    const [row] = await db
      .insert(conversationParticipants)
      .values({
        firmId: world.firmIds.demo,
        conversationId: world.portal.id,
        contactId: await relatedContact(world, `Matrix participant ${kind} removes`),
      })
      .returning();
    fixtures.toRemove[kind] = row?.id ?? UNKNOWN_ID;
  }
  const [admin] = await db
    .select({ id: conversationParticipants.id })
    .from(conversationParticipants)
    .where(eq(conversationParticipants.membershipId, world.sessions.admin?.membership.id ?? UNKNOWN_ID));
  fixtures.kept = admin?.id ?? UNKNOWN_ID;
}

/** The demo firm's users and the externals taking part in the world's portal. */
export const portalSeers = [...demoUsers, ...portalReaders] as const;

/**
 * `status` for the demo firm's users, `readerStatus` for the externals taking part (403 when they
 * see the portal but may not manage it), 404 for everyone else signed in.
 */
export function seersOfPortal(status: number, readerStatus = status): ReturnType<typeof only> {
  const result = only(demoUsers, status);
  for (const kind of portalReaders) result[kind] = readerStatus;
  return result;
}

/** Which of the world's two portals a kind sees. */
function visiblePortals(world: World, who: PrincipalKind): { seen: string[]; unseen: string[] } {
  const portals = { world: world.portal.id, other: world.portal.otherPortalId };
  if ((demoUsers as readonly string[]).includes(who))
    return { seen: [portals.world, portals.other], unseen: [] };
  if ((portalReaders as readonly string[]).includes(who))
    return { seen: [portals.world], unseen: [portals.other] };
  if (who === 'client_other_portal') return { seen: [portals.other], unseen: [portals.world] };
  return { seen: [], unseen: [portals.world, portals.other] };
}

export const portalUrl = (world: World, suffix = '', id = world.portal.id) =>
  `/api/v1/portals/${id}${suffix}`;

export const portalCases: RouteCase[] = [
  {
    route: 'GET /api/v1/portals',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/portals', headers: credentials(world, who) }),
    // Every holder of `portals:read` lists: the firm's users their firm's, externals their own.
    expect: signedIn(200),
    check: (response, world, who) => {
      const ids = (response.json().data as { id: string }[]).map((portal) => portal.id);
      const { seen, unseen } = visiblePortals(world, who);
      expect(ids).toEqual(expect.arrayContaining(seen));
      for (const id of unseen) expect(ids).not.toContain(id);
    },
  },
  {
    route: 'POST /api/v1/portals',
    label: "on the world portal's matter",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/portals',
      headers: credentials(world, who),
      payload: { matter_id: world.portal.matterId, name: `Matrix portal by ${who}` },
    }),
    // Co-counsel see portals but open none (403); another firm names a matter out of sight (422).
    expect: {
      ...only(demoUsers, 201),
      ...Object.fromEntries(coCounselKinds.map((kind) => [kind, 403])),
      ...Object.fromEntries(otherFirmAdmins.map((kind) => [kind, 422])),
    },
  },
  {
    route: 'GET /api/v1/portals/:id',
    label: "the world's portal",
    request: (world, who) => ({ method: 'GET', url: portalUrl(world), headers: credentials(world, who) }),
    expect: seersOfPortal(200),
  },
  {
    route: 'GET /api/v1/portals/:id',
    label: 'another portal of the same firm',
    request: (world, who) => ({
      method: 'GET',
      url: portalUrl(world, '', world.portal.otherPortalId),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'client_other_portal'], 200),
  },
  {
    route: 'PATCH /api/v1/portals/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: portalUrl(world),
      headers: credentials(world, who),
      payload: { name: `Matrix portal renamed by ${who}` },
    }),
    expect: seersOfPortal(200, 403),
  },
  {
    route: 'DELETE /api/v1/portals/:id',
    label: 'never: 405 to whoever sees it',
    request: (world, who) => ({ method: 'DELETE', url: portalUrl(world), headers: credentials(world, who) }),
    expect: seersOfPortal(405),
  },
  {
    route: 'GET /api/v1/portals/:id/participants',
    request: (world, who) => ({
      method: 'GET',
      url: portalUrl(world, '/participants'),
      headers: credentials(world, who),
    }),
    expect: seersOfPortal(200),
  },
  {
    route: 'POST /api/v1/portals/:id/participants',
    label: 'a contact related to the matter',
    request: (world, who) => ({
      method: 'POST',
      url: portalUrl(world, '/participants'),
      headers: credentials(world, who),
      payload: { person: { type: 'contact', id: fixtures.toAdd[who] ?? fixtures.spare } },
    }),
    expect: seersOfPortal(201, 403),
  },
  {
    route: 'DELETE /api/v1/portals/:id/participants/:participantId',
    request: (world, who) => ({
      method: 'DELETE',
      url: portalUrl(world, `/participants/${fixtures.toRemove[who] ?? fixtures.kept}`),
      headers: credentials(world, who),
    }),
    expect: seersOfPortal(204, 403),
  },
];
