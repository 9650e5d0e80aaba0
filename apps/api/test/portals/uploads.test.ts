import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../documents/fixtures';
import { deliveredTo } from '../support/dev-mailbox';
import { type FormPart, multipartForm } from '../support/multipart';
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

const MAX_FILE_BYTES = 4096;

describe('uploads into a portal', () => {
  let w: PortalsWorld;
  beforeAll(async () => {
    w = await portalsWorld('10.96', { UPLOAD_MAX_FILE_BYTES: String(MAX_FILE_BYTES) });
  });
  afterAll(() => w.close());

  const file = (filename: string, data: Buffer | string, contentType = 'text/plain'): FormPart => ({
    name: 'file',
    filename,
    data,
    contentType,
  });
  const upload = (as: SignedIn, portalId: string, parts: FormPart[]) => {
    const form = multipartForm(parts);
    return w.t.app.inject({
      method: 'POST',
      url: `/api/v1/portals/${portalId}/documents`,
      headers: { ...as.auth, ...form.headers },
      payload: form.payload,
      remoteAddress: w.nextIp(),
    });
  };
  const uploaded = async (as: SignedIn, portalId: string, parts: FormPart[]) => {
    const response = await upload(as, portalId, parts);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data as SharedResource[];
  };
  const download = (as: SignedIn, documentId: string) =>
    w.call(as, 'GET', `/api/v1/documents/${documentId}/download`);
  const folderOf = async (documentId: string) =>
    (
      await w.rows<{ name: string; parent_id: string | null; matter_id: string }>(
        sql`select f.name, f.parent_id, f.matter_id from documents d join folders f on f.id = d.folder_id
             where d.id = ${documentId}`,
      )
    )[0];
  const documentCount = async () =>
    (await w.rows<{ count: number }>(sql`select count(*)::int as count from documents`))[0]?.count;

  it("lands a client's files in the matter's Portal uploads folder, shared into the portal", async () => {
    const portal = await w.portal();
    const [first, second] = await uploaded(w.client, portal.id, [
      file('Passport.txt', 'passport scan'),
      { name: 'name', data: 'Birth certificate' },
      file('birth.txt', 'certificate'),
    ]);
    expect(first).toMatchObject({
      portal_id: portal.id,
      resource_type: 'document',
      name: 'Passport.txt',
      shared_by: { type: 'contact', id: w.clientContactId },
    });
    expect(second).toMatchObject({ resource_type: 'document', name: 'Birth certificate' });
    const passport = first?.resource_id ?? '';
    expect(await folderOf(passport)).toEqual({
      name: 'Portal uploads',
      parent_id: w.matter.rootFolderId,
      matter_id: w.matter.id,
    });

    // The firm sees it in the matter; the client sees it and lists it among the portal's resources.
    const seen = await w.call(w.attorney, 'GET', `/api/v1/documents/${passport}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect((await download(w.client, passport)).body).toBe('passport scan');
    const listed = await w.call(w.client, 'GET', `/api/v1/portals/${portal.id}/shared_resources`);
    expect((listed.json().data as SharedResource[]).map((resource) => resource.resource_id)).toEqual([
      passport,
      second?.resource_id,
    ]);
    const audit = await w.rows<{ details: { document_ids: string[] } }>(
      sql`select details from audit_events where action = 'portal.document_uploaded' and object_id = ${portal.id}`,
    );
    expect(audit.map((row) => row.details.document_ids)).toEqual([[passport, second?.resource_id]]);

    // The matter's responsible attorney is told, without the files' names.
    const mails = await deliveredTo(w.t.app, 'attorney@demo-firm.test');
    const notice = mails.find((mail) => mail.subject.includes('uploaded 2 files'));
    expect(notice?.text).toContain(`/matters/${w.matter.id}/documents`);
    expect(notice?.text).not.toContain('Passport');

    // A later upload goes to the same folder; a relative path makes folders under it.
    const [nested] = await uploaded(w.client, portal.id, [
      { name: 'path', data: 'Bank/2026/statement.txt' },
      file('statement.txt', 'statement'),
    ]);
    const nestedFolder = await w.rows<{ name: string; parent: string; grandparent: string }>(
      sql`select f.name, p.name as parent, g.name as grandparent from documents d
            join folders f on f.id = d.folder_id join folders p on p.id = f.parent_id
            join folders g on g.id = p.parent_id where d.id = ${nested?.resource_id}`,
    );
    expect(nestedFolder).toEqual([{ name: '2026', parent: 'Bank', grandparent: 'Portal uploads' }]);
    expect((await download(w.client, nested?.resource_id ?? '')).statusCode).toBe(200);
    const uploadFolders = await w.rows<{ id: string }>(
      sql`select id from folders where matter_id = ${w.matter.id} and name = 'Portal uploads'`,
    );
    expect(uploadFolders).toHaveLength(1);

    // Removed from the portal, the client no longer sees what it uploaded; the firm still does.
    await w.rows(
      sql`delete from conversation_participants where conversation_id = ${portal.id} and contact_id = ${w.clientContactId}`,
    );
    expect((await download(w.client, passport)).statusCode).toBe(404);
    expect((await download(w.attorney, passport)).statusCode).toBe(200);
    expect((await upload(w.client, portal.id, [file('more.txt', 'more')])).statusCode).toBe(404);
  });

  it('lets firm users and co-counsel participants upload, and nobody else', async () => {
    const portal = await w.portal({
      participants: [{ membershipId: w.attorney.membership.id }, { contactId: w.coCounselContactId }],
    });
    const [byStaff] = await uploaded(w.staff, portal.id, [file('Engagement.txt', 'engagement')]);
    expect(byStaff?.shared_by).toMatchObject({ type: 'user', id: w.staff.membership.id });
    const [byCoCounsel] = await uploaded(w.coCounsel, portal.id, [file('Opinion.txt', 'opinion')]);
    expect((await download(w.coCounsel, byStaff?.resource_id ?? '')).statusCode).toBe(200);
    expect((await download(w.attorney, byCoCounsel?.resource_id ?? '')).statusCode).toBe(200);

    // The client takes no part in this portal; another firm does not see it.
    const before = await documentCount();
    expect((await upload(w.client, portal.id, [file('x.txt', 'x')])).statusCode).toBe(404);
    expect((await upload(w.otherAdmin, portal.id, [file('x.txt', 'x')])).statusCode).toBe(404);
    expect(await documentCount()).toBe(before);
  });

  it('refuses uploads into a closed portal with 409, storing nothing', async () => {
    const portal = await w.portal();
    await w.rows(sql`update conversations set closed_at = now() where id = ${portal.id}`);
    const before = await documentCount();
    for (const as of [w.client, w.attorney]) {
      const refused = await upload(as, portal.id, [file('late.txt', 'too late')]);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect(await documentCount()).toBe(before);
  });

  it('checks files as any upload: 415 for a refused type, 413 over the limit, 400 for an unknown field', async () => {
    const portal = await w.portal();
    const before = await documentCount();
    const disguised = await upload(w.client, portal.id, [file('notes.txt', html)]);
    expect(disguised.statusCode, disguised.body).toBe(415);
    const large = await upload(w.client, portal.id, [file('large.txt', 'a'.repeat(MAX_FILE_BYTES + 1))]);
    expect(large.statusCode, large.body).toBe(413);
    const targeted = await upload(w.client, portal.id, [
      { name: 'folder_id', data: w.matter.rootFolderId },
      file('a.txt', 'a'),
    ]);
    expect(targeted.statusCode, targeted.body).toBe(400);
    const empty = await upload(w.client, portal.id, []);
    expect(empty.statusCode, empty.body).toBe(400);
    expect(await documentCount()).toBe(before);
    const pending = await w.rows(sql`select blob_key from blob_reservations`);
    expect(pending).toEqual([]);
  });
});
