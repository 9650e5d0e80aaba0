import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Note {
  id: string;
  matter_id: string;
  subject: string;
  body: string;
  author: { type: string; id: string; name: string };
  date: string;
  created_at: string;
  updated_at: string;
}

describe('notes', () => {
  let t: TestApp;
  let admin: SignedIn;
  let staff: SignedIn;
  let coCounsel: SignedIn;
  let otherAdmin: SignedIn;
  let matterId: string;
  let secondMatterId: string;
  let otherFirmMatterId: string;

  const { nextIp, call, rows } = apiCalls(() => t, '10.64');
  const create = async (session: SignedIn, payload: object): Promise<Note> => {
    const response = await call(session, 'POST', '/api/v1/notes', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const countNotes = async () =>
    Number((await rows<{ n: number }>(sql`select count(*)::int as n from notes`))[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    matterId = (await makeMatter(t.database.db, admin.membership.firm_id)).id;
    secondMatterId = (await makeMatter(t.database.db, admin.membership.firm_id)).id;
    otherFirmMatterId = (await makeMatter(t.database.db, otherAdmin.membership.firm_id)).id;
  });
  afterAll(() => t.close());

  it('writes a note: 201 with Location, the caller as author, today (UTC) as date, audited', async () => {
    const response = await call(staff, 'POST', '/api/v1/notes', {
      matter_id: matterId,
      subject: 'Intake call',
      body: '<script>alert(1)</script>\nKept as text.',
    });
    expect(response.statusCode).toBe(201);
    const note: Note = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/notes/${note.id}`);
    expect(note).toEqual({
      id: expect.any(String),
      matter_id: matterId,
      subject: 'Intake call',
      body: '<script>alert(1)</script>\nKept as text.',
      author: { type: 'user', id: staff.membership.id, name: 'Sam Staff' },
      date: new Date().toISOString().slice(0, 10),
      created_at: expect.any(String),
      updated_at: note.created_at,
    });
    const shown = await call(admin, 'GET', String(response.headers.location));
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toEqual(note);

    const events = await rows<{ action: string; actor_membership_id: string }>(
      sql`select action, actor_membership_id from audit_events where object_id = ${note.id}`,
    );
    expect(events).toEqual([{ action: 'note.created', actor_membership_id: staff.membership.id }]);

    const dated = await create(admin, { matter_id: matterId, subject: 'Backdated', date: '2026-03-01' });
    expect(dated).toMatchObject({ date: '2026-03-01', body: '' });
  });

  it('refuses unknown fields, wrong types and oversize bodies (400), writing nothing', async () => {
    const before = await countNotes();
    for (const payload of [
      { matter_id: matterId, subject: 'X', firm_id: otherAdmin.membership.firm_id },
      { matter_id: matterId, subject: 'X', author: { type: 'user', id: staff.membership.id } },
      { matter_id: matterId, subject: { text: 'X' } },
      { matter_id: matterId, subject: 'X', body: ['a', 'b'] },
      { matter_id: matterId, subject: '   ' },
      { matter_id: matterId, subject: 'X', date: '01/03/2026' },
      { matter_id: 'not-a-uuid', subject: 'X' },
      { subject: 'No matter' },
      { matter_id: matterId, subject: 'X', body: 'x'.repeat(100_001) },
    ]) {
      const response = await call(admin, 'POST', '/api/v1/notes', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
    }
    expect(
      (
        await call(admin, 'POST', '/api/v1/notes', {
          matter_id: matterId,
          subject: 'Max',
          body: 'x'.repeat(100_000),
        })
      ).statusCode,
    ).toBe(201);
    expect(await countNotes()).toBe(before + 1);
  });

  it("refuses another firm's matter or an unknown one as matter_id (422) and writes nothing", async () => {
    const before = await countNotes();
    for (const id of [otherFirmMatterId, '0190a000-0000-7000-8000-0000000000ff']) {
      const response = await call(admin, 'POST', '/api/v1/notes', { matter_id: id, subject: 'Sneaky' });
      expect(response.statusCode).toBe(422);
      expect(errorPaths(response)).toBe('/matter_id');
    }
    expect(await countNotes()).toBe(before);
  });

  it('lists with matter_id and updated_since filters, and pages with limit and cursor', async () => {
    const onSecond = [];
    for (const subject of ['One', 'Two', 'Three', 'Four', 'Five']) {
      onSecond.push(await create(staff, { matter_id: secondMatterId, subject }));
    }
    const pages: Note[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `matter_id=${secondMatterId}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await call(admin, 'GET', `/api/v1/notes?${query}`);
      expect(response.statusCode).toBe(200);
      pages.push(response.json().data);
      cursor = response.json().meta.next_cursor;
    } while (cursor);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((note) => note.subject)).toEqual(['One', 'Two', 'Three', 'Four', 'Five']);

    const all: Note[] = (await call(admin, 'GET', '/api/v1/notes?limit=200')).json().data;
    expect(all.some((note) => note.matter_id === matterId)).toBe(true);
    expect(all.some((note) => note.matter_id === secondMatterId)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = await call(admin, 'PATCH', `/api/v1/notes/${onSecond[2]?.id}`, {
      subject: 'Three, edited',
    });
    const since = changed.json().data.updated_at;
    const recent = await call(admin, 'GET', `/api/v1/notes?updated_since=${encodeURIComponent(since)}`);
    expect(recent.json().data.map((note: Note) => note.subject)).toEqual(['Three, edited']);

    // The other firm sees none of them; malformed filters are 400.
    expect((await call(otherAdmin, 'GET', '/api/v1/notes')).json().data).toEqual([]);
    for (const query of [
      'matter_id=nope',
      'updated_since=yesterday',
      'limit=0',
      'cursor=bm9wZQ',
      'matterid=x',
    ]) {
      expect((await call(admin, 'GET', `/api/v1/notes?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('updates with a fresh If-Match (200) and refuses a stale one (412) without changing anything', async () => {
    const note = await create(staff, { matter_id: matterId, subject: 'Draft', body: 'v1' });
    const url = `/api/v1/notes/${note.id}`;
    const etag = String((await call(admin, 'GET', url)).headers.etag);
    const updated = await call(admin, 'PATCH', url, { body: 'v2', date: '2026-02-02' }, { 'if-match': etag });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().data).toMatchObject({
      subject: 'Draft',
      body: 'v2',
      date: '2026-02-02',
      author: { id: staff.membership.id },
    });
    const stale = await call(admin, 'PATCH', url, { body: 'v3' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect((await call(admin, 'GET', url)).json().data.body).toBe('v2');

    // A note stays on its matter; an empty change is refused.
    expect((await call(admin, 'PATCH', url, { matter_id: secondMatterId })).statusCode).toBe(400);
    expect((await call(admin, 'PATCH', url, {})).statusCode).toBe(400);
    const actions = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${note.id} order by id`,
    );
    expect(actions.map((event) => event.action)).toEqual(['note.created', 'note.updated']);
  });

  it('deletes (204, then 404), audited', async () => {
    const note = await create(admin, { matter_id: matterId, subject: 'Temporary' });
    const url = `/api/v1/notes/${note.id}`;
    expect((await call(staff, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(staff, 'GET', url)).statusCode).toBe(404);
    expect((await call(staff, 'DELETE', url)).statusCode).toBe(404);
    const actions = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${note.id} order by id`,
    );
    expect(actions.map((event) => event.action)).toEqual(['note.created', 'note.deleted']);
  });

  it('replays a create with the same Idempotency-Key, and refuses the key with another body (422)', async () => {
    const payload = { matter_id: matterId, subject: 'Retried' };
    const headers = { 'idempotency-key': 'note-retry-1' };
    const first = await call(admin, 'POST', '/api/v1/notes', payload, headers);
    const retry = await call(admin, 'POST', '/api/v1/notes', payload, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    const other = await call(admin, 'POST', '/api/v1/notes', { ...payload, subject: 'Changed' }, headers);
    expect(other.statusCode).toBe(422);
    const stored = await rows<{ subject: string }>(
      sql`select subject from notes where subject in ('Retried', 'Changed')`,
    );
    expect(stored).toEqual([{ subject: 'Retried' }]);
  });

  it("hides one firm's notes from another firm and from co-counsel the matter is not shared with (404), and changes nothing", async () => {
    const note = await create(admin, { matter_id: matterId, subject: 'Private' });
    const url = `/api/v1/notes/${note.id}`;
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { subject: 'Taken over' }],
      ['DELETE', undefined],
    ] as const) {
      for (const session of [otherAdmin, coCounsel]) {
        expect((await call(session, method, url, payload)).statusCode, method).toBe(404);
      }
    }
    expect((await call(coCounsel, 'GET', `/api/v1/notes?matter_id=${matterId}`)).json().data).toEqual([]);
    // Co-counsel never write notes, so it is told so (403) before anything is looked up.
    expect(
      (await call(coCounsel, 'POST', '/api/v1/notes', { matter_id: matterId, subject: 'X' })).statusCode,
    ).toBe(403);
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
    expect((await call(admin, 'GET', url)).json().data.subject).toBe('Private');
    expect((await call(admin, 'GET', '/api/v1/notes/not-an-id')).statusCode).toBe(400);
  });
});
