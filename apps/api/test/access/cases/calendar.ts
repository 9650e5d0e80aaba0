import { sql } from 'drizzle-orm';
import { createThroughApi } from '../../support/factories/through-api';
import { sessionFrom, signIn } from '../../support/sessions';
import {
  but,
  coCounselKinds,
  credentials,
  demoUsers,
  everyone,
  firmUsers,
  only,
  otherFirmAdmins,
  type RouteCase,
} from '../route-case';
import { nextIp, type PrincipalKind, type World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000f4';

/** Everyone who sees a calendar has a feed of the entries it attends: co-counsel too. */
const feedOwners = [...firmUsers, ...coCounselKinds] as const;

/**
 * An entry of each firm that rows read (the demo one attended by co-counsel, who sees it
 * read-only), a demo entry co-counsel does not attend, one the PATCH row edits (attended too),
 * one per allowed kind to delete, a feed for every feed owner (so reading and deleting one
 * succeed), and the path of a feed that no row rotates (Morgan's, who is none of the matrix's kinds).
 */
const fixtures = {
  demoEntryId: UNKNOWN_ID,
  unattendedEntryId: UNKNOWN_ID,
  otherEntryId: UNKNOWN_ID,
  editedEntryId: UNKNOWN_ID,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
  feedPath: '/api/v1/calendar_feeds/unset',
};

const entry = (title: string, attendees: { type: 'contact'; id: string }[] = []) => ({
  title,
  starts_at: '2030-04-01T14:00:00Z',
  ends_at: '2030-04-01T15:00:00Z',
  time_zone: 'America/New_York',
  attendees,
});

async function makeFeed(world: World, headers: Record<string, string>): Promise<string> {
  const response = await world.app.inject({ method: 'POST', url: '/api/v1/calendar_feed', headers });
  if (response.statusCode !== 201) throw new Error(`calendar feed: ${response.statusCode} ${response.body}`);
  return new URL(response.json().data.url).pathname;
}

async function setup(world: World): Promise<void> {
  const coCounsel = [{ type: 'contact' as const, id: world.contactIds.co_counsel }];
  const create = (who: PrincipalKind, title: string, attendees: typeof coCounsel = []) =>
    createThroughApi(world.app, credentials(world, who), '/api/v1/calendar_entries', entry(title, attendees));
  fixtures.demoEntryId = await create('admin', 'Matrix entry', coCounsel);
  fixtures.unattendedEntryId = await create('admin', 'Matrix entry without co-counsel');
  fixtures.otherEntryId = await create('other_firm_admin', 'Matrix entry of the other firm');
  fixtures.editedEntryId = await create('admin', 'Matrix entry to edit', coCounsel);
  for (const kind of demoUsers)
    fixtures.toDelete[kind] = await create('admin', `Matrix entry for ${kind} to delete`);
  for (const kind of feedOwners) await makeFeed(world, credentials(world, kind));

  // Morgan signs in to another firm too; the feed is her demo-firm (attorney) account's.
  const accounts = (await world.database.db.execute(sql`
    select m.id from memberships m join identities i on i.id = m.identity_id
     where i.email = 'morgan@demo-firm.test' and m.firm_id = ${world.firmIds.demo}`)) as unknown as {
    rows: { id: string }[];
  };
  const demoAccount = accounts.rows[0]?.id;
  let morgan = await signIn(world.app, 'morgan@demo-firm.test', { ip: nextIp() });
  if (morgan.membership.id !== demoAccount) {
    morgan = sessionFrom(
      await world.app.inject({
        method: 'POST',
        url: '/api/v1/auth/switch',
        headers: morgan.auth,
        payload: { membership_id: demoAccount },
      }),
    );
  }
  fixtures.feedPath = await makeFeed(world, morgan.auth);
}

const entryUrl = (id: string) => `/api/v1/calendar_entries/${id}`;

export const calendarCases: RouteCase[] = [
  {
    route: 'GET /api/v1/calendar_entries',
    setup,
    request: (world, who) => ({
      method: 'GET',
      url: '/api/v1/calendar_entries',
      headers: credentials(world, who),
    }),
    expect: only([...firmUsers, ...coCounselKinds], 200),
  },
  {
    route: 'POST /api/v1/calendar_entries',
    label: "in the caller's own firm",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/calendar_entries',
      headers: credentials(world, who),
      payload: entry(`Matrix entry by ${who}`),
    }),
    // Co-counsel see the calendar but never add to it.
    expect: but(only(firmUsers, 201), coCounselKinds, 403),
  },
  {
    route: 'GET /api/v1/calendar_entries/:id',
    label: "the demo firm's entry co-counsel attends",
    request: (world, who) => ({
      method: 'GET',
      url: entryUrl(fixtures.demoEntryId),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/calendar_entries/:id',
    label: "the demo firm's entry co-counsel does not attend",
    request: (world, who) => ({
      method: 'GET',
      url: entryUrl(fixtures.unattendedEntryId),
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/calendar_entries/:id',
    label: "the other firm's entry",
    request: (world, who) => ({
      method: 'GET',
      url: entryUrl(fixtures.otherEntryId),
      headers: credentials(world, who),
    }),
    expect: only(otherFirmAdmins, 200),
  },
  {
    route: 'PATCH /api/v1/calendar_entries/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: entryUrl(fixtures.editedEntryId),
      headers: credentials(world, who),
      payload: { title: `Edited by ${who}` },
    }),
    expect: { ...only(demoUsers, 200), co_counsel: 403 },
  },
  {
    route: 'DELETE /api/v1/calendar_entries/:id',
    request: (world, who) => ({
      method: 'DELETE',
      url: entryUrl(fixtures.toDelete[who] ?? fixtures.demoEntryId),
      headers: credentials(world, who),
    }),
    expect: { ...only(demoUsers, 204), co_counsel: 403 },
  },
  {
    route: 'GET /api/v1/calendar_entries/:id/ics',
    label: "the demo firm's entry co-counsel attends",
    request: (world, who) => ({
      method: 'GET',
      url: `${entryUrl(fixtures.demoEntryId)}/ics`,
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/calendar_entries/:id/ics',
    label: "the other firm's entry",
    request: (world, who) => ({
      method: 'GET',
      url: `${entryUrl(fixtures.otherEntryId)}/ics`,
      headers: credentials(world, who),
    }),
    expect: only(otherFirmAdmins, 200),
  },
  {
    route: 'GET /api/v1/calendar_feed',
    request: (world, who) => ({
      method: 'GET',
      url: '/api/v1/calendar_feed',
      headers: credentials(world, who),
    }),
    expect: only(feedOwners, 200),
  },
  {
    route: 'POST /api/v1/calendar_feed',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/calendar_feed',
      headers: credentials(world, who),
    }),
    expect: only(feedOwners, 201),
  },
  {
    // After the rows above: each owner's feed (made in setup, rotated above) goes here.
    route: 'DELETE /api/v1/calendar_feed',
    request: (world, who) => ({
      method: 'DELETE',
      url: '/api/v1/calendar_feed',
      headers: credentials(world, who),
    }),
    expect: only(feedOwners, 204),
  },
  {
    route: 'GET /api/v1/calendar_feeds/:token',
    label: 'a live feed: the URL is the credential',
    request: () => ({ method: 'GET', url: fixtures.feedPath }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/calendar_feeds/:token',
    label: 'an unknown token',
    request: (world, who) => ({
      method: 'GET',
      url: '/api/v1/calendar_feeds/not-a-feed-token',
      headers: credentials(world, who),
    }),
    expect: everyone(404),
  },
];
