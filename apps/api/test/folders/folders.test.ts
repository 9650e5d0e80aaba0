import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Folder {
  id: string;
  matter_id: string;
  parent_id: string | null;
  name: string;
  created_at: string;
  updated_at: string;
}

describe('folders', () => {
  let t: TestApp;
  let admin: SignedIn;
  let staff: SignedIn;
  let coCounsel: SignedIn;
  let otherAdmin: SignedIn;
  let matter: { id: string; rootFolderId: string };
  let secondMatter: { id: string; rootFolderId: string };
  let otherFirmMatter: { id: string; rootFolderId: string };

  const { nextIp, call, rows } = apiCalls(() => t, '10.70');
  const create = async (parentId: string, name: string, session: SignedIn = admin): Promise<Folder> => {
    const response = await call(session, 'POST', '/api/v1/folders', { parent_id: parentId, name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const countFolders = async () =>
    Number((await rows<{ n: number }>(sql`select count(*)::int as n from folders`))[0]?.n);
  const auditOf = (objectId: string) =>
    rows<{ action: string; actor_membership_id: string; details: Record<string, unknown> }>(
      sql`select action, actor_membership_id, details from audit_events where object_id = ${objectId} order by id`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    matter = await makeMatter(t.database.db, admin.membership.firm_id);
    secondMatter = await makeMatter(t.database.db, admin.membership.firm_id);
    otherFirmMatter = await makeMatter(t.database.db, otherAdmin.membership.firm_id);
  });
  afterAll(() => t.close());

  it('creates a folder in another: 201 with Location, in the parent’s matter, trimmed and NFC, audited', async () => {
    const response = await call(staff, 'POST', '/api/v1/folders', {
      parent_id: matter.rootFolderId,
      name: '  Re\u0301sume\u0301s ',
    });
    expect(response.statusCode, response.body).toBe(201);
    const folder: Folder = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/folders/${folder.id}`);
    expect(folder).toEqual({
      id: expect.any(String),
      matter_id: matter.id,
      parent_id: matter.rootFolderId,
      name: 'Résumés',
      created_at: expect.any(String),
      updated_at: folder.created_at,
    });
    expect(folder.name).toBe('R\u00e9sum\u00e9s');
    const shown = await call(admin, 'GET', String(response.headers.location));
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toEqual(folder);
    expect(await auditOf(folder.id)).toEqual([
      {
        action: 'folder.created',
        actor_membership_id: staff.membership.id,
        details: { matter_id: matter.id, parent_id: matter.rootFolderId, name: 'Résumés' },
      },
    ]);
  });

  it('refuses names that are blank, too long, "." or "..", or hold separators or control characters (400)', async () => {
    const before = await countFolders();
    for (const name of [
      '',
      '   ',
      '.',
      ' .. ',
      'a/b',
      'a\\b',
      'nul\u0000byte',
      'line\nbreak',
      'tab\there',
      'bell\u0007',
      'del\u007f',
      'para\u2029graph',
      'evil\u202Efdp.exe',
      'x'.repeat(256),
    ]) {
      const response = await call(admin, 'POST', '/api/v1/folders', { parent_id: matter.rootFolderId, name });
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(errorPaths(response), JSON.stringify(name)).toBe('body/name');
    }
    for (const payload of [
      { parent_id: matter.rootFolderId },
      { name: 'No parent' },
      { parent_id: 'nope', name: 'X' },
      { parent_id: matter.rootFolderId, name: 'X', matter_id: matter.id },
      { parent_id: matter.rootFolderId, name: { text: 'X' } },
    ]) {
      const response = await call(admin, 'POST', '/api/v1/folders', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await countFolders()).toBe(before);
    // Dots inside a name, and 255 characters (astral ones count once), are fine.
    await create(matter.rootFolderId, '..hidden..');
    await create(matter.rootFolderId, `${'😀'.repeat(5)}${'x'.repeat(250)}`);
  });

  it('refuses a sibling’s name ignoring case (409), but not a cousin’s', async () => {
    const parent = await create(matter.rootFolderId, 'Correspondence');
    await create(parent.id, 'Incoming');
    const clash = await call(admin, 'POST', '/api/v1/folders', { parent_id: parent.id, name: ' INCOMING ' });
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toContain('application/problem+json');
    expect(clash.json().detail).toContain('INCOMING');
    const cousin = await create(matter.rootFolderId, 'Incoming');
    expect(cousin.parent_id).toBe(matter.rootFolderId);
    expect(
      (await rows(sql`select id from folders where parent_id = ${parent.id} and lower(name) = 'incoming'`))
        .length,
    ).toBe(1);
  });

  it("refuses another firm's folder, or an unknown one, as parent (422) and writes nothing", async () => {
    const before = await countFolders();
    for (const id of [otherFirmMatter.rootFolderId, '0190a000-0000-7000-8000-0000000000ff']) {
      const response = await call(admin, 'POST', '/api/v1/folders', { parent_id: id, name: 'Sneaky' });
      expect(response.statusCode).toBe(422);
      expect(errorPaths(response)).toBe('/parent_id');
    }
    expect(await countFolders()).toBe(before);
  });

  it('lists a matter’s tree, one folder’s children, changes since; pages by limit and cursor', async () => {
    const pleadings = await create(secondMatter.rootFolderId, 'Pleadings');
    const drafts = await create(pleadings.id, 'Drafts');
    const filed = await create(pleadings.id, 'Filed');
    const evidence = await create(secondMatter.rootFolderId, 'Evidence');

    const pages: Folder[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `matter_id=${secondMatter.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await call(staff, 'GET', `/api/v1/folders?${query}`);
      expect(response.statusCode).toBe(200);
      pages.push(response.json().data);
      cursor = response.json().meta.next_cursor;
    } while (cursor);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    const tree = pages.flat();
    expect(tree.map((folder) => [folder.name, folder.parent_id])).toEqual([
      ['Documents', null],
      ['Pleadings', secondMatter.rootFolderId],
      ['Drafts', pleadings.id],
      ['Filed', pleadings.id],
      ['Evidence', secondMatter.rootFolderId],
    ]);

    const children = await call(staff, 'GET', `/api/v1/folders?parent_id=${pleadings.id}`);
    expect(children.json().data.map((folder: Folder) => folder.id)).toEqual([drafts.id, filed.id]);
    const roots = await call(staff, 'GET', `/api/v1/folders?parent_id=${secondMatter.rootFolderId}`);
    expect(roots.json().data.map((folder: Folder) => folder.id)).toEqual([pleadings.id, evidence.id]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const renamed = await call(staff, 'PATCH', `/api/v1/folders/${filed.id}`, { name: 'Filed 2026' });
    const since = renamed.json().data.updated_at;
    const recent = await call(
      staff,
      'GET',
      `/api/v1/folders?matter_id=${secondMatter.id}&updated_since=${encodeURIComponent(since)}`,
    );
    expect(recent.json().data.map((folder: Folder) => folder.name)).toEqual(['Filed 2026']);

    // The other firm sees none of them, nor can it list a demo folder's children.
    expect(
      (await call(otherAdmin, 'GET', `/api/v1/folders?matter_id=${secondMatter.id}`)).json().data,
    ).toEqual([]);
    expect((await call(otherAdmin, 'GET', `/api/v1/folders?parent_id=${pleadings.id}`)).json().data).toEqual(
      [],
    );
    for (const query of [
      'matter_id=nope',
      'parent_id=1',
      'updated_since=today',
      'limit=201',
      'cursor=bm9wZQ',
      'q=x',
    ]) {
      expect((await call(admin, 'GET', `/api/v1/folders?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('renames and moves within the matter, audited; refuses other matters and cycles (422)', async () => {
    const a = await create(matter.rootFolderId, 'Move A');
    const b = await create(matter.rootFolderId, 'Move B');
    const aChild = await create(a.id, 'A child');
    const aGrandchild = await create(aChild.id, 'A grandchild');
    const elsewhere = await create(secondMatter.rootFolderId, 'Elsewhere');

    const moved = await call(admin, 'PATCH', `/api/v1/folders/${a.id}`, { parent_id: b.id, name: 'Moved A' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().data).toMatchObject({
      id: a.id,
      parent_id: b.id,
      name: 'Moved A',
      matter_id: matter.id,
    });
    // Its sub-folders came along.
    expect((await call(admin, 'GET', `/api/v1/folders/${aGrandchild.id}`)).json().data.parent_id).toBe(
      aChild.id,
    );

    for (const [parentId, why] of [
      [a.id, 'itself'],
      [aChild.id, 'its child'],
      [aGrandchild.id, 'its grandchild'],
      [elsewhere.id, 'another matter'],
      [secondMatter.rootFolderId, "another matter's root"],
    ] as const) {
      const response = await call(admin, 'PATCH', `/api/v1/folders/${a.id}`, { parent_id: parentId });
      expect(response.statusCode, why).toBe(422);
      expect(errorPaths(response), why).toBe('/parent_id');
    }
    // Moving B into A's grandchild would make B its own ancestor too.
    expect(
      (await call(admin, 'PATCH', `/api/v1/folders/${b.id}`, { parent_id: aGrandchild.id })).statusCode,
    ).toBe(422);
    for (const id of [otherFirmMatter.rootFolderId, '0190a000-0000-7000-8000-0000000000ff']) {
      const response = await call(admin, 'PATCH', `/api/v1/folders/${a.id}`, { parent_id: id });
      expect(response.statusCode).toBe(422);
      expect(errorPaths(response)).toBe('/parent_id');
    }
    expect((await call(admin, 'GET', `/api/v1/folders/${a.id}`)).json().data.parent_id).toBe(b.id);

    // Back to the root, where a sibling's name (ignoring case) is refused.
    await create(matter.rootFolderId, 'Taken');
    const clash = await call(admin, 'PATCH', `/api/v1/folders/${a.id}`, {
      parent_id: matter.rootFolderId,
      name: 'TAKEN',
    });
    expect(clash.statusCode).toBe(409);
    const back = await call(admin, 'PATCH', `/api/v1/folders/${a.id}`, { parent_id: matter.rootFolderId });
    expect(back.json().data.parent_id).toBe(matter.rootFolderId);
    // A case-only rename is not a clash with itself.
    expect(
      (await call(admin, 'PATCH', `/api/v1/folders/${a.id}`, { name: 'MOVED a' })).json().data.name,
    ).toBe('MOVED a');
    expect((await call(admin, 'PATCH', `/api/v1/folders/${a.id}`, {})).statusCode).toBe(400);
    expect((await call(admin, 'PATCH', `/api/v1/folders/${a.id}`, { name: 'a/b' })).statusCode).toBe(400);
    expect(
      (await call(admin, 'PATCH', `/api/v1/folders/${a.id}`, { matter_id: secondMatter.id })).statusCode,
    ).toBe(400);

    const events = await auditOf(a.id);
    expect(events.map((event) => event.action)).toEqual([
      'folder.created',
      'folder.updated',
      'folder.updated',
      'folder.updated',
    ]);
    expect(events[1]?.details).toEqual({
      matter_id: matter.id,
      name: 'Moved A',
      previous_name: 'Move A',
      parent_id: b.id,
      previous_parent_id: matter.rootFolderId,
    });
  });

  it('never lets two concurrent moves make a cycle: one wins, the other is refused (422)', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await create(matter.rootFolderId, `Race A${round}`);
      const b = await create(matter.rootFolderId, `Race B${round}`);
      const [intoB, intoA] = await Promise.all([
        call(admin, 'PATCH', `/api/v1/folders/${a.id}`, { parent_id: b.id }),
        call(staff, 'PATCH', `/api/v1/folders/${b.id}`, { parent_id: a.id }),
      ]);
      expect([intoB.statusCode, intoA.statusCode].sort(), `${intoB.body} ${intoA.body}`).toEqual([200, 422]);
    }
    // Every folder of the matter still reaches the root by following parents.
    const cyclic = await rows(sql`with recursive reach (id) as (
            select id from folders where matter_id = ${matter.id} and parent_id is null
            union all
            select f.id from folders f join reach on f.parent_id = reach.id
          )
          select id from folders where matter_id = ${matter.id} and id not in (select id from reach)`);
    expect(cyclic).toEqual([]);
  });

  it('keeps the root folder: it cannot be renamed, moved or deleted (422)', async () => {
    const sub = await create(matter.rootFolderId, 'Root rules');
    const url = `/api/v1/folders/${matter.rootFolderId}`;
    for (const [method, payload] of [
      ['PATCH', { name: 'Renamed root' }],
      ['PATCH', { parent_id: sub.id }],
      ['DELETE', undefined],
    ] as const) {
      const response = await call(admin, method, url, payload);
      expect(response.statusCode, `${method} ${JSON.stringify(payload)}`).toBe(422);
    }
    expect((await call(admin, 'DELETE', `${url}?recursive=true`)).statusCode).toBe(422);
    expect((await call(admin, 'GET', url)).json().data).toMatchObject({ name: 'Documents', parent_id: null });
  });

  it('updates with a fresh If-Match (200) and refuses a stale one (412) without changing anything', async () => {
    const folder = await create(matter.rootFolderId, 'Conditional');
    const url = `/api/v1/folders/${folder.id}`;
    const etag = String((await call(admin, 'GET', url)).headers.etag);
    const updated = await call(admin, 'PATCH', url, { name: 'Conditional 2' }, { 'if-match': etag });
    expect(updated.statusCode).toBe(200);
    expect(
      (await call(admin, 'PATCH', url, { name: 'Conditional 3' }, { 'if-match': etag })).statusCode,
    ).toBe(412);
    expect((await call(admin, 'DELETE', url, undefined, { 'if-match': etag })).statusCode).toBe(412);
    expect((await call(admin, 'GET', url)).json().data.name).toBe('Conditional 2');
    const fresh = String((await call(admin, 'GET', url)).headers.etag);
    expect(
      (await call(admin, 'DELETE', `${url}?recursive=true`, undefined, { 'if-match': fresh })).statusCode,
    ).toBe(204);
  });

  it('deletes an empty folder (204, then 404), audited; a non-empty one only with recursive=true (409)', async () => {
    const empty = await create(matter.rootFolderId, 'Empty');
    expect((await call(staff, 'DELETE', `/api/v1/folders/${empty.id}`)).statusCode).toBe(204);
    expect((await call(staff, 'GET', `/api/v1/folders/${empty.id}`)).statusCode).toBe(404);
    expect((await call(staff, 'DELETE', `/api/v1/folders/${empty.id}`)).statusCode).toBe(404);
    const events = await auditOf(empty.id);
    expect(events.map((event) => event.action)).toEqual(['folder.created', 'folder.deleted']);
    expect(events[1]?.details).toEqual({
      matter_id: matter.id,
      name: 'Empty',
      recursive: false,
      folders_deleted: 1,
      documents_deleted: 0,
    });

    const parent = await create(matter.rootFolderId, 'Not empty');
    await create(parent.id, 'Child one');
    await create(parent.id, 'Child two');
    const refused = await call(staff, 'DELETE', `/api/v1/folders/${parent.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('2 folders and 0 documents');
    expect((await call(staff, 'DELETE', `/api/v1/folders/${parent.id}?recursive=false`)).statusCode).toBe(
      409,
    );
    expect((await call(staff, 'DELETE', `/api/v1/folders/${parent.id}?recursive=maybe`)).statusCode).toBe(
      400,
    );
    expect((await call(staff, 'DELETE', `/api/v1/folders/${parent.id}?force=true`)).statusCode).toBe(400);
    expect((await call(staff, 'GET', `/api/v1/folders?parent_id=${parent.id}`)).json().data).toHaveLength(2);
  });

  it('replays a create with the same Idempotency-Key, and refuses the key with another body (422)', async () => {
    const payload = { parent_id: matter.rootFolderId, name: 'Retried folder' };
    const headers = { 'idempotency-key': 'folder-retry-1' };
    const first = await call(admin, 'POST', '/api/v1/folders', payload, headers);
    const retry = await call(admin, 'POST', '/api/v1/folders', payload, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    const other = await call(admin, 'POST', '/api/v1/folders', { ...payload, name: 'Changed' }, headers);
    expect(other.statusCode).toBe(422);
    expect(await rows(sql`select id from folders where name in ('Retried folder', 'Changed')`)).toHaveLength(
      1,
    );
  });

  it("hides one firm's folders from another firm and from co-counsel it is not shared with (404; 422 to file into), and changes nothing", async () => {
    const folder = await create(matter.rootFolderId, 'Private');
    const url = `/api/v1/folders/${folder.id}`;
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { name: 'Taken over' }],
      ['DELETE', undefined],
    ] as const) {
      for (const session of [otherAdmin, coCounsel]) {
        expect((await call(session, method, url, payload)).statusCode, method).toBe(404);
      }
    }
    expect((await call(otherAdmin, 'DELETE', `${url}?recursive=true`)).statusCode).toBe(404);
    // Co-counsel lists folders, but none of a matter not shared with it, and cannot file into it.
    const listed = await call(coCounsel, 'GET', `/api/v1/folders?matter_id=${matter.id}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data).toEqual([]);
    expect(
      (await call(coCounsel, 'POST', '/api/v1/folders', { parent_id: matter.rootFolderId, name: 'X' }))
        .statusCode,
    ).toBe(422);
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
    expect((await call(admin, 'GET', url)).json().data.name).toBe('Private');
    expect((await call(admin, 'GET', '/api/v1/folders/not-an-id')).statusCode).toBe(400);
  });
});
