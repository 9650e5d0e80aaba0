import { everyone, type RouteCase } from '../route-case';

export const systemCases: RouteCase[] = [
  { route: 'GET /api/health', request: () => ({ method: 'GET', url: '/api/health' }), expect: everyone(200) },
  { route: 'GET /api/ready', request: () => ({ method: 'GET', url: '/api/ready' }), expect: everyone(200) },
  {
    route: 'GET /api/openapi.json',
    request: () => ({ method: 'GET', url: '/api/openapi.json' }),
    expect: everyone(200),
  },
  // Development only: registered when no SMTP server is configured (never in production).
  {
    route: 'GET /api/v1/dev/mailbox',
    request: () => ({ method: 'GET', url: '/api/v1/dev/mailbox' }),
    expect: everyone(200),
  },
  {
    route: 'GET /dev/mailbox',
    request: () => ({ method: 'GET', url: '/dev/mailbox' }),
    expect: everyone(200),
  },
];
