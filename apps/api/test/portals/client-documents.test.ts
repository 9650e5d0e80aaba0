import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMatter } from '../support/factories/practice';
import { multipartForm } from '../support/multipart';
import type { SignedIn } from '../support/sessions';
import { type PortalsWorld, portalsWorld } from './support';

describe("a client's documents", () => {
  let w: PortalsWorld;
  beforeAll(async () => {
    w = await portalsWorld('10.97');
  });
  afterAll(() => w.close());

  const folder = async (name: string, parentId: string) => {
    const response = await w.call(w.admin, 'POST', '/api/v1/folders', { parent_id: parentId, name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id as string;
  };
  const listedIds = async (as: SignedIn, query = '') => {
    const response = await w.call(as, 'GET', `/api/v1/documents${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().data as { id: string }[]).map((document) => document.id).sort();
  };

  it('lists only what its portals show: shared folders (with what is below them), shared documents and its uploads', async () => {
    const shared = await folder('Shared', w.matter.rootFolderId);
    const below = await folder('Below', shared);
    const inShared = await w.upload(w.attorney, shared, 'In shared.txt', 'a');
    const inBelow = await w.upload(w.attorney, below, 'In below.txt', 'b');
    const single = await w.upload(w.attorney, w.matter.rootFolderId, 'Single.txt', 'c');
    const portal = await w.portal({ folderIds: [shared], documentIds: [single] });

    // Not shown: the matter's other documents, those of a portal it takes no part in, other matters'.
    await w.upload(w.attorney, w.matter.rootFolderId, 'Internal.txt', 'd');
    const otherPortalOnly = await w.upload(w.attorney, w.matter.rootFolderId, 'Other portal.txt', 'e');
    await w.portal({
      participants: [{ membershipId: w.attorney.membership.id }],
      documentIds: [otherPortalOnly],
    });
    const otherMatter = await makeMatter(w.db, w.firmId, { clientId: w.clientContactId });
    await w.upload(w.attorney, otherMatter.rootFolderId, 'Other matter.txt', 'f');

    const form = multipartForm([
      { name: 'file', filename: 'Mine.txt', data: 'g', contentType: 'text/plain' },
    ]);
    const mine = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/portals/${portal.id}/documents`,
      headers: { ...w.client.auth, ...form.headers },
      payload: form.payload,
      remoteAddress: w.nextIp(),
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const uploaded = mine.json().data[0].resource_id as string;

    expect(await listedIds(w.client)).toEqual([inShared, inBelow, single, uploaded].sort());
    expect(await listedIds(w.client, `?folder_id=${below}`)).toEqual([inBelow]);
    expect(await listedIds(w.client, `?folder_id=${w.matter.rootFolderId}`)).toEqual([single]);
    expect((await w.call(w.client, 'GET', `/api/v1/documents/${otherPortalOnly}`)).statusCode).toBe(404);
    // The firm lists all of them.
    expect((await listedIds(w.attorney)).length).toBeGreaterThanOrEqual(7);
  });

  it('cannot file documents anywhere through the documents routes', async () => {
    const form = multipartForm([
      { name: 'folder_id', data: w.matter.rootFolderId },
      { name: 'file', filename: 'Sneaky.txt', data: 'h', contentType: 'text/plain' },
    ]);
    const response = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...w.client.auth, ...form.headers },
      payload: form.payload,
      remoteAddress: w.nextIp(),
    });
    expect(response.statusCode, response.body).toBe(404);
  });
});
