import { credentials, demoUsers, only, otherFirmAdmins, type RouteCase } from '../route-case';
import type { World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000fe';

/** Invitations the rows below refer to, made through the API by each firm's admin. */
const fixtures = { demoInvitationId: UNKNOWN_ID, otherInvitationId: UNKNOWN_ID };

async function invite(world: World, who: 'admin' | 'other_firm_admin', email: string): Promise<string> {
  const response = await world.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: credentials(world, who),
    payload: { email, name: 'Matrix Invitee', role: 'staff' },
  });
  if (response.statusCode !== 201) throw new Error(`invite: ${response.statusCode} ${response.body}`);
  return response.json().data.id;
}

async function setup(world: World): Promise<void> {
  fixtures.demoInvitationId = await invite(world, 'admin', 'matrix-user-invitee@example.test');
  fixtures.otherInvitationId = await invite(world, 'other_firm_admin', 'matrix-user-invitee@example.test');
}

/**
 * Rows that change a user target the deactivated member (Dee), so no other kind's account
 * changes under the matrix; `reactivate` re-deactivates her by renewing the world after each cell.
 */
const dee = (world: World) => world.sessions.deactivated_user?.membership.id ?? UNKNOWN_ID;

export const userCases: RouteCase[] = [
  {
    route: 'GET /api/v1/users',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/users', headers: credentials(world, who) }),
    expect: only([...demoUsers, ...otherFirmAdmins], 200),
  },
  {
    route: 'GET /api/v1/users/:id',
    label: "the demo firm's user",
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/users/${world.sessions.staff?.membership.id}`,
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/users/:id',
    label: "the other firm's user",
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/users/${world.sessions.other_firm_admin?.membership.id}`,
      headers: credentials(world, who),
    }),
    expect: only(otherFirmAdmins, 200),
  },
  {
    route: 'GET /api/v1/users/:id',
    label: 'an external of the demo firm',
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/users/${world.sessions.co_counsel?.membership.id}`,
      headers: credentials(world, who),
    }),
    expect: only([], 200),
  },
  {
    route: 'POST /api/v1/users',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/users',
      headers: credentials(world, who),
      payload: { email: `matrix-${who}@example.test`, name: 'Matrix', role: 'attorney' },
    }),
    expect: only(['admin', ...otherFirmAdmins], 201),
  },
  {
    route: 'PATCH /api/v1/users/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: `/api/v1/users/${dee(world)}`,
      headers: credentials(world, who),
      payload: { role: 'attorney' },
    }),
    expect: only(['admin'], 200),
  },
  {
    route: 'POST /api/v1/users/:id/deactivate',
    request: (world, who) => ({
      method: 'POST',
      url: `/api/v1/users/${dee(world)}/deactivate`,
      headers: credentials(world, who),
    }),
    expect: only(['admin'], 200),
  },
  {
    route: 'POST /api/v1/users/:id/reactivate',
    request: (world, who) => ({
      method: 'POST',
      url: `/api/v1/users/${dee(world)}/reactivate`,
      headers: credentials(world, who),
    }),
    expect: only(['admin'], 200),
    endsSessions: true,
  },
  {
    route: 'GET /api/v1/users/invitations/:id',
    label: "the demo firm's invitation",
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/users/invitations/${fixtures.demoInvitationId}`,
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/users/invitations/:id',
    label: "the other firm's invitation",
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/users/invitations/${fixtures.otherInvitationId}`,
      headers: credentials(world, who),
    }),
    expect: only(otherFirmAdmins, 200),
  },
  {
    route: 'POST /api/v1/users/invitations/:id/revoke',
    label: "the demo firm's invitation",
    request: (world, who) => ({
      method: 'POST',
      url: `/api/v1/users/invitations/${fixtures.demoInvitationId}/revoke`,
      headers: credentials(world, who),
    }),
    expect: only(['admin'], 200),
  },
  {
    route: 'POST /api/v1/users/invitations/:id/revoke',
    label: "the other firm's invitation",
    request: (world, who) => ({
      method: 'POST',
      url: `/api/v1/users/invitations/${fixtures.otherInvitationId}/revoke`,
      headers: credentials(world, who),
    }),
    expect: only(otherFirmAdmins, 200),
  },
];
