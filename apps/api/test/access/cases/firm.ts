import { credentials, firmUsers, only, type RouteCase } from '../route-case';

/** The firm settings: every firm user reads its own firm; admins change it. */
const admins = ['admin', 'firm_user_elsewhere', 'other_firm_admin'] as const;

export const firmCases: RouteCase[] = [
  {
    route: 'GET /api/v1/firm',
    request: (world, who) => ({ method: 'GET', url: '/api/v1/firm', headers: credentials(world, who) }),
    expect: only(firmUsers, 200),
  },
  {
    route: 'PATCH /api/v1/firm',
    label: "setting what it already is, so other rows' mails are unaffected",
    request: (world, who) => ({
      method: 'PATCH',
      url: '/api/v1/firm',
      headers: credentials(world, who),
      payload: { share_notice_mails: true },
    }),
    expect: only(admins, 200),
  },
];
