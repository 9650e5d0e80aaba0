import { DEMO_PASSWORD } from '../../../src/seed/demo-firm';
import { credentials, type RouteCase, signedIn } from '../route-case';
import { nextIp } from '../world';

export const meCases: RouteCase[] = [
  {
    route: 'GET /api/v1/me',
    request: (world, who) => ({ method: 'GET', url: '/api/v1/me', headers: credentials(world, who) }),
    expect: signedIn(200),
  },
  {
    route: 'PATCH /api/v1/me',
    request: (world, who) => ({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: credentials(world, who),
      payload: { time_zone: 'Europe/London' },
    }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/me/memberships',
    request: (world, who) => ({
      method: 'GET',
      url: '/api/v1/me/memberships',
      headers: credentials(world, who),
    }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/me/password',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: credentials(world, who),
      // The same password again: allowed, and leaves every demo login working.
      payload: { current_password: DEMO_PASSWORD, new_password: DEMO_PASSWORD },
      // Each caller from its own address: the route's per-address limit has its own tests.
      remoteAddress: nextIp(),
    }),
    expect: signedIn(204),
    endsSessions: true,
  },
];
