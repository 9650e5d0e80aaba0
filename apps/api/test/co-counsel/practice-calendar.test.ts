import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icsEvents, icsLines } from '../calendar/calendar-kit';
import { apiCalls } from '../support/api-calls';
import { makeMatter } from '../support/factories/practice';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  type CoCounsel,
  makeCoCounsel,
  type PracticeFirm,
  seedPracticeFirm,
  share,
  stopSharing,
} from './practice-firm';

const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

/** A co-counsel's calendar: the entries it attends, read-only, and a feed of exactly those. */
describe('co-counsel on the calendar', () => {
  let t: TestApp;
  let firm: PracticeFirm;
  let counsel: CoCounsel;
  let colleague: CoCounsel;
  const { nextIp, call, rows } = apiCalls(() => t, '10.92');
  const ids = { attended: '', internal: '', colleagues: '' };

  const attendee = (who: CoCounsel) => ({ type: 'contact', id: who.contactId });
  const create = async (title: string, attendees: object[]) => {
    const response = await call(firm.admin, 'POST', '/api/v1/calendar_entries', {
      title,
      starts_at: daysFromNow(3),
      ends_at: daysFromNow(3.05),
      time_zone: 'UTC',
      attendees,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id as string;
  };
  const listed = async (who: CoCounsel) => {
    const response = await call(who.session, 'GET', '/api/v1/calendar_entries?limit=200');
    expect(response.statusCode, response.body).toBe(200);
    return new Set((response.json().data as { id: string }[]).map((entry) => entry.id));
  };
  const entries = () => rows(sql`select id, title, updated_at from calendar_entries order by id`);

  beforeAll(async () => {
    t = await createTestApp();
    firm = await seedPracticeFirm(t, nextIp);
    counsel = await makeCoCounsel(t, firm.firmId, { email: 'calendar-counsel@outside.test', ip: nextIp() });
    colleague = await makeCoCounsel(t, firm.firmId, {
      email: 'calendar-colleague@outside.test',
      ip: nextIp(),
    });
    const me = { type: 'user', id: firm.admin.membership.id };
    ids.attended = await create('Strategy call', [me, attendee(counsel)]);
    ids.internal = await create('Internal review', [me]);
    ids.colleagues = await create('Colleague call', [me, attendee(colleague)]);
  });
  afterAll(() => t.close());

  it('lists and reads exactly the entries it attends, with their .ics', async () => {
    expect(await listed(counsel)).toEqual(new Set([ids.attended]));
    expect(await listed(colleague)).toEqual(new Set([ids.colleagues]));
    const url = `/api/v1/calendar_entries/${ids.attended}`;
    expect((await call(counsel.session, 'GET', url)).json().data.title).toBe('Strategy call');
    expect((await call(counsel.session, 'GET', `${url}/ics`)).statusCode).toBe(200);
    for (const id of [ids.internal, ids.colleagues]) {
      for (const suffix of ['', '/ics']) {
        const response = await call(counsel.session, 'GET', `/api/v1/calendar_entries/${id}${suffix}`);
        expect(response.statusCode, `${id}${suffix}`).toBe(404);
      }
    }
  });

  it('does not name a matter that is not shared with it: matter_id is null until the matter is shared', async () => {
    const matter = await makeMatter(t.database.db, firm.firmId);
    const url = `/api/v1/calendar_entries/${ids.attended}`;
    const moved = await call(firm.admin, 'PATCH', url, { matter_id: matter.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const matterOf = async () => {
      const listedEntry = (await call(counsel.session, 'GET', '/api/v1/calendar_entries?limit=200')).json()
        .data[0];
      return [listedEntry.matter_id, (await call(counsel.session, 'GET', url)).json().data.matter_id];
    };
    expect(await matterOf()).toEqual([null, null]);
    expect((await call(firm.admin, 'GET', url)).json().data.matter_id).toBe(matter.id);
    const shareId = await share(t.database.db, {
      firmId: firm.firmId,
      contactId: counsel.contactId,
      sharedBy: firm.admin.membership.id,
      matterId: matter.id,
    });
    expect(await matterOf()).toEqual([matter.id, matter.id]);
    await stopSharing(t.database.db, shareId);
    await call(firm.admin, 'PATCH', url, { matter_id: null });
  });

  it('may not create (403), change or delete what it attends (403), or what it does not (404); nothing changes', async () => {
    const before = await entries();
    const made = await call(counsel.session, 'POST', '/api/v1/calendar_entries', {
      title: 'Mine',
      starts_at: daysFromNow(4),
      ends_at: daysFromNow(4.05),
      time_zone: 'UTC',
    });
    expect(made.statusCode).toBe(403);
    for (const [id, status] of [
      [ids.attended, 403],
      [ids.internal, 404],
    ] as const) {
      const url = `/api/v1/calendar_entries/${id}`;
      expect((await call(counsel.session, 'PATCH', url, { title: 'Moved' })).statusCode, url).toBe(status);
      expect((await call(counsel.session, 'DELETE', url)).statusCode, url).toBe(status);
    }
    expect(await entries()).toEqual(before);
  });

  it('has a secret feed of the entries it attends as its contact card, and of nothing else', async () => {
    expect((await call(counsel.session, 'GET', '/api/v1/calendar_feed')).statusCode).toBe(404);
    const made = await call(counsel.session, 'POST', '/api/v1/calendar_feed');
    expect(made.statusCode, made.body).toBe(201);
    const path = new URL(made.json().data.url).pathname;
    const feed = await t.app.inject({ method: 'GET', url: path, remoteAddress: nextIp() });
    expect(feed.statusCode).toBe(200);
    expect([...icsEvents(icsLines(feed.body)).keys()]).toEqual([`${ids.attended}@chambers`]);
    expect((await call(counsel.session, 'GET', '/api/v1/calendar_feed')).statusCode).toBe(200);
    expect((await call(counsel.session, 'DELETE', '/api/v1/calendar_feed')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: path, remoteAddress: nextIp() })).statusCode).toBe(404);
  });

  it('loses an entry on the next request once it is taken off its attendees', async () => {
    const url = `/api/v1/calendar_entries/${ids.attended}`;
    const changed = await call(firm.admin, 'PATCH', url, {
      attendees: [{ type: 'user', id: firm.admin.membership.id }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await call(counsel.session, 'GET', url)).statusCode).toBe(404);
    expect(await listed(counsel)).toEqual(new Set());
  });
});
