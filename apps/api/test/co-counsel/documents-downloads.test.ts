import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../documents/fixtures';
import { makeDocument, makeVersion } from '../support/factories/documents';
import { makeMatter } from '../support/factories/practice';
import { type CoCounsel, type CoCounselWorld, coCounselWorld } from './documents-world';

/** 600 bytes that differ from position to position, so a wrong slice shows. */
const CONTENT = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from(Array.from({ length: 591 }, (_, i) => (i * 7 + 3) % 256)),
]);
const FIRST_VERSION = Buffer.from('%PDF-1.7\n% the first version\n');

/** Co-counsel downloads, ranges and in-place previews of what is shared with it — and only that. */
describe('co-counsel: downloads of shared documents', () => {
  let w: CoCounselWorld;
  let counsel: CoCounsel;
  const ids = { shared: '', picture: '', unshared: '', firstVersionId: '' };

  beforeAll(async () => {
    w = await coCounselWorld();
    const db = w.t.database.db;
    const matter = await makeMatter(db, w.firmId);
    const folderId = await w.folder(matter.rootFolderId, 'Exhibits');
    const place = {
      firmId: w.firmId,
      matterId: matter.id,
      uploadedBy: w.admin.membership.id,
      blobs: w.t.app.blobs,
    };
    const shared = await makeDocument(db, { ...place, folderId, name: 'Brief.pdf', bytes: FIRST_VERSION });
    ids.firstVersionId = shared.version.id;
    const second = await makeVersion(db, {
      firmId: w.firmId,
      documentId: shared.document.id,
      uploadedBy: w.admin.membership.id,
      bytes: CONTENT,
      blobs: w.t.app.blobs,
    });
    await db.execute(
      sql`update documents set current_version_id = ${second.id} where id = ${shared.document.id}`,
    );
    ids.shared = shared.document.id;
    ids.picture = (
      await makeDocument(db, {
        ...place,
        folderId: matter.rootFolderId,
        name: 'Scene.png',
        bytes: png,
        contentType: 'image/png',
      })
    ).document.id;
    ids.unshared = (
      await makeDocument(db, { ...place, folderId: matter.rootFolderId, name: 'Memo.pdf' })
    ).document.id;
    counsel = await w.makeCoCounsel('Downloading Counsel');
    await w.share(counsel, { folderId });
    await w.share(counsel, { documentId: ids.picture });
  }, 60_000);
  afterAll(() => w.close());

  const download = (id: string, query = '', headers: Record<string, string> = {}) =>
    w.get(counsel.session, `/api/v1/documents/${id}/download${query}`, headers);
  const audited = (id: string) =>
    w.rows<{ action: string; actor_membership_id: string; details: Record<string, unknown> }>(
      sql`select action, actor_membership_id, details from audit_events
           where object_id = ${id} and action like 'document.%' order by created_at, id`,
    );

  it('downloads the current version of a document in a shared folder, audited as its own', async () => {
    const response = await download(ids.shared);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(CONTENT)).toBe(true);
    expect(response.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''Brief\.pdf/);
    expect(await audited(ids.shared)).toEqual([
      expect.objectContaining({
        action: 'document.downloaded',
        actor_membership_id: counsel.membershipId,
        details: expect.objectContaining({ version: 2, range: null }),
      }),
    ]);
  });

  it('serves a byte range (206) and an earlier version', async () => {
    const range = await download(ids.shared, '', { range: 'bytes=100-199' });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 100-199/${CONTENT.length}`);
    expect(range.rawPayload.equals(CONTENT.subarray(100, 200))).toBe(true);
    const versions = (await w.get(counsel.session, `/api/v1/documents/${ids.shared}/versions`)).json().data;
    expect(versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const earlier = await download(ids.shared, '?version=1');
    expect(earlier.statusCode).toBe(200);
    expect(earlier.rawPayload.equals(FIRST_VERSION)).toBe(true);
  });

  it('previews a PDF and an image shared by itself in place, under the sandboxing policy', async () => {
    for (const id of [ids.shared, ids.picture]) {
      const response = await download(id, '?disposition=inline');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/^inline; /);
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    }
    expect((await audited(ids.picture)).map((row) => row.action)).toEqual(['document.viewed']);
  });

  it('answers 404 for a document not shared with it (any version, any disposition), auditing no download', async () => {
    for (const query of ['', '?version=1', '?disposition=inline']) {
      const response = await download(ids.unshared, query);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const head = await w.inject(counsel.session, {
      method: 'HEAD',
      url: `/api/v1/documents/${ids.unshared}/download`,
    });
    expect(head.statusCode).toBe(404);
    expect(await audited(ids.unshared)).toEqual([]);
  });
});
