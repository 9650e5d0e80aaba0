import { makeMatter } from '../../support/factories/practice';
import { createThroughApi } from '../../support/factories/through-api';
import { credentials, demoUsers, only, otherFirmAdmins, type RouteCase } from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000f6';

/** Whether a kind acts as the second firm's admin (the demo firm's users share the demo firm's things). */
const isOtherFirmAdmin = (who: PrincipalKind) => (otherFirmAdmins as readonly PrincipalKind[]).includes(who);

/**
 * A share in each firm every reading row uses; per allowed kind, a matter of its own firm to
 * share and a share of its own firm to stop. Denied kinds aim at a demo-firm matter nobody shares.
 */
const fixtures = {
  demoShareId: UNKNOWN_ID,
  otherShareId: UNKNOWN_ID,
  unsharedMatterId: UNKNOWN_ID,
  toShare: {} as Partial<Record<PrincipalKind, string>>,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
};

async function setup(world: World): Promise<void> {
  const { db } = world.database;
  const shareAs = async (kind: 'admin' | 'other_firm_admin') => {
    const demo = kind === 'admin';
    const matter = await makeMatter(db, demo ? world.firmIds.demo : world.firmIds.other);
    return createThroughApi(world.app, credentials(world, kind), '/api/v1/shares', {
      contact_id: demo ? world.contactIds.co_counsel : world.contactIds.co_counsel_other_firm,
      matter_id: matter.id,
    });
  };
  fixtures.demoShareId = await shareAs('admin');
  fixtures.otherShareId = await shareAs('other_firm_admin');
  fixtures.unsharedMatterId = (await makeMatter(db, world.firmIds.demo)).id;
  for (const kind of demoUsers) {
    fixtures.toShare[kind] = (await makeMatter(db, world.firmIds.demo)).id;
    fixtures.toDelete[kind] = await shareAs('admin');
  }
  for (const kind of otherFirmAdmins) {
    fixtures.toShare[kind] = (await makeMatter(db, world.firmIds.other)).id;
    fixtures.toDelete[kind] = await shareAs('other_firm_admin');
  }
}

const shareUrl = (id: string) => `/api/v1/shares/${id}`;

export const shareCases: RouteCase[] = [
  {
    route: 'GET /api/v1/shares',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/shares', headers: credentials(world, who) }),
    expect: only([...demoUsers, ...otherFirmAdmins], 200),
  },
  {
    route: 'POST /api/v1/shares',
    label: "a matter of the caller's own firm with its co-counsel",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/shares',
      headers: credentials(world, who),
      payload: {
        contact_id: isOtherFirmAdmin(who)
          ? world.contactIds.co_counsel_other_firm
          : world.contactIds.co_counsel,
        matter_id: fixtures.toShare[who] ?? fixtures.unsharedMatterId,
      },
    }),
    expect: only([...demoUsers, ...otherFirmAdmins], 201),
  },
  {
    route: 'GET /api/v1/shares/:id',
    label: 'a demo-firm share',
    request: (world, who) => ({
      method: 'GET',
      url: shareUrl(fixtures.demoShareId),
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/shares/:id',
    label: "the second firm's share",
    request: (world, who) => ({
      method: 'GET',
      url: shareUrl(fixtures.otherShareId),
      headers: credentials(world, who),
    }),
    expect: only(otherFirmAdmins, 200),
  },
  {
    route: 'DELETE /api/v1/shares/:id',
    label: 'a demo-firm share',
    request: (world, who) => ({
      method: 'DELETE',
      url: shareUrl(
        isOtherFirmAdmin(who) ? fixtures.demoShareId : (fixtures.toDelete[who] ?? fixtures.demoShareId),
      ),
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 204),
  },
  {
    route: 'DELETE /api/v1/shares/:id',
    label: "the second firm's share",
    request: (world, who) => ({
      method: 'DELETE',
      url: shareUrl(
        isOtherFirmAdmin(who) ? (fixtures.toDelete[who] ?? fixtures.otherShareId) : fixtures.otherShareId,
      ),
      headers: credentials(world, who),
    }),
    expect: only(otherFirmAdmins, 204),
  },
  {
    route: 'GET /api/v1/contacts/:id/access',
    label: "the demo firm's co-counsel",
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/contacts/${world.contactIds.co_counsel}/access`,
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/contacts/:id/access',
    label: "the second firm's co-counsel",
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/contacts/${world.contactIds.co_counsel_other_firm}/access`,
      headers: credentials(world, who),
    }),
    expect: only(otherFirmAdmins, 200),
  },
];
