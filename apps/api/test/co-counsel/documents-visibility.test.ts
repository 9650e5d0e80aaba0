import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../documents/fixtures';
import { makeMatter } from '../support/factories/practice';
import { type CoCounsel, type CoCounselWorld, coCounselWorld } from './documents-world';

/**
 * What co-counsel sees of folders and documents (DESIGN.md, "What an external sees"): the folders
 * shared with it and everything below them as the tree stands at each request, documents shared one
 * by one, and nothing else — lists, reads, versions — while everything it sees stays read-only.
 */
describe('co-counsel: which folders and documents it sees', () => {
  let w: CoCounselWorld;
  let counsel: CoCounsel;
  let stranger: CoCounsel;
  /** A matter: root → Shared → Sub, and root → Private. */
  const tree = { matterId: '', rootId: '', sharedId: '', subId: '', privateId: '' };
  /** In Shared, in Sub, in Private, in the root shared by itself, in the root not shared. */
  const doc = { inShared: '', inSub: '', inPrivate: '', alone: '', besideAlone: '' };

  const upload = async (folderId: string, name: string) =>
    (await w.uploadOne(w.admin, folderId, { name, data: pdf(name), contentType: 'application/pdf' })).id;

  beforeAll(async () => {
    w = await coCounselWorld();
    const matter = await makeMatter(w.t.database.db, w.firmId, { description: 'Visibility matter' });
    tree.matterId = matter.id;
    tree.rootId = matter.rootFolderId;
    tree.sharedId = await w.folder(tree.rootId, 'Shared');
    tree.subId = await w.folder(tree.sharedId, 'Sub');
    tree.privateId = await w.folder(tree.rootId, 'Private');
    doc.inShared = await upload(tree.sharedId, 'In shared.pdf');
    doc.inSub = await upload(tree.subId, 'In sub.pdf');
    doc.inPrivate = await upload(tree.privateId, 'In private.pdf');
    doc.alone = await upload(tree.rootId, 'Alone.pdf');
    doc.besideAlone = await upload(tree.rootId, 'Beside alone.pdf');
    counsel = await w.makeCoCounsel('Visible Counsel');
    stranger = await w.makeCoCounsel('Stranger Counsel');
    await w.share(counsel, { folderId: tree.sharedId });
    await w.share(counsel, { documentId: doc.alone });
  }, 60_000);
  afterAll(() => w.close());

  it('lists exactly the shared folder tree and the shared documents, with every filter', async () => {
    const me = counsel.session;
    expect(await w.ids(me, '/api/v1/folders')).toEqual([tree.sharedId, tree.subId].sort());
    expect(await w.ids(me, `/api/v1/folders?matter_id=${tree.matterId}`)).toEqual(
      [tree.sharedId, tree.subId].sort(),
    );
    expect(await w.ids(me, `/api/v1/folders?parent_id=${tree.sharedId}`)).toEqual([tree.subId]);
    expect(await w.ids(me, `/api/v1/folders?parent_id=${tree.rootId}`)).toEqual([tree.sharedId]);
    const all = [doc.inShared, doc.inSub, doc.alone].sort();
    expect(await w.ids(me, '/api/v1/documents')).toEqual(all);
    expect(await w.ids(me, `/api/v1/documents?matter_id=${tree.matterId}`)).toEqual(all);
    expect(await w.ids(me, `/api/v1/documents?folder_id=${tree.sharedId}`)).toEqual([doc.inShared]);
    expect(await w.ids(me, '/api/v1/documents?q=sub')).toEqual([doc.inSub]);
    expect(await w.ids(me, '/api/v1/documents?limit=1')).toEqual([all[0]]);
    // The firm sees everything; co-counsel without a share sees nothing of it.
    expect(await w.ids(w.admin, `/api/v1/folders?matter_id=${tree.matterId}`)).toHaveLength(4);
    expect(await w.ids(stranger.session, '/api/v1/folders')).toEqual([]);
    expect(await w.ids(stranger.session, '/api/v1/documents')).toEqual([]);
  });

  it('pages through its documents with the cursor, and refuses unknown filters', async () => {
    const first = await w.get(counsel.session, '/api/v1/documents?limit=2');
    const cursor = first.json().meta.next_cursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await w.get(counsel.session, `/api/v1/documents?limit=2&cursor=${cursor}`);
    expect([...first.json().data, ...second.json().data].map((d: { id: string }) => d.id).sort()).toEqual(
      [doc.inShared, doc.inSub, doc.alone].sort(),
    );
    expect(second.json().meta.next_cursor).toBeNull();
    expect((await w.get(counsel.session, '/api/v1/documents?shared=true')).statusCode).toBe(400);
  });

  it('reads what it sees (folder, document, versions) and gets 404 for the rest', async () => {
    const me = counsel.session;
    for (const id of [tree.sharedId, tree.subId]) {
      expect((await w.get(me, `/api/v1/folders/${id}`)).statusCode).toBe(200);
    }
    // The shared folder's parent (the root) shows only as an id; it cannot be opened.
    const shared = (await w.get(me, `/api/v1/folders/${tree.sharedId}`)).json().data;
    expect(shared.parent_id).toBe(tree.rootId);
    for (const id of [tree.rootId, tree.privateId]) {
      expect((await w.get(me, `/api/v1/folders/${id}`)).statusCode).toBe(404);
    }
    for (const id of [doc.inShared, doc.inSub, doc.alone]) {
      expect((await w.get(me, `/api/v1/documents/${id}`)).statusCode).toBe(200);
      const versions = await w.get(me, `/api/v1/documents/${id}/versions`);
      expect(versions.statusCode).toBe(200);
      expect(versions.json().data).toHaveLength(1);
    }
    for (const id of [doc.inPrivate, doc.besideAlone]) {
      expect((await w.get(me, `/api/v1/documents/${id}`)).statusCode).toBe(404);
      expect((await w.get(me, `/api/v1/documents/${id}/versions`)).statusCode).toBe(404);
    }
  });

  it('shows a document shared by itself without its folder or its siblings', async () => {
    const me = counsel.session;
    expect(await w.ids(me, `/api/v1/documents?folder_id=${tree.rootId}`)).toEqual([doc.alone]);
    const alone = (await w.get(me, `/api/v1/documents/${doc.alone}`)).json().data;
    expect(alone.folder_id).toBe(tree.rootId);
    expect((await w.get(me, `/api/v1/folders/${tree.rootId}`)).statusCode).toBe(404);
    const listed = JSON.stringify((await w.get(me, '/api/v1/folders')).json());
    expect(listed).not.toContain('Documents'); // the root folder's name
    expect(listed).not.toContain('Private');
  });

  it('follows the tree as it is at each request: moved out is gone, moved (or made) inside shows', async () => {
    const me = counsel.session;
    const move = (id: string, folderId: string) =>
      w.send(w.admin, 'PATCH', `/api/v1/documents/${id}`, { folder_id: folderId });
    expect((await move(doc.inShared, tree.privateId)).statusCode).toBe(200);
    expect((await w.get(me, `/api/v1/documents/${doc.inShared}`)).statusCode).toBe(404);
    expect((await w.get(me, `/api/v1/documents/${doc.inShared}/download`)).statusCode).toBe(404);
    expect(await w.ids(me, '/api/v1/documents')).not.toContain(doc.inShared);
    expect((await move(doc.inPrivate, tree.subId)).statusCode).toBe(200);
    expect((await w.get(me, `/api/v1/documents/${doc.inPrivate}`)).statusCode).toBe(200);

    // A whole sub-folder moved out takes its documents with it.
    const moveFolder = (id: string, parentId: string) =>
      w.send(w.admin, 'PATCH', `/api/v1/folders/${id}`, { parent_id: parentId });
    expect((await moveFolder(tree.subId, tree.privateId)).statusCode).toBe(200);
    expect((await w.get(me, `/api/v1/folders/${tree.subId}`)).statusCode).toBe(404);
    expect(await w.ids(me, '/api/v1/documents')).toEqual([doc.alone]);
    expect((await moveFolder(tree.subId, tree.sharedId)).statusCode).toBe(200);
    expect(await w.ids(me, '/api/v1/folders')).toEqual([tree.sharedId, tree.subId].sort());

    const added = await w.folder(tree.subId, 'Added later');
    expect((await w.get(me, `/api/v1/folders/${added}`)).statusCode).toBe(200);

    // Put things back for the other tests.
    expect((await move(doc.inShared, tree.sharedId)).statusCode).toBe(200);
    expect((await move(doc.inPrivate, tree.privateId)).statusCode).toBe(200);
    expect((await w.send(w.admin, 'DELETE', `/api/v1/folders/${added}`)).statusCode).toBe(204);
  });

  it('answers 403 for changes to what it sees and 404 for the rest, changing nothing', async () => {
    const me = counsel.session;
    const before = await w.counts();
    const refusals: ['POST' | 'PATCH' | 'DELETE', string, object | undefined, number][] = [
      ['PATCH', `/api/v1/documents/${doc.inShared}`, { name: 'Taken.pdf' }, 403],
      ['DELETE', `/api/v1/documents/${doc.alone}`, undefined, 403],
      ['POST', `/api/v1/documents/${doc.inSub}/versions/1/restore`, undefined, 403],
      ['PATCH', `/api/v1/folders/${tree.sharedId}`, { name: 'Taken' }, 403],
      ['DELETE', `/api/v1/folders/${tree.subId}`, undefined, 403],
      ['PATCH', `/api/v1/documents/${doc.inPrivate}`, { name: 'Taken.pdf' }, 404],
      ['DELETE', `/api/v1/documents/${doc.besideAlone}`, undefined, 404],
      ['PATCH', `/api/v1/folders/${tree.privateId}`, { name: 'Taken' }, 404],
      ['DELETE', `/api/v1/folders/${tree.privateId}`, undefined, 404],
    ];
    for (const [method, url, payload, status] of refusals) {
      const response = await w.send(me, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const version = await w.upload(me, [{ name: 'file', filename: 'v2.pdf', data: pdf('v2') }], {
      url: `/api/v1/documents/${doc.inShared}/versions`,
    });
    expect(version.statusCode).toBe(403);
    expect(await w.counts()).toEqual(before);
    expect((await w.get(w.admin, `/api/v1/documents/${doc.inShared}`)).json().data.name).toBe(
      'In shared.pdf',
    );
  });

  it('never sees deleted documents: not listed, not restorable (404)', async () => {
    const victim = await upload(tree.sharedId, 'To be deleted.pdf');
    expect((await w.get(counsel.session, `/api/v1/documents/${victim}`)).statusCode).toBe(200);
    expect((await w.send(w.admin, 'DELETE', `/api/v1/documents/${victim}`)).statusCode).toBe(204);
    expect((await w.get(counsel.session, `/api/v1/documents/${victim}`)).statusCode).toBe(404);
    expect(await w.ids(counsel.session, '/api/v1/documents?deleted=true')).toEqual([]);
    expect(await w.ids(w.admin, '/api/v1/documents?deleted=true')).toContain(victim);
    expect((await w.send(counsel.session, 'POST', `/api/v1/documents/${victim}/restore`)).statusCode).toBe(
      404,
    );
  });

  it('loses access on the very next request once a share stops', async () => {
    const late = await w.makeCoCounsel('Late Counsel');
    const folderShare = await w.share(late, { folderId: tree.subId });
    const documentShare = await w.share(late, { documentId: doc.besideAlone });
    expect(await w.ids(late.session, '/api/v1/documents')).toEqual([doc.inSub, doc.besideAlone].sort());
    await w.stopSharing(folderShare);
    expect((await w.get(late.session, `/api/v1/documents/${doc.inSub}`)).statusCode).toBe(404);
    expect((await w.get(late.session, `/api/v1/folders/${tree.subId}`)).statusCode).toBe(404);
    expect(await w.ids(late.session, '/api/v1/folders')).toEqual([]);
    await w.stopSharing(documentShare);
    expect((await w.get(late.session, `/api/v1/documents/${doc.besideAlone}/download`)).statusCode).toBe(404);
    expect(await w.ids(late.session, '/api/v1/documents')).toEqual([]);
  });
});
