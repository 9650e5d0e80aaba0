import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folders } from '../../src/db/schema/documents';
import { makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import { pdf, png } from './fixtures';
import { type DocumentsWorld, documentsWorld, type UploadedDocument } from './support';

describe('documents', () => {
  let w: DocumentsWorld;
  let pleadingsId: string;
  let secondMatter: { id: string; rootFolderId: string };

  const get = (url: string, session = w.staff, headers: Record<string, string> = {}) =>
    w.inject(session, { method: 'GET', url, headers });
  const patch = (id: string, payload: object, headers: Record<string, string> = {}, session = w.staff) =>
    w.inject(session, { method: 'PATCH', url: `/api/v1/documents/${id}`, payload, headers });
  const remove = (id: string, headers: Record<string, string> = {}, session = w.staff) =>
    w.inject(session, { method: 'DELETE', url: `/api/v1/documents/${id}`, headers });
  const restore = (id: string, session = w.staff) =>
    w.inject(session, { method: 'POST', url: `/api/v1/documents/${id}/restore` });
  const names = (response: { json(): { data: UploadedDocument[] } }) =>
    response.json().data.map((document) => document.name);
  const auditOf = (id: string) =>
    w.rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${id} order by created_at, id`,
    );

  beforeAll(async () => {
    w = await documentsWorld('disk');
    const [folder] = await w.t.database.db
      .insert(folders)
      .values({
        firmId: w.admin.membership.firm_id,
        matterId: w.matter.id,
        parentId: w.matter.rootFolderId,
        name: 'Pleadings',
      })
      .returning();
    pleadingsId = folder?.id ?? '';
    const made = await makeMatter(w.t.database.db, w.admin.membership.firm_id);
    secondMatter = { id: made.id, rootFolderId: made.rootFolderId };
  });
  afterAll(() => w.close());

  it('reads one document with an ETag (304 when unchanged); 404 for another firm or an unknown id', async () => {
    const document = await w.uploadOne(w.staff, w.matter.rootFolderId, { name: 'Read me.pdf', data: pdf() });
    const shown = await get(`/api/v1/documents/${document.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toEqual(document);
    const etag = String(shown.headers.etag);
    expect(
      (await get(`/api/v1/documents/${document.id}`, w.staff, { 'if-none-match': etag })).statusCode,
    ).toBe(304);
    expect((await get(`/api/v1/documents/${document.id}`, w.otherAdmin)).statusCode).toBe(404);
    expect((await get('/api/v1/documents/0190a000-0000-7000-8000-0000000000ab')).statusCode).toBe(404);
    expect((await get('/api/v1/documents/not-an-id')).statusCode).toBe(400);
  });

  it('lists with matter, folder, name and updated_since filters, paging by keyset', async () => {
    const before = new Date().toISOString();
    const made: UploadedDocument[] = [];
    for (const [folderId, name] of [
      [w.matter.rootFolderId, 'Retainer agreement.pdf'],
      [pleadingsId, 'Complaint.pdf'],
      [pleadingsId, 'Answer to complaint.pdf'],
      [secondMatter.rootFolderId, '100%_done.pdf'],
      [secondMatter.rootFolderId, 'Photo.png'],
    ] as const) {
      made.push(await w.uploadOne(w.staff, folderId, { name, data: name.endsWith('.png') ? png : pdf() }));
    }
    expect(names(await get(`/api/v1/documents?folder_id=${pleadingsId}`))).toEqual([
      'Complaint.pdf',
      'Answer to complaint.pdf',
    ]);
    expect(names(await get(`/api/v1/documents?matter_id=${secondMatter.id}`))).toEqual([
      '100%_done.pdf',
      'Photo.png',
    ]);
    expect(names(await get(`/api/v1/documents?q=COMPLAINT&matter_id=${w.matter.id}`))).toEqual([
      'Complaint.pdf',
      'Answer to complaint.pdf',
    ]);
    // The caller's wildcards match themselves.
    expect(names(await get('/api/v1/documents?q=%25_'))).toEqual(['100%_done.pdf']);
    expect(names(await get(`/api/v1/documents?updated_since=${encodeURIComponent(before)}`))).toEqual(
      made.map((document) => document.name),
    );
    expect((await get('/api/v1/documents', w.otherAdmin)).json().data).toEqual([]);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = await get(
        `/api/v1/documents?updated_since=${encodeURIComponent(before)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(names(page));
      cursor = page.json().meta.next_cursor;
    } while (cursor);
    expect(pages).toEqual([
      ['Retainer agreement.pdf', 'Complaint.pdf'],
      ['Answer to complaint.pdf', '100%_done.pdf'],
      ['Photo.png'],
    ]);
    for (const query of ['owner=me', 'cursor=nonsense', 'limit=0', 'deleted=maybe', 'matter_id=x']) {
      expect((await get(`/api/v1/documents?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('renames (sanitised) and moves within its matter, audited; If-Match guards against stale edits', async () => {
    const document = await w.uploadOne(w.staff, w.matter.rootFolderId, { name: 'draft.pdf', data: pdf() });
    const etag = String((await get(`/api/v1/documents/${document.id}`)).headers.etag);
    const renamed = await patch(document.id, { name: ' Motion\u0000 to dismiss.pdf ' }, { 'if-match': etag });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().data).toMatchObject({
      name: 'Motion to dismiss.pdf',
      folder_id: w.matter.rootFolderId,
    });

    const stale = await patch(document.id, { name: 'Other.pdf' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    const moved = await patch(document.id, { folder_id: pleadingsId });
    expect(moved.json().data).toMatchObject({ name: 'Motion to dismiss.pdf', folder_id: pleadingsId });
    expect(await auditOf(document.id)).toEqual([
      { action: 'document.uploaded' },
      { action: 'document.updated' },
      { action: 'document.updated' },
    ]);
  });

  it('refuses a move out of the matter, a foreign folder or a name that does not fit the content (422)', async () => {
    const document = await w.uploadOne(w.staff, w.matter.rootFolderId, { name: 'stay.pdf', data: pdf() });
    const cases: [object, string][] = [
      [{ folder_id: secondMatter.rootFolderId }, '/folder_id'],
      [{ folder_id: w.otherFirmMatter.rootFolderId }, '/folder_id'],
      [{ folder_id: '0190a000-0000-7000-8000-0000000000ab' }, '/folder_id'],
      [{ name: 'stay.html' }, '/name'],
      [{ name: 'stay.exe' }, '/name'],
    ];
    for (const [payload, path] of cases) {
      const response = await patch(document.id, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(errorPaths(response)).toBe(path);
    }
    for (const payload of [
      {},
      { name: '' },
      { name: ' \u202e ' },
      { matter_id: secondMatter.id },
      { name: { text: 'x' } },
    ]) {
      expect((await patch(document.id, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await get(`/api/v1/documents/${document.id}`)).json().data).toEqual(document);
    expect((await patch(document.id, { name: 'x.pdf' }, {}, w.otherAdmin)).statusCode).toBe(404);
  });

  it('deletes softly (204): gone from reads and lists, listed as restorable, and restored where it was', async () => {
    const document = await w.uploadOne(w.staff, pleadingsId, { name: 'Oops.pdf', data: pdf() });
    expect((await remove(document.id, {}, w.otherAdmin)).statusCode).toBe(404);
    expect((await remove(document.id, { 'if-match': '"stale"' })).statusCode).toBe(412);
    const deleted = await remove(document.id);
    expect(deleted.statusCode).toBe(204);
    expect((await get(`/api/v1/documents/${document.id}`)).statusCode).toBe(404);
    expect(names(await get(`/api/v1/documents?folder_id=${pleadingsId}`))).not.toContain('Oops.pdf');
    expect((await remove(document.id)).statusCode).toBe(404);
    const [row] = await w.rows<{ deleted_by_membership_id: string }>(
      sql`select deleted_by_membership_id from documents where id = ${document.id}`,
    );
    expect(row?.deleted_by_membership_id).toBe(w.staff.membership.id);

    const restorable = (await get(`/api/v1/documents?deleted=true&folder_id=${pleadingsId}`)).json().data;
    expect(restorable).toEqual([
      { ...document, deleted_at: expect.any(String), updated_at: expect.any(String) },
    ]);
    expect((await restore(document.id, w.otherAdmin)).statusCode).toBe(404);
    const restored = await restore(document.id);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().data).toMatchObject({ id: document.id, folder_id: pleadingsId, deleted_at: null });
    expect((await get(`/api/v1/documents/${document.id}`)).statusCode).toBe(200);
    expect((await restore(document.id)).statusCode).toBe(404);
    expect(await auditOf(document.id)).toEqual([
      { action: 'document.uploaded' },
      { action: 'document.deleted' },
      { action: 'document.restored' },
    ]);
  });

  it('keeps a deleted document restorable only for the retention period', async () => {
    const document = await w.uploadOne(w.staff, w.matter.rootFolderId, { name: 'Old.pdf', data: pdf() });
    expect((await remove(document.id)).statusCode).toBe(204);
    const retention = w.t.config.documents.retentionDays;
    await w.t.database.db.execute(
      sql`update documents set deleted_at = now() - make_interval(days => ${retention + 1}) where id = ${document.id}`,
    );
    expect(names(await get('/api/v1/documents?deleted=true'))).not.toContain('Old.pdf');
    expect((await restore(document.id)).statusCode).toBe(404);
  });
});
