import { credentials, demoUsers, type RouteCase } from '../route-case';
import type { PrincipalKind, World } from '../world';
import { portalUrl, seersOfPortal } from './portals';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000e8';

/** Messages of the world's portal: one per demo user to delete, and one nobody may delete. */
const fixtures = {
  kept: UNKNOWN_ID,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
};

async function posted(world: World, body: string): Promise<string> {
  const response = await world.app.inject({
    method: 'POST',
    url: portalUrl(world, '/messages'),
    headers: credentials(world, 'admin'),
    payload: { body },
  });
  if (response.statusCode !== 201) throw new Error(`portal message: ${response.statusCode} ${response.body}`);
  return response.json().data.id;
}

async function setup(world: World): Promise<void> {
  fixtures.kept = await posted(world, 'Matrix message nobody deletes');
  for (const kind of demoUsers)
    fixtures.toDelete[kind] = await posted(world, `Matrix message ${kind} deletes`);
}

export const portalMessageCases: RouteCase[] = [
  {
    route: 'GET /api/v1/portals/:id/messages',
    setup,
    request: (world, who) => ({
      method: 'GET',
      url: portalUrl(world, '/messages'),
      headers: credentials(world, who),
    }),
    expect: seersOfPortal(200),
  },
  {
    route: 'POST /api/v1/portals/:id/messages',
    request: (world, who) => ({
      method: 'POST',
      url: portalUrl(world, '/messages'),
      headers: credentials(world, who),
      payload: { body: `Matrix portal message by ${who}` },
    }),
    expect: seersOfPortal(201),
  },
  {
    route: 'POST /api/v1/portals/:id/read',
    request: (world, who) => ({
      method: 'POST',
      url: portalUrl(world, '/read'),
      headers: credentials(world, who),
    }),
    expect: seersOfPortal(204),
  },
  {
    route: 'DELETE /api/v1/portals/:id/messages/:messageId',
    request: (world, who) => ({
      method: 'DELETE',
      url: portalUrl(world, `/messages/${fixtures.toDelete[who] ?? fixtures.kept}`),
      headers: credentials(world, who),
    }),
    // Only the firm deletes messages: participants outside it see the message but may not (403).
    expect: seersOfPortal(204, 403),
  },
];
