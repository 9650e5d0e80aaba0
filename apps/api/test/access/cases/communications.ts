import { makeContact, makeMatter } from '../../support/factories/practice';
import { createThroughApi } from '../../support/factories/through-api';
import {
  but,
  coCounselKinds,
  credentials,
  demoUsers,
  firmOf,
  firmUsers,
  only,
  type RouteCase,
} from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000f2';

/**
 * Matters and contacts of both firms (made directly: they are not what these rows test; the demo
 * matter shared with co-counsel, who reads its logs but may not change them), a demo-firm log
 * every row reads or edits, and one log per allowed kind to delete.
 */
const fixtures = {
  demo: { matterId: UNKNOWN_ID, contactId: UNKNOWN_ID },
  other: { matterId: UNKNOWN_ID, contactId: UNKNOWN_ID },
  logId: UNKNOWN_ID,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
};

/** A phone call from the caller to a contact of the caller's firm. */
function logBy(world: World, who: PrincipalKind, subject: string) {
  const firm = fixtures[firmOf(who)];
  return {
    matter_id: firm.matterId,
    type: 'phone_call',
    subject,
    occurred_at: '2026-11-20T15:30:00Z',
    senders: [{ type: 'user', id: world.sessions[who]?.membership.id ?? UNKNOWN_ID }],
    receivers: [{ type: 'contact', id: firm.contactId }],
  };
}

async function setup(world: World): Promise<void> {
  const { db } = world.database;
  for (const firm of ['demo', 'other'] as const) {
    const contact = await makeContact(db, world.firmIds[firm]);
    const matter = await makeMatter(db, world.firmIds[firm], { clientId: contact.id });
    fixtures[firm] = { matterId: matter.id, contactId: contact.id };
  }
  await world.share({ matterId: fixtures.demo.matterId });
  const create = (subject: string) =>
    createThroughApi(
      world.app,
      credentials(world, 'admin'),
      '/api/v1/communications',
      logBy(world, 'admin', subject),
    );
  fixtures.logId = await create('Matrix log');
  for (const kind of demoUsers) fixtures.toDelete[kind] = await create(`Matrix log for ${kind} to delete`);
}

const logUrl = () => `/api/v1/communications/${fixtures.logId}`;

export const communicationCases: RouteCase[] = [
  {
    route: 'GET /api/v1/communications',
    setup,
    request: (world, who) => ({
      method: 'GET',
      url: '/api/v1/communications',
      headers: credentials(world, who),
    }),
    expect: only([...firmUsers, ...coCounselKinds], 200),
  },
  {
    route: 'POST /api/v1/communications',
    label: "on the caller's own firm's matter",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/communications',
      headers: credentials(world, who),
      payload: logBy(world, who, `Matrix log by ${who}`),
    }),
    // Co-counsel read logs but never write them: refused before anything is looked up.
    expect: but(only(firmUsers, 201), coCounselKinds, 403),
  },
  {
    route: 'GET /api/v1/communications/:id',
    request: (world, who) => ({ method: 'GET', url: logUrl(), headers: credentials(world, who) }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'PATCH /api/v1/communications/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: logUrl(),
      headers: credentials(world, who),
      payload: { subject: `Edited by ${who}`, receivers: [] },
    }),
    expect: { ...only(demoUsers, 200), co_counsel: 403 },
  },
  {
    route: 'DELETE /api/v1/communications/:id',
    request: (world, who) => ({
      method: 'DELETE',
      url: `/api/v1/communications/${fixtures.toDelete[who] ?? fixtures.logId}`,
      headers: credentials(world, who),
    }),
    expect: { ...only(demoUsers, 204), co_counsel: 403 },
  },
];
