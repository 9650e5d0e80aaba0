import { makeMatter } from '../../support/factories/practice';
import { createThroughApi } from '../../support/factories/through-api';
import { credentials, demoUsers, firmOf, only, otherFirmAdmins, type RouteCase } from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000f8';

const managers = ['admin', 'attorney'] as const;

/** 200-ish for managers, 403 for staff (who sees the bill), 404 for other signed-in kinds. */
const managersOnly = (status: number) => ({ ...only(managers, status), staff: 403 });

type PerKind = Partial<Record<PrincipalKind, string>>;

/**
 * Matters of both firms (made directly; the demo one shared with co-counsel, who never sees its
 * bills), unbilled entries to draft from, a demo-firm draft every row reads or edits, and for
 * each demo user a bill of its own per changing row, so the rows never depend on each other's
 * cells (staff's are refused, but exist so the refusal is a 403).
 */
const fixtures = {
  demoMatterId: UNKNOWN_ID,
  otherMatterId: UNKNOWN_ID,
  draftId: UNKNOWN_ID,
  toBill: {} as PerKind,
  toDelete: {} as PerKind,
  toIssue: {} as PerKind,
  toVoid: {} as PerKind,
  toPay: {} as PerKind,
};

async function setup(world: World): Promise<void> {
  const { db } = world.database;
  fixtures.demoMatterId = (await makeMatter(db, world.firmIds.demo, { rate: 20000 })).id;
  await world.share({ matterId: fixtures.demoMatterId });
  fixtures.otherMatterId = (await makeMatter(db, world.firmIds.other, { rate: 20000 })).id;
  const entry = (who: 'admin' | 'other_firm_admin' = 'admin') =>
    createThroughApi(world.app, credentials(world, who), '/api/v1/activities', {
      matter_id: who === 'admin' ? fixtures.demoMatterId : fixtures.otherMatterId,
      duration_seconds: 900,
      description: 'Matrix time to bill',
    });
  const bill = async (issued: boolean) => {
    const id = await createThroughApi(world.app, credentials(world, 'admin'), '/api/v1/bills', {
      matter_id: fixtures.demoMatterId,
      activity_ids: [await entry()],
    });
    if (issued) {
      const response = await world.app.inject({
        method: 'POST',
        url: `/api/v1/bills/${id}/issue`,
        headers: credentials(world, 'admin'),
      });
      if (response.statusCode !== 200) throw new Error(`issue: ${response.statusCode} ${response.body}`);
    }
    return id;
  };
  fixtures.draftId = await bill(false);
  for (const kind of otherFirmAdmins) fixtures.toBill[kind] = await entry('other_firm_admin');
  for (const kind of demoUsers) {
    fixtures.toBill[kind] = await entry();
    fixtures.toDelete[kind] = await bill(false);
    fixtures.toIssue[kind] = await bill(false);
    fixtures.toVoid[kind] = await bill(true);
    fixtures.toPay[kind] = await bill(true);
  }
}

const draftUrl = () => `/api/v1/bills/${fixtures.draftId}`;
/** The caller's own fixture, or staff's for the kinds that may not see it at all. */
const own = (fixture: PerKind, who: PrincipalKind) => fixture[who] ?? fixture.staff ?? UNKNOWN_ID;

export const billCases: RouteCase[] = [
  {
    route: 'GET /api/v1/bills',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/bills', headers: credentials(world, who) }),
    expect: only([...demoUsers, ...otherFirmAdmins], 200),
  },
  {
    route: 'POST /api/v1/bills',
    label: "from the caller's own firm's unbilled entry",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/bills',
      headers: credentials(world, who),
      payload: {
        matter_id: firmOf(who) === 'other' ? fixtures.otherMatterId : fixtures.demoMatterId,
        activity_ids: [own(fixtures.toBill, who)],
      },
    }),
    expect: { ...managersOnly(201), other_firm_admin: 201, firm_user_elsewhere: 201 },
  },
  {
    route: 'GET /api/v1/bills/:id',
    request: (world, who) => ({ method: 'GET', url: draftUrl(), headers: credentials(world, who) }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'PATCH /api/v1/bills/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: draftUrl(),
      headers: credentials(world, who),
      payload: { due_date: who === 'admin' ? '2027-01-31' : '2027-02-28' },
    }),
    expect: managersOnly(200),
  },
  {
    route: 'DELETE /api/v1/bills/:id',
    request: (world, who) => ({
      method: 'DELETE',
      url: `/api/v1/bills/${own(fixtures.toDelete, who)}`,
      headers: credentials(world, who),
    }),
    expect: managersOnly(204),
  },
  ...(
    [
      ['issue', fixtures.toIssue],
      ['void', fixtures.toVoid],
      ['pay', fixtures.toPay],
    ] as const
  ).map(
    ([action, fixture]): RouteCase => ({
      route: `POST /api/v1/bills/:id/${action}`,
      request: (world, who) => ({
        method: 'POST',
        url: `/api/v1/bills/${own(fixture, who)}/${action}`,
        headers: credentials(world, who),
      }),
      expect: managersOnly(200),
    }),
  ),
];
