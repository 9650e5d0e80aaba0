import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarAttendees, calendarEntries } from '../../src/db/schema/calendar';
import { hashToken } from '../../src/lib/secret-tokens';
import { FEED_LOOKBACK_DAYS, FEED_MAX_EVENTS } from '../../src/modules/calendar/feed';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { makeContact } from '../support/factories/practice';
import { type SignedIn, sessionFrom, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';
import { calendarKit, icsEvents, icsLines } from './calendar-kit';

const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describe('calendar feeds', () => {
  let t: TestApp;
  const { nextIp, call, create, rows } = calendarKit(() => t, '10.73');
  let admin: SignedIn;
  let staff: SignedIn;
  let otherAdmin: SignedIn;

  /** Makes (or rotates) the caller's feed and answers its URL's path. */
  const makeFeed = async (session: SignedIn | { auth: { authorization: string } }) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar_feed',
      headers: session.auth,
      remoteAddress: nextIp(),
    });
    expect(response.statusCode, response.body).toBe(201);
    const { url, created_at } = response.json().data as { url: string; created_at: string };
    expect(url.startsWith(`${t.config.publicUrl}/api/v1/calendar_feeds/`)).toBe(true);
    expect(created_at).toEqual(expect.any(String));
    return new URL(url).pathname;
  };
  const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path, remoteAddress: nextIp() });
  const feedUids = async (path: string) => {
    const response = await fetchFeed(path);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return [...icsEvents(icsLines(response.body)).keys()];
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
  });
  afterAll(() => t.close());

  it("serves what its owner attends, from 90 days ago on, to anyone holding the URL; only the token's hash is kept", async () => {
    expect((await call(staff, 'GET', '/api/v1/calendar_feed')).statusCode).toBe(404);
    const contact = (await makeContact(t.database.db, admin.membership.firm_id)).id;
    const event = (title: string, start: number, end: number, attendees: object[]) =>
      create(admin, {
        title,
        starts_at: daysFromNow(start),
        ends_at: daysFromNow(end),
        time_zone: 'UTC',
        attendees,
      });
    const me = [{ type: 'user', id: staff.membership.id }];
    const longAgo = await event('Long ago', -(FEED_LOOKBACK_DAYS + 10), -(FEED_LOOKBACK_DAYS + 9), me);
    const spanning = await event('Spans the start', -(FEED_LOOKBACK_DAYS + 1), -(FEED_LOOKBACK_DAYS - 1), me);
    const recent = await event('Recent', -10, -10, me);
    const upcoming = await event('Upcoming', 5, 5.1, [{ type: 'contact', id: contact }, ...me]);
    const notMine = await event('Not mine', 6, 6.1, [
      { type: 'contact', id: contact },
      { type: 'user', id: admin.membership.id },
    ]);

    const path = await makeFeed(staff);
    const token = path.split('/').at(-1) ?? '';
    const uids = await feedUids(path);
    expect(uids).toEqual(expect.arrayContaining([spanning, recent, upcoming].map((e) => `${e.id}@chambers`)));
    expect(uids).not.toContain(`${longAgo.id}@chambers`);
    expect(uids).not.toContain(`${notMine.id}@chambers`);
    const lines = icsLines((await fetchFeed(path)).body);
    expect(lines).toContain('X-WR-CALNAME:Chambers — Demo Firm LLP');
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');

    const shown = await call(staff, 'GET', '/api/v1/calendar_feed');
    expect(shown.statusCode).toBe(200);
    expect(Object.keys(shown.json().data)).toEqual(['created_at']);
    expect(shown.body).not.toContain(token);
    const stored = await rows<{ token_hash: string }>(
      sql`select token_hash from calendar_feeds where membership_id = ${staff.membership.id}`,
    );
    expect(stored).toEqual([{ token_hash: hashToken(token) }]);
    const audited = await rows<{ action: string; details: unknown }>(
      sql`select action, details from audit_events where action = 'calendar_feed.rotated' and actor_membership_id = ${staff.membership.id}`,
    );
    expect(audited).toEqual([{ action: 'calendar_feed.rotated', details: { change: 'created' } }]);
  });

  it('rotating kills the old URL; deleting kills the current one', async () => {
    const first = await makeFeed(admin);
    expect((await fetchFeed(first)).statusCode).toBe(200);
    const second = await makeFeed(admin);
    expect(second).not.toBe(first);
    const gone = await fetchFeed(first);
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect((await fetchFeed(second)).statusCode).toBe(200);
    expect(
      await rows(sql`select id from calendar_feeds where membership_id = ${admin.membership.id}`),
    ).toHaveLength(1);

    expect((await call(admin, 'DELETE', '/api/v1/calendar_feed')).statusCode).toBe(204);
    expect((await fetchFeed(second)).statusCode).toBe(404);
    expect((await call(admin, 'GET', '/api/v1/calendar_feed')).statusCode).toBe(404);
    expect((await call(admin, 'DELETE', '/api/v1/calendar_feed')).statusCode).toBe(404);
    const audited = await rows<{ details: { change: string } }>(
      sql`select details from audit_events where action = 'calendar_feed.rotated' and actor_membership_id = ${admin.membership.id} order by id`,
    );
    expect(audited.map((event) => event.details.change)).toEqual(['created', 'rotated', 'revoked']);
    // Unknown and malformed tokens look alike.
    for (const bad of ['nope', 'a'.repeat(43), '%00']) {
      expect((await fetchFeed(`/api/v1/calendar_feeds/${bad}`)).statusCode, bad).toBe(404);
    }
  });

  it("is 404 once its owner's membership is deactivated (and back when reactivated)", async () => {
    const path = await makeFeed(staff);
    expect((await call(admin, 'POST', `/api/v1/users/${staff.membership.id}/deactivate`)).statusCode).toBe(
      200,
    );
    expect((await fetchFeed(path)).statusCode).toBe(404);
    expect((await call(admin, 'POST', `/api/v1/users/${staff.membership.id}/reactivate`)).statusCode).toBe(
      200,
    );
    expect((await fetchFeed(path)).statusCode).toBe(200);
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
  });

  it('is managed with an API token as well as a session; the anonymous have none', async () => {
    const minted = await call(otherAdmin, 'POST', '/api/v1/api_tokens', { name: 'calendar sync' });
    expect(minted.statusCode).toBe(201);
    const viaToken = { auth: { authorization: `Bearer ${minted.json().data.secret}` } };
    const path = await makeFeed(viaToken);
    // The other firm's feed holds none of the demo firm's entries.
    const body = (await fetchFeed(path)).body;
    expect(body).toContain('X-WR-CALNAME:Chambers — ');
    expect(body).not.toContain('Demo Firm');
    expect((await call(null, 'POST', '/api/v1/calendar_feed')).statusCode).toBe(401);
    expect((await call(null, 'DELETE', '/api/v1/calendar_feed')).statusCode).toBe(401);
  });

  it(`holds at most ${FEED_MAX_EVENTS} events, the earliest first`, async () => {
    const [morgan] = await rows<{ id: string; firm_id: string }>(
      sql`select m.id, m.firm_id from memberships m join identities i on i.id = m.identity_id
           where i.email = 'morgan@demo-firm.test' and m.firm_id = ${admin.membership.firm_id}`,
    );
    const firmId = morgan?.firm_id ?? '';
    const start = Date.now() + DAY_MS;
    const entries = await t.database.db
      .insert(calendarEntries)
      .values(
        Array.from({ length: FEED_MAX_EVENTS + 1 }, (_, i) => ({
          firmId,
          title: `Bulk ${i}`,
          startsAt: new Date(start + i * 60_000),
          endsAt: new Date(start + i * 60_000),
          timeZone: 'UTC',
          createdByMembershipId: admin.membership.id,
        })),
      )
      .returning({ id: calendarEntries.id, title: calendarEntries.title });
    await t.database.db
      .insert(calendarAttendees)
      .values(entries.map((entry) => ({ firmId, entryId: entry.id, membershipId: morgan?.id ?? '' })));
    // Morgan also co-counsels at the other firm: act as the demo firm's attorney.
    let session = await signIn(t.app, 'morgan@demo-firm.test', { ip: nextIp() });
    if (session.membership.id !== morgan?.id) {
      const switched = await call(session, 'POST', '/api/v1/auth/switch', { membership_id: morgan?.id });
      session = sessionFrom(switched);
    }
    const uids = await feedUids(await makeFeed(session));
    expect(uids).toHaveLength(FEED_MAX_EVENTS);
    const bulk = new Set(uids);
    expect(bulk.has(`${entries.at(-1)?.id}@chambers`)).toBe(false);
  });

  it('never keeps the feed URL for an Idempotency-Key replay: each POST makes a new one', async () => {
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/calendar_feed',
        headers: { ...staff.auth, 'idempotency-key': 'feed-key-1' },
        remoteAddress: nextIp(),
      });
    const first = await post();
    const second = await post();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json().data.url).not.toBe(first.json().data.url);
    expect((await fetchFeed(new URL(first.json().data.url).pathname)).statusCode).toBe(404);
    const stored = await rows<{ n: number }>(sql`select count(*)::int as n from idempotency_keys`);
    expect(stored[0]?.n).toBe(0);
  });
});
