import { credentials, only, otherFirmAdmins, type RouteCase } from '../route-case';

export const auditCases: RouteCase[] = [
  {
    route: 'GET /api/v1/audit_events',
    request: (world, who) => ({
      method: 'GET',
      url: '/api/v1/audit_events',
      headers: credentials(world, who),
    }),
    // Each admin reads their own firm's log (the isolation test below checks which rows).
    expect: only(['admin', ...otherFirmAdmins], 200),
  },
];
