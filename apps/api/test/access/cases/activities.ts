import { makeMatter } from '../../support/factories/practice';
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

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000f7';

/** Those who log time on the matter the rows share: the demo firm's users and its co-counsel. */
const demoAuthors = [...demoUsers, 'co_counsel'] as const;

/**
 * Matters of both firms (made directly: they are not what these rows test; the demo one, billed
 * at a rate, shared with co-counsel) and a demo matter shared with nobody; a firm user's entry and
 * the demo co-counsel's own entry that rows read or edit (co-counsel see only their own); and one
 * entry per allowed kind to delete.
 */
const fixtures = {
  demoMatterId: UNKNOWN_ID,
  unsharedMatterId: UNKNOWN_ID,
  otherMatterId: UNKNOWN_ID,
  activityId: UNKNOWN_ID,
  coCounselEntryId: UNKNOWN_ID,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
};

async function setup(world: World): Promise<void> {
  const { db } = world.database;
  fixtures.demoMatterId = (await makeMatter(db, world.firmIds.demo, { rate: 20000 })).id;
  await world.share({ matterId: fixtures.demoMatterId });
  fixtures.unsharedMatterId = (await makeMatter(db, world.firmIds.demo, { rate: 20000 })).id;
  fixtures.otherMatterId = (await makeMatter(db, world.firmIds.other)).id;
  const log = (who: 'admin' | 'co_counsel', description: string) =>
    createThroughApi(world.app, credentials(world, who), '/api/v1/activities', {
      matter_id: fixtures.demoMatterId,
      duration_seconds: 900,
      description,
    });
  fixtures.activityId = await log('admin', 'Matrix time');
  fixtures.coCounselEntryId = await log('co_counsel', 'Matrix co-counsel time');
  for (const kind of demoUsers)
    fixtures.toDelete[kind] = await log('admin', `Matrix time for ${kind} to delete`);
  fixtures.toDelete.co_counsel = await log('co_counsel', 'Matrix co-counsel time to delete');
}

/** The matter a kind logs on: its firm's, the one shared with it for co-counsel (the demo one otherwise). */
function matterOf(world: World, who: PrincipalKind): string {
  if (who === 'co_counsel_other_firm') return world.sharedElsewhere.matterId;
  return firmOf(who) === 'other' ? fixtures.otherMatterId : fixtures.demoMatterId;
}

const activityUrl = (id = fixtures.activityId) => `/api/v1/activities/${id}`;

export const activityCases: RouteCase[] = [
  {
    route: 'GET /api/v1/activities',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/activities', headers: credentials(world, who) }),
    expect: only([...firmUsers, ...coCounselKinds], 200),
  },
  {
    route: 'POST /api/v1/activities',
    label: "on a matter of the caller's firm (for co-counsel, one shared with it)",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/activities',
      headers: credentials(world, who),
      payload: {
        matter_id: matterOf(world, who),
        duration_seconds: 600,
        description: `Matrix time by ${who}`,
      },
    }),
    // Co-counsel that sees no matter names the demo one, which it cannot see: refused as a reference.
    expect: {
      ...only([...firmUsers, 'co_counsel', 'co_counsel_other_firm'], 201),
      co_counsel_unshared: 422,
      co_counsel_revoked: 422,
    },
  },
  {
    route: 'POST /api/v1/activities',
    label: 'on a demo matter shared with nobody',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/activities',
      headers: credentials(world, who),
      payload: { matter_id: fixtures.unsharedMatterId, duration_seconds: 600 },
    }),
    // Whoever cannot see the matter may still log time, so the matter is a bad reference (422).
    expect: but(only(demoUsers, 201), [...otherFirmAdmins, ...coCounselKinds], 422),
  },
  {
    route: 'GET /api/v1/activities/totals',
    label: "the demo firm's matter shared with co-counsel",
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/activities/totals?matter_id=${fixtures.demoMatterId}`,
      headers: credentials(world, who),
    }),
    expect: only(demoAuthors, 200),
  },
  {
    route: 'GET /api/v1/activities/:id',
    label: "a firm user's entry",
    request: (world, who) => ({ method: 'GET', url: activityUrl(), headers: credentials(world, who) }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/activities/:id',
    label: "the demo co-counsel's entry",
    request: (world, who) => ({
      method: 'GET',
      url: activityUrl(fixtures.coCounselEntryId),
      headers: credentials(world, who),
    }),
    expect: only(demoAuthors, 200),
  },
  {
    route: 'PATCH /api/v1/activities/:id',
    label: "a firm user's entry",
    request: (world, who) => ({
      method: 'PATCH',
      url: activityUrl(),
      headers: credentials(world, who),
      payload: { description: `Edited by ${who}` },
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'PATCH /api/v1/activities/:id',
    label: "the demo co-counsel's entry",
    request: (world, who) => ({
      method: 'PATCH',
      url: activityUrl(fixtures.coCounselEntryId),
      headers: credentials(world, who),
      payload: { description: `Edited by ${who}` },
    }),
    expect: only(demoAuthors, 200),
  },
  {
    route: 'DELETE /api/v1/activities/:id',
    label: "the caller's own entry (a firm user's for the others)",
    request: (world, who) => ({
      method: 'DELETE',
      url: activityUrl(fixtures.toDelete[who] ?? fixtures.activityId),
      headers: credentials(world, who),
    }),
    expect: only(demoAuthors, 204),
  },
];
