import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { makeDocument, makeIncompleteDocument } from '../support/factories/documents';
import { makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

let ipCounter = 0;
const nextIp = () => `10.63.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

/** Time logged on a document: the "add time" button on a document. */
describe('time entries on documents', () => {
  let t: TestApp;
  let admin: SignedIn;
  let otherAdmin: SignedIn;
  let firmId: string;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: admin.auth,
      ...(payload ? { payload } : {}),
      remoteAddress: nextIp(),
    });
  const countEntries = async () =>
    Number(
      (
        (await t.database.db.execute(sql`select count(*)::int as n from activities`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]?.n,
    );
  /** A matter of `firm` with a document in its root folder (rows only: no bytes are read here). */
  const matterWithDocument = async (session: SignedIn, options: { deletedAt?: Date } = {}) => {
    const matter = await makeMatter(t.database.db, session.membership.firm_id);
    const { document } = await makeDocument(t.database.db, {
      firmId: session.membership.firm_id,
      matterId: matter.id,
      folderId: matter.rootFolderId,
      uploadedBy: session.membership.id,
      name: 'Draft.pdf',
      ...(options.deletedAt ? { deletedAt: options.deletedAt } : {}),
    });
    return { matter, document };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    firmId = admin.membership.firm_id;
  });
  afterAll(() => t.close());

  it('links an entry to a document of its matter, answers the link, and lists by document', async () => {
    const { matter, document } = await matterWithDocument(admin);
    const created = await call('POST', '/api/v1/activities', {
      matter_id: matter.id,
      duration_seconds: 1800,
      description: 'Reviewed the draft',
      document_id: document.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json().data;
    expect(entry.document_id).toBe(document.id);
    expect((await call('GET', `/api/v1/activities/${entry.id}`)).json().data.document_id).toBe(document.id);

    const other = await call('POST', '/api/v1/activities', { matter_id: matter.id, duration_seconds: 60 });
    expect(other.json().data.document_id).toBeNull();
    const listed = await call('GET', `/api/v1/activities?document_id=${document.id}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data.map((row: { id: string }) => row.id)).toEqual([entry.id]);
    expect((await call('GET', `/api/v1/activities?matter_id=${matter.id}`)).json().data).toHaveLength(2);
    expect((await call('GET', '/api/v1/activities?document_id=draft')).statusCode).toBe(400);
  });

  it("refuses another matter's, a deleted, an unfinished or another firm's document (422, nothing written)", async () => {
    const { matter } = await matterWithDocument(admin);
    const { document: elsewhere } = await matterWithDocument(admin);
    const deleted = (
      await makeDocument(t.database.db, {
        firmId,
        matterId: matter.id,
        folderId: matter.rootFolderId,
        uploadedBy: admin.membership.id,
        name: 'Deleted.pdf',
        deletedAt: new Date(),
      })
    ).document;
    const unfinished = await makeIncompleteDocument(t.database.db, {
      firmId,
      matterId: matter.id,
      folderId: matter.rootFolderId,
      uploadedBy: admin.membership.id,
      name: 'Uploading.pdf',
    });
    const { document: theirs } = await matterWithDocument(otherAdmin);
    const before = await countEntries();
    for (const [document, message] of [
      [elsewhere, 'The document is on another matter.'],
      [deleted, 'No such document.'],
      [unfinished, 'No such document.'],
      [theirs, 'No such document.'],
    ] as const) {
      const response = await call('POST', '/api/v1/activities', {
        matter_id: matter.id,
        duration_seconds: 600,
        document_id: document.id,
      });
      expect(response.statusCode, document.name).toBe(422);
      expect(errorPaths(response)).toBe('/document_id');
      expect(response.json().errors[0].message).toBe(message);
    }
    const malformed = await call('POST', '/api/v1/activities', {
      matter_id: matter.id,
      duration_seconds: 600,
      document_id: 'draft.pdf',
    });
    expect(malformed.statusCode).toBe(400);
    expect(await countEntries()).toBe(before);
  });

  it('re-checks the link when an entry moves or relinks; unlinking or a document deleted since never blocks', async () => {
    const { matter, document } = await matterWithDocument(admin);
    const { matter: elsewhere, document: elsewhereDocument } = await matterWithDocument(admin);
    const entry = (
      await call('POST', '/api/v1/activities', {
        matter_id: matter.id,
        duration_seconds: 600,
        document_id: document.id,
      })
    ).json().data;
    const url = `/api/v1/activities/${entry.id}`;

    const moved = await call('PATCH', url, { matter_id: elsewhere.id });
    expect(moved.statusCode).toBe(422);
    expect(errorPaths(moved)).toBe('/document_id');
    const relinked = await call('PATCH', url, { document_id: elsewhereDocument.id });
    expect(relinked.statusCode).toBe(422);
    expect(errorPaths(relinked)).toBe('/document_id');
    expect((await call('GET', url)).json().data).toMatchObject({
      matter_id: matter.id,
      document_id: document.id,
    });

    const both = await call('PATCH', url, { matter_id: elsewhere.id, document_id: elsewhereDocument.id });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json().data).toMatchObject({ matter_id: elsewhere.id, document_id: elsewhereDocument.id });

    // The document is deleted (restorable): the entry keeps its link and stays editable.
    await t.database.db.execute(
      sql`update documents set deleted_at = now() where id = ${elsewhereDocument.id}`,
    );
    const edited = await call('PATCH', url, { description: 'Still on it', matter_id: elsewhere.id });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().data.document_id).toBe(elsewhereDocument.id);
    const relinkDeleted = await call('PATCH', url, { document_id: elsewhereDocument.id });
    expect(relinkDeleted.statusCode).toBe(422);
    const unlinked = await call('PATCH', url, { document_id: null });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json().data.document_id).toBeNull();
  });
});
