import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import type { SignedIn } from '../support/sessions';
import { type PortalsWorld, portalsWorld } from './support';

interface SharedResource {
  id: string;
  portal_id: string;
  resource_type: 'folder' | 'document';
  resource_id: string;
  name: string;
  shared_by: { type: string; id: string; name: string };
}

describe('resources shared into a portal', () => {
  let w: PortalsWorld;
  beforeAll(async () => {
    w = await portalsWorld('10.95');
  });
  afterAll(() => w.close());

  const folder = async (name: string, parentId = w.matter.rootFolderId) => {
    const response = await w.call(w.admin, 'POST', '/api/v1/folders', { parent_id: parentId, name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id as string;
  };
  const share = (as: SignedIn, portalId: string, type: 'folder' | 'document', id: string) =>
    w.call(as, 'POST', `/api/v1/portals/${portalId}/shared_resources`, {
      resource_type: type,
      resource_id: id,
    });
  const listed = async (as: SignedIn, portalId: string) => {
    const response = await w.call(as, 'GET', `/api/v1/portals/${portalId}/shared_resources`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as SharedResource[];
  };
  const documentIds = async (as: SignedIn, folderId: string) => {
    const response = await w.call(as, 'GET', `/api/v1/documents?folder_id=${folderId}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().data as { id: string }[]).map((document) => document.id);
  };
  const download = (as: SignedIn, documentId: string) =>
    w.call(as, 'GET', `/api/v1/documents/${documentId}/download`);

  it('shows a shared folder and its documents to the client, until it is no longer shared', async () => {
    const signed = await folder('Signed');
    const will = await w.upload(w.attorney, signed, 'Will.txt', 'the will');
    const portal = await w.portal();

    // Before sharing, the client sees neither the folder's documents nor the document itself.
    expect((await download(w.client, will)).statusCode).toBe(404);

    const shared = await share(w.attorney, portal.id, 'folder', signed);
    expect(shared.statusCode, shared.body).toBe(201);
    const resource = shared.json().data as SharedResource;
    expect(resource).toMatchObject({
      portal_id: portal.id,
      resource_type: 'folder',
      resource_id: signed,
      name: 'Signed',
      shared_by: { type: 'user', id: w.attorney.membership.id },
    });
    expect(await listed(w.client, portal.id)).toEqual([resource]);
    expect(await documentIds(w.client, signed)).toEqual([will]);
    const fetched = await download(w.client, will);
    expect(fetched.statusCode, fetched.body).toBe(200);
    expect(fetched.body).toBe('the will');

    const audit = await w.rows<{ details: { resource_id: string } }>(
      sql`select details from audit_events where action = 'portal.resource_shared' and object_id = ${portal.id}`,
    );
    expect(audit.map((row) => row.details.resource_id)).toEqual([signed]);

    // Sharing the same folder again is a conflict.
    expect((await share(w.attorney, portal.id, 'folder', signed)).statusCode).toBe(409);

    const stopped = await w.call(
      w.attorney,
      'DELETE',
      `/api/v1/portals/${portal.id}/shared_resources/${resource.id}`,
    );
    expect(stopped.statusCode, stopped.body).toBe(204);
    expect(await listed(w.client, portal.id)).toEqual([]);
    expect((await download(w.client, will)).statusCode).toBe(404);
    expect(await documentIds(w.client, signed)).toEqual([]);
    // The folder and its document remain the firm's.
    expect((await download(w.attorney, will)).statusCode).toBe(200);
    expect(await documentIds(w.attorney, signed)).toEqual([will]);
    const unshared = await w.rows<{ object_id: string }>(
      sql`select object_id from audit_events where action = 'portal.resource_unshared'`,
    );
    expect(unshared.map((row) => row.object_id)).toContain(portal.id);

    // Stopping twice finds nothing left to stop.
    const again = await w.call(
      w.attorney,
      'DELETE',
      `/api/v1/portals/${portal.id}/shared_resources/${resource.id}`,
    );
    expect(again.statusCode).toBe(404);
  });

  it('hides a document moved out of a shared folder on the next request', async () => {
    const shared = await folder('For the client');
    const internal = await folder('Internal');
    const letter = await w.upload(w.attorney, shared, 'Letter.txt', 'dear client');
    const portal = await w.portal({ folderIds: [shared] });
    expect((await download(w.client, letter)).statusCode).toBe(200);

    const moved = await w.call(w.attorney, 'PATCH', `/api/v1/documents/${letter}`, { folder_id: internal });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await download(w.client, letter)).statusCode).toBe(404);
    expect((await w.call(w.client, 'GET', `/api/v1/documents/${letter}`)).statusCode).toBe(404);
    expect(await documentIds(w.client, shared)).toEqual([]);
    expect((await listed(w.client, portal.id)).map((resource) => resource.resource_id)).toEqual([shared]);
  });

  it('shares a single document, and refuses resources outside the portal matter', async () => {
    const portal = await w.portal();
    const memo = await w.upload(w.attorney, w.matter.rootFolderId, 'Memo.txt', 'memo');
    const shared = await share(w.staff, portal.id, 'document', memo);
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json().data).toMatchObject({
      resource_type: 'document',
      resource_id: memo,
      name: 'Memo.txt',
    });
    expect((await download(w.client, memo)).statusCode).toBe(200);

    const other = await makeMatter(w.db, w.firmId, { responsibleAttorneyId: w.attorney.membership.id });
    const elsewhere = await w.upload(w.attorney, other.rootFolderId, 'Other.txt', 'other');
    for (const [type, id] of [
      ['document', elsewhere],
      ['folder', other.rootFolderId],
      ['folder', '019a0000-0000-7000-8000-000000000999'],
    ] as const) {
      const refused = await share(w.attorney, portal.id, type, id);
      expect(refused.statusCode, refused.body).toBe(422);
      expect(errorPaths(refused)).toBe('/resource_id');
    }
    expect((await download(w.client, elsewhere)).statusCode).toBe(404);

    // A deleted document cannot be shared.
    const gone = await w.upload(w.attorney, w.matter.rootFolderId, 'Gone.txt', 'gone');
    expect((await w.call(w.attorney, 'DELETE', `/api/v1/documents/${gone}`)).statusCode).toBe(204);
    expect((await share(w.attorney, portal.id, 'document', gone)).statusCode).toBe(422);
  });

  it('lets only firm users of the firm share and stop sharing', async () => {
    const drafts = await folder('Drafts');
    const portal = await w.portal({
      participants: [
        { membershipId: w.attorney.membership.id },
        { contactId: w.clientContactId },
        { contactId: w.coCounselContactId },
      ],
    });
    for (const external of [w.client, w.coCounsel]) {
      expect((await share(external, portal.id, 'folder', drafts)).statusCode).toBe(403);
    }
    expect((await share(w.otherAdmin, portal.id, 'folder', drafts)).statusCode).toBe(404);
    expect(
      (await w.call(w.otherAdmin, 'GET', `/api/v1/portals/${portal.id}/shared_resources`)).statusCode,
    ).toBe(404);

    const shared = await share(w.attorney, portal.id, 'folder', drafts);
    const id = shared.json().data.id as string;
    for (const external of [w.client, w.coCounsel]) {
      const refused = await w.call(external, 'DELETE', `/api/v1/portals/${portal.id}/shared_resources/${id}`);
      expect(refused.statusCode).toBe(403);
    }
    expect(
      (await w.call(w.otherAdmin, 'DELETE', `/api/v1/portals/${portal.id}/shared_resources/${id}`))
        .statusCode,
    ).toBe(404);
    expect((await listed(w.coCounsel, portal.id)).map((resource) => resource.id)).toEqual([id]);

    // A client outside the portal sees neither it nor its resources.
    const elsewhere = await w.portal({ participants: [{ membershipId: w.attorney.membership.id }] });
    expect(
      (await w.call(w.client, 'GET', `/api/v1/portals/${elsewhere.id}/shared_resources`)).statusCode,
    ).toBe(404);
  });
});
