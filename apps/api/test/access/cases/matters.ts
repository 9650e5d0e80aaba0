import { makeContact } from '../../support/factories/practice';
import { createThroughApi } from '../../support/factories/through-api';
import {
  but,
  coCounselKinds,
  credentials,
  demoUsers,
  firmOf,
  firmUsers,
  only,
  otherFirmAdmins,
  type RouteCase,
} from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000a0';

/**
 * A client contact of each firm (made directly: contacts are not what these rows test), a matter
 * of each firm every row reads or edits (the demo one shared with co-counsel, who sees it but may
 * not change it), a demo matter shared with nobody, and one demo matter per allowed kind to delete.
 */
const fixtures = {
  demoClientId: UNKNOWN_ID,
  otherClientId: UNKNOWN_ID,
  demoMatterId: UNKNOWN_ID,
  unsharedMatterId: UNKNOWN_ID,
  otherMatterId: UNKNOWN_ID,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
};

const clientOf = (who: PrincipalKind) =>
  firmOf(who) === 'other' ? fixtures.otherClientId : fixtures.demoClientId;

async function setup(world: World): Promise<void> {
  const { db } = world.database;
  fixtures.demoClientId = (await makeContact(db, world.firmIds.demo)).id;
  fixtures.otherClientId = (await makeContact(db, world.firmIds.other)).id;
  const create = (who: 'admin' | 'other_firm_admin', description: string) =>
    createThroughApi(world.app, credentials(world, who), '/api/v1/matters', {
      description,
      client_id: clientOf(who),
    });
  fixtures.demoMatterId = await create('admin', 'Matrix matter');
  await world.share({ matterId: fixtures.demoMatterId });
  fixtures.unsharedMatterId = await create('admin', 'Matrix matter shared with nobody');
  fixtures.otherMatterId = await create('other_firm_admin', 'Matrix matter of the other firm');
  for (const kind of demoUsers)
    fixtures.toDelete[kind] = await create('admin', `Matrix matter for ${kind} to delete`);
}

const matterUrl = (id = fixtures.demoMatterId) => `/api/v1/matters/${id}`;

export const matterCases: RouteCase[] = [
  {
    route: 'GET /api/v1/matters',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/matters', headers: credentials(world, who) }),
    expect: only([...firmUsers, ...coCounselKinds], 200),
  },
  {
    route: 'POST /api/v1/matters',
    label: "for a client of the caller's own firm",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/matters',
      headers: credentials(world, who),
      payload: { description: `Matrix matter by ${who}`, client_id: clientOf(who) },
    }),
    expect: but(only(firmUsers, 201), coCounselKinds, 403),
  },
  {
    route: 'GET /api/v1/matters/:id',
    label: "the demo firm's matter shared with co-counsel",
    request: (world, who) => ({ method: 'GET', url: matterUrl(), headers: credentials(world, who) }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/matters/:id',
    label: "the demo firm's matter shared with nobody",
    request: (world, who) => ({
      method: 'GET',
      url: matterUrl(fixtures.unsharedMatterId),
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/matters/:id',
    label: "the other firm's matter",
    request: (world, who) => ({
      method: 'GET',
      url: matterUrl(fixtures.otherMatterId),
      headers: credentials(world, who),
    }),
    expect: only(otherFirmAdmins, 200),
  },
  {
    route: 'PATCH /api/v1/matters/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: matterUrl(),
      headers: credentials(world, who),
      payload: { practice_area: `Edited by ${who}` },
    }),
    expect: { ...only(demoUsers, 200), co_counsel: 403 },
  },
  {
    route: 'DELETE /api/v1/matters/:id',
    request: (world, who) => ({
      method: 'DELETE',
      url: matterUrl(fixtures.toDelete[who] ?? fixtures.demoMatterId),
      headers: credentials(world, who),
    }),
    expect: { ...only(demoUsers, 204), co_counsel: 403 },
  },
];
