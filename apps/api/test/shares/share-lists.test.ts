import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls } from '../support/api-calls';
import { makeDocument } from '../support/factories/documents';
import { makeContact, makeMatter } from '../support/factories/practice';
import type { SignedIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';
import { type DemoFirm, seedAndSignIn } from './demo-firm';

interface Share {
  id: string;
  contact: { id: string };
  resource_type: string;
  matter_id: string | null;
  folder_id: string | null;
  document_id: string | null;
}

describe('share lists, reading and stopping', () => {
  let t: TestApp;
  let demo: DemoFirm;
  const { nextIp, call, rows } = apiCalls(() => t, '10.82');

  /** Shares through the API as `session`, answering the share. */
  const share = async (payload: object, session: SignedIn = demo.admin): Promise<Share> => {
    const response = await call(session, 'POST', '/api/v1/shares', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const list = async (query: string, session: SignedIn = demo.staff): Promise<Share[]> => {
    const response = await call(session, 'GET', `/api/v1/shares?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data;
  };
  const ids = (shares: Share[]) => shares.map((one) => one.id);

  beforeAll(async () => {
    t = await createTestApp();
    demo = await seedAndSignIn(t, nextIp);
  });
  afterAll(() => t.close());

  it('lists by contact and by resource, pages with limit and cursor, and refuses unknown parameters', async () => {
    const db = t.database.db;
    const matter = await makeMatter(db, demo.firmId);
    const { document } = await makeDocument(db, {
      firmId: demo.firmId,
      matterId: matter.id,
      folderId: matter.rootFolderId,
      uploadedBy: demo.admin.membership.id,
      name: 'Brief.pdf',
    });
    // Fresh contacts: what the demo seed shares cannot show up in these lists.
    const first = await makeContact(db, demo.firmId, { isCoCounsel: true });
    const second = await makeContact(db, demo.firmId, { isCoCounsel: true });
    const firstMatter = await share({ contact_id: first.id, matter_id: matter.id });
    const firstFolder = await share({ contact_id: first.id, folder_id: matter.rootFolderId });
    const firstDocument = await share({ contact_id: first.id, document_id: document.id });
    const secondMatter = await share({ contact_id: second.id, matter_id: matter.id });
    const secondDocument = await share({ contact_id: second.id, document_id: document.id });

    expect(ids(await list(`contact_id=${first.id}`))).toEqual(ids([firstMatter, firstFolder, firstDocument]));
    expect(ids(await list(`contact_id=${second.id}`))).toEqual(ids([secondMatter, secondDocument]));
    // A resource filter matches shares of that resource itself, not of what is inside it.
    expect(ids(await list(`matter_id=${matter.id}`))).toEqual(ids([firstMatter, secondMatter]));
    expect(ids(await list(`folder_id=${matter.rootFolderId}`))).toEqual(ids([firstFolder]));
    expect(ids(await list(`document_id=${document.id}`))).toEqual(ids([firstDocument, secondDocument]));
    expect(ids(await list(`contact_id=${second.id}&document_id=${document.id}`))).toEqual(
      ids([secondDocument]),
    );
    expect(await list(`contact_id=${second.id}&folder_id=${matter.rootFolderId}`)).toEqual([]);
    expect((await list(`document_id=${document.id}`))[0]).toMatchObject({
      resource_type: 'document',
      matter_id: null,
      folder_id: null,
      document_id: document.id,
    });

    const pages: Share[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `matter_id=${matter.id}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await call(demo.admin, 'GET', `/api/v1/shares?${query}`);
      pages.push(response.json().data);
      cursor = response.json().meta.next_cursor;
    } while (cursor);
    expect(pages.map(ids)).toEqual([[firstMatter.id], [secondMatter.id]]);

    for (const query of [
      'contact=x',
      'contact_id=nope',
      'limit=0',
      'limit=201',
      'cursor=bm9wZQ',
      'resource_type=matter',
    ]) {
      const response = await call(demo.admin, 'GET', `/api/v1/shares?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });

  it("keeps each firm's shares to itself; externals see no shares at all", async () => {
    const otherMatter = await makeMatter(t.database.db, demo.otherFirmId);
    const otherContact = await makeContact(t.database.db, demo.otherFirmId, { isCoCounsel: true });
    const theirs = await share({ contact_id: otherContact.id, matter_id: otherMatter.id }, demo.otherAdmin);
    const ours = await list('limit=200');
    expect(ours.length).toBeGreaterThan(0);
    expect(ids(ours)).not.toContain(theirs.id);
    const listedToThem = ids(await list('limit=200', demo.otherAdmin));
    expect(listedToThem).toContain(theirs.id);
    expect(listedToThem.filter((id) => ids(ours).includes(id))).toEqual([]);

    expect((await call(demo.admin, 'GET', `/api/v1/shares/${theirs.id}`)).statusCode).toBe(404);
    expect((await call(demo.admin, 'DELETE', `/api/v1/shares/${theirs.id}`)).statusCode).toBe(404);
    const own = ours[0]?.id ?? '';
    for (const [method, url] of [
      ['GET', '/api/v1/shares'],
      ['GET', `/api/v1/shares?contact_id=${demo.coCounselContactId}`],
      ['GET', `/api/v1/shares/${own}`],
      ['DELETE', `/api/v1/shares/${own}`],
    ] as const) {
      const response = await call(demo.coCounsel, method, url);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call(demo.staff, 'GET', `/api/v1/shares/${own}`)).statusCode).toBe(200);
  });

  it('stops sharing: 204, audited, then 404; the co-counsel loses access on its very next request', async () => {
    const matter = await makeMatter(t.database.db, demo.firmId, { description: 'Revocable' });
    const shared = await share({ contact_id: demo.coCounselContactId, matter_id: matter.id });
    const matterUrl = `/api/v1/matters/${matter.id}`;
    const seesIt = async () =>
      ((await call(demo.coCounsel, 'GET', '/api/v1/matters?limit=200')).json().data as { id: string }[]).some(
        (row) => row.id === matter.id,
      );
    expect((await call(demo.coCounsel, 'GET', matterUrl)).statusCode).toBe(200);
    expect(await seesIt()).toBe(true);

    const url = `/api/v1/shares/${shared.id}`;
    expect((await call(demo.attorney, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(demo.coCounsel, 'GET', matterUrl)).statusCode).toBe(404);
    expect(await seesIt()).toBe(false);
    expect(ids(await list(`contact_id=${demo.coCounselContactId}&limit=200`))).not.toContain(shared.id);
    expect((await call(demo.admin, 'GET', url)).statusCode).toBe(404);
    expect((await call(demo.admin, 'DELETE', url)).statusCode).toBe(404);

    const events = await rows<{ action: string; actor_membership_id: string; details: object }>(
      sql`select action, actor_membership_id, details from audit_events where object_id = ${shared.id} order by id`,
    );
    expect(events.map((event) => event.action)).toEqual(['share.created', 'share.deleted']);
    expect(events[1]).toEqual({
      action: 'share.deleted',
      actor_membership_id: demo.attorney.membership.id,
      details: { contact_id: demo.coCounselContactId, resource_type: 'matter', resource_id: matter.id },
    });
  });

  it('evaluates a folder share at request time: a document moved out of the folder is hidden at once', async () => {
    const db = t.database.db;
    const matter = await makeMatter(db, demo.firmId);
    const folder = await call(demo.admin, 'POST', '/api/v1/folders', {
      parent_id: matter.rootFolderId,
      name: 'Pleadings',
    });
    expect(folder.statusCode, folder.body).toBe(201);
    const folderId = folder.json().data.id;
    const { document } = await makeDocument(db, {
      firmId: demo.firmId,
      matterId: matter.id,
      folderId,
      uploadedBy: demo.admin.membership.id,
      name: 'Complaint.pdf',
    });
    await share({ contact_id: demo.coCounselContactId, folder_id: folderId });
    const documentUrl = `/api/v1/documents/${document.id}`;
    expect((await call(demo.coCounsel, 'GET', documentUrl)).statusCode).toBe(200);

    const moved = await call(demo.admin, 'PATCH', documentUrl, { folder_id: matter.rootFolderId });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await call(demo.coCounsel, 'GET', documentUrl)).statusCode).toBe(404);
    const listed = await call(demo.coCounsel, 'GET', `/api/v1/documents?folder_id=${folderId}`);
    expect(listed.json().data).toEqual([]);
  });
});
