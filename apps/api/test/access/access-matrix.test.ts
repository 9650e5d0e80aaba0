import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { activityCases } from './cases/activities';
import { apiTokenCases } from './cases/api-tokens';
import { auditCases } from './cases/audit';
import { authCases } from './cases/auth';
import { avatarCases } from './cases/avatars';
import { billCases } from './cases/bills';
import { calendarCases } from './cases/calendar';
import { communicationCases } from './cases/communications';
import { contactCases } from './cases/contacts';
import { conversationCases } from './cases/conversations';
import { documentDownloadCases } from './cases/document-downloads';
import { documentCases } from './cases/documents';
import { emailChangeCases } from './cases/email-change';
import { firmCases } from './cases/firm';
import { folderCases } from './cases/folders';
import { homeCases } from './cases/home';
import { invitationCases } from './cases/invitations';
import { matterCases } from './cases/matters';
import { meCases } from './cases/me';
import { noteCases } from './cases/notes';
import { passwordResetCases } from './cases/password-reset';
import { portalMessageCases } from './cases/portal-messages';
import { portalSharedResourceCases } from './cases/portal-shared-resources';
import { portalCases } from './cases/portals';
import { shareCases } from './cases/shares';
import { systemCases } from './cases/system';
import { taskCases } from './cases/tasks';
import { userCases } from './cases/users';
import type { RouteCase } from './route-case';
import { buildWorld, databaseDigest, principalKinds, type World } from './world';

/**
 * The access matrix: every registered route × every kind of caller. Allowed cells must succeed;
 * denied cells must answer 401/403/404 (422 for a reference out of sight) as problem+json and
 * change nothing in the database.
 * Each module's rows live in `cases/`; a route without rows fails the first test.
 */
const cases: RouteCase[] = [
  ...systemCases,
  ...authCases,
  ...meCases,
  ...auditCases,
  ...userCases,
  ...invitationCases,
  ...apiTokenCases,
  ...emailChangeCases,
  ...passwordResetCases,
  ...avatarCases,
  ...contactCases,
  ...matterCases,
  ...noteCases,
  ...communicationCases,
  ...calendarCases,
  ...taskCases,
  ...activityCases,
  ...billCases,
  ...folderCases,
  ...documentCases,
  ...documentDownloadCases,
  ...firmCases,
  ...shareCases,
  ...conversationCases,
  ...portalCases,
  ...portalMessageCases,
  ...portalSharedResourceCases,
  ...homeCases,
];

/** Routes the API reference plugin registers for its own static pages: public by nature. */
const isReferenceAsset = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/**
 * Refused cells: not signed in, forbidden, out of sight, pointing at records out of sight, or an
 * action the route never allows (deleting a portal).
 */
const isDenied = (status: number) => [401, 403, 404, 405, 422].includes(status);

describe('access matrix', () => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    // The matrix makes thousands of calls from one address within a minute; the limit has its own tests.
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '1000000' } });
    world = await buildWorld(t.app, t.database);
    for (const row of cases) await row.setup?.(world);
  }, 120_000);
  afterAll(() => t.close());

  it('has rows for every registered API route, and only for registered routes', () => {
    const registered = t.app.routeRegistry
      .filter(
        (route) =>
          (route.url.startsWith('/api') || route.url.startsWith('/dev')) && !isReferenceAsset(route.url),
      )
      .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS')
      .map((route) => `${route.method} ${route.url}`);
    const covered = new Set(cases.map((row) => row.route));
    expect(registered.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !registered.includes(route))).toEqual([]);
  });

  for (const row of cases) {
    describe(`${row.route}${row.label ? ` (${row.label})` : ''}`, () => {
      for (const kind of principalKinds) {
        const expected = row.expect[kind];
        it(`${kind} → ${expected}`, async () => {
          await row.before?.(world, kind);
          const before = isDenied(expected) ? await databaseDigest(t.database) : null;
          const response = await t.app.inject(row.request(world, kind));
          expect(response.statusCode, response.body.slice(0, 300)).toBe(expected);
          if (before !== null) {
            expect(response.headers['content-type']).toContain('application/problem+json');
            expect(await databaseDigest(t.database)).toBe(before);
          } else {
            row.check?.(response, world, kind);
          }
          if (row.endsSessions) await world.renew();
        });
      }
    });
  }
});
