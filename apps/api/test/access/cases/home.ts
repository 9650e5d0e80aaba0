import { credentials, type RouteCase, signedIn } from '../route-case';

/** Every signed-in caller has an overview (narrowed to what it may open); nobody else does. */
export const homeCases: RouteCase[] = [
  {
    route: 'GET /api/v1/home',
    request: (world, who) => ({ method: 'GET', url: '/api/v1/home', headers: credentials(world, who) }),
    expect: signedIn(200),
  },
];
