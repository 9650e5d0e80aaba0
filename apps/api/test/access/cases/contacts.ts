import { makeMatter } from '../../support/factories/practice';
import { createThroughApi } from '../../support/factories/through-api';
import {
  but,
  coCounselKinds,
  credentials,
  demoUsers,
  firmUsers,
  only,
  otherFirmAdmins,
  type RouteCase,
} from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000c0';

/**
 * A contact of each firm every row reads or edits — the demo one the client of a matter shared
 * with co-counsel, so co-counsel sees it and is refused changes (403) — a demo contact on no
 * shared matter, and one demo contact per allowed kind to delete.
 */
const fixtures = {
  demoContactId: UNKNOWN_ID,
  unsharedContactId: UNKNOWN_ID,
  otherContactId: UNKNOWN_ID,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
};

async function setup(world: World): Promise<void> {
  const create = (who: 'admin' | 'other_firm_admin', lastName: string) =>
    createThroughApi(world.app, credentials(world, who), '/api/v1/contacts', {
      first_name: 'Matrix',
      last_name: lastName,
    });
  fixtures.demoContactId = await create('admin', 'Demo');
  fixtures.unsharedContactId = await create('admin', 'Unshared');
  fixtures.otherContactId = await create('other_firm_admin', 'Harbor');
  const matter = await makeMatter(world.database.db, world.firmIds.demo, {
    clientId: fixtures.demoContactId,
  });
  await world.share({ matterId: matter.id });
  for (const kind of demoUsers) fixtures.toDelete[kind] = await create('admin', `Deleted by ${kind}`);
}

const contactUrl = (id = fixtures.demoContactId) => `/api/v1/contacts/${id}`;

const isCoCounsel = (who: PrincipalKind): who is (typeof coCounselKinds)[number] =>
  (coCounselKinds as readonly PrincipalKind[]).includes(who);
/** A co-counsel kind's own card (the demo co-counsel's for everyone else). */
const ownCard = (world: World, who: PrincipalKind) => world.contactIds[isCoCounsel(who) ? who : 'co_counsel'];

export const contactCases: RouteCase[] = [
  {
    route: 'GET /api/v1/contacts',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/contacts', headers: credentials(world, who) }),
    expect: only([...firmUsers, ...coCounselKinds], 200),
  },
  {
    route: 'POST /api/v1/contacts',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: credentials(world, who),
      payload: { kind: 'company', name: `Matrix contact by ${who}` },
    }),
    // Co-counsel see contacts, so adding one is a forbidden action, not an unknown route.
    expect: but(only(firmUsers, 201), coCounselKinds, 403),
  },
  {
    route: 'GET /api/v1/contacts/:id',
    label: 'the client of a demo matter shared with co-counsel',
    request: (world, who) => ({ method: 'GET', url: contactUrl(), headers: credentials(world, who) }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/contacts/:id',
    label: 'a demo contact on no shared matter',
    request: (world, who) => ({
      method: 'GET',
      url: contactUrl(fixtures.unsharedContactId),
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/contacts/:id',
    label: "a co-counsel's own card (the demo co-counsel's for the others)",
    request: (world, who) => ({
      method: 'GET',
      url: contactUrl(ownCard(world, who)),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, ...coCounselKinds], 200),
  },
  {
    route: 'GET /api/v1/contacts/:id',
    label: "the other firm's contact",
    request: (world, who) => ({
      method: 'GET',
      url: contactUrl(fixtures.otherContactId),
      headers: credentials(world, who),
    }),
    expect: only(otherFirmAdmins, 200),
  },
  {
    route: 'PATCH /api/v1/contacts/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: contactUrl(),
      headers: credentials(world, who),
      payload: { title: `Edited by ${who}` },
    }),
    expect: { ...only(demoUsers, 200), co_counsel: 403 },
  },
  {
    route: 'PATCH /api/v1/contacts/:id',
    label: "a co-counsel's own card (the demo co-counsel's for the others)",
    request: (world, who) => ({
      method: 'PATCH',
      url: contactUrl(ownCard(world, who)),
      headers: credentials(world, who),
      payload: { title: `Edited by ${who}` },
    }),
    // Its card is the firm's record of it (its rate among others): co-counsel read it, never change it.
    expect: but(only(demoUsers, 200), coCounselKinds, 403),
  },
  {
    route: 'DELETE /api/v1/contacts/:id',
    request: (world, who) => ({
      method: 'DELETE',
      url: contactUrl(fixtures.toDelete[who] ?? fixtures.demoContactId),
      headers: credentials(world, who),
    }),
    expect: { ...only(demoUsers, 204), co_counsel: 403 },
  },
];
