import { DEMO_PASSWORD } from '../../../src/seed/demo-firm';
import { credentials, everyone, type RouteCase, signedIn } from '../route-case';
import { nextIp } from '../world';

export const authCases: RouteCase[] = [
  {
    route: 'POST /api/v1/auth/login',
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'staff@demo-firm.test', password: DEMO_PASSWORD },
      remoteAddress: nextIp(),
    }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/v1/auth/refresh',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: credentials(world, who),
    }),
    expect: signedIn(200),
    endsSessions: true,
  },
  {
    route: 'POST /api/v1/auth/logout',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: credentials(world, who),
    }),
    expect: everyone(204),
    endsSessions: true,
  },
  {
    route: 'POST /api/v1/auth/switch',
    label: 'to its own account',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/auth/switch',
      headers: credentials(world, who),
      payload: {
        membership_id: world.sessions[who]?.membership.id ?? '0190a000-0000-7000-8000-000000000000',
      },
    }),
    expect: signedIn(200),
    endsSessions: true,
  },
  {
    route: 'POST /api/v1/auth/switch',
    label: "to another identity's account",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/auth/switch',
      headers: credentials(world, who),
      payload: {
        membership_id: (who === 'client' ? world.sessions.admin : world.sessions.client)?.membership.id,
      },
    }),
    expect: signedIn(404),
  },
];
