import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { makeDocument, makeIncompleteDocument } from '../support/factories/documents';
import { makeMatter } from '../support/factories/practice';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

let ipCounter = 0;
const nextIp = () => `10.66.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

interface DocumentState {
  id: string;
  folder_id: string;
  deleted_at: Date | string | null;
  deleted_by_membership_id: string | null;
  current_version_id: string | null;
}

describe('deleting a folder with its contents', () => {
  let t: TestApp;
  let admin: SignedIn;
  let staff: SignedIn;
  let matter: { id: string; rootFolderId: string; firmId: string };

  const call = (session: SignedIn, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: session.auth,
      ...(payload ? { payload } : {}),
      remoteAddress: nextIp(),
    });
  const create = async (parentId: string, name: string): Promise<string> => {
    const response = await call(admin, 'POST', '/api/v1/folders', { parent_id: parentId, name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id;
  };
  const document = (folderId: string, name: string, extra: { deletedAt?: Date } = {}) =>
    makeDocument(t.database.db, {
      firmId: matter.firmId,
      matterId: matter.id,
      folderId,
      uploadedBy: admin.membership.id,
      name,
      bytes: `the bytes of ${name}`,
      blobs: t.app.blobs,
      ...extra,
    });
  const stateOf = async (documentId: string) => {
    const result = (await t.database.db.execute(
      sql`select id, folder_id, deleted_at, deleted_by_membership_id, current_version_id
            from documents where id = ${documentId}`,
    )) as unknown as { rows: DocumentState[] };
    return result.rows[0];
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    matter = await makeMatter(t.database.db, admin.membership.firm_id);
  });
  afterAll(() => t.close());

  it('refuses a folder holding a live document (409), naming it', async () => {
    const folder = await create(matter.rootFolderId, 'Holds a document');
    await document(folder, 'Kept.pdf');
    const refused = await call(staff, 'DELETE', `/api/v1/folders/${folder}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('0 folders and 1 document');
  });

  it('deletes a folder holding only deleted documents, which stay deleted in the root folder', async () => {
    const folder = await create(matter.rootFolderId, 'Only deleted inside');
    const deletedAt = new Date(Date.now() - 86_400_000);
    const { document: gone } = await document(folder, 'Gone.pdf', { deletedAt });
    const incomplete = await makeIncompleteDocument(t.database.db, {
      firmId: matter.firmId,
      matterId: matter.id,
      folderId: folder,
      uploadedBy: admin.membership.id,
      name: 'Never confirmed.pdf',
    });
    expect((await call(staff, 'DELETE', `/api/v1/folders/${folder}`)).statusCode).toBe(204);
    expect(await stateOf(gone.id)).toMatchObject({
      folder_id: matter.rootFolderId,
      deleted_by_membership_id: admin.membership.id,
    });
    expect(new Date(String((await stateOf(gone.id))?.deleted_at)).getTime()).toBe(deletedAt.getTime());
    expect(await stateOf(incomplete.id)).toMatchObject({ folder_id: matter.rootFolderId, deleted_at: null });
  });

  it('with recursive=true removes the subtree in one go: documents deleted-restorable in the root, audited', async () => {
    const top = await create(matter.rootFolderId, 'Case files');
    const middle = await create(top, 'Discovery');
    const bottom = await create(middle, 'Exhibits');
    const sibling = await create(matter.rootFolderId, 'Untouched');
    const { document: inTop, version: topVersion } = await document(top, 'Top.pdf');
    const { document: inBottom } = await document(bottom, 'Bottom.pdf');
    const earlier = new Date(Date.now() - 3_600_000);
    const { document: alreadyDeleted } = await document(middle, 'Earlier.pdf', { deletedAt: earlier });
    const { document: elsewhere } = await document(sibling, 'Elsewhere.pdf');

    const response = await call(staff, 'DELETE', `/api/v1/folders/${top}?recursive=true`);
    expect(response.statusCode, response.body).toBe(204);

    for (const id of [top, middle, bottom]) {
      expect((await call(admin, 'GET', `/api/v1/folders/${id}`)).statusCode).toBe(404);
    }
    expect((await call(admin, 'GET', `/api/v1/folders/${sibling}`)).statusCode).toBe(200);
    for (const id of [inTop.id, inBottom.id]) {
      const state = await stateOf(id);
      expect(state).toMatchObject({
        folder_id: matter.rootFolderId,
        deleted_by_membership_id: staff.membership.id,
      });
      expect(state?.deleted_at).not.toBeNull();
      expect(state?.current_version_id).not.toBeNull();
    }
    const kept = await stateOf(alreadyDeleted.id);
    expect(kept).toMatchObject({
      folder_id: matter.rootFolderId,
      deleted_by_membership_id: admin.membership.id,
    });
    expect(new Date(String(kept?.deleted_at)).getTime()).toBe(earlier.getTime());
    expect(await stateOf(elsewhere.id)).toMatchObject({ folder_id: sibling, deleted_at: null });

    // Restorable: the versions and their bytes are all still there.
    const stored = await t.app.blobs.get(topVersion.blobKey);
    const chunks: Buffer[] = [];
    for await (const chunk of stored) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('the bytes of Top.pdf');

    const events = (await t.database.db.execute(
      sql`select action, actor_membership_id, details from audit_events where object_id = ${top} order by id`,
    )) as unknown as { rows: { action: string; actor_membership_id: string; details: unknown }[] };
    expect(events.rows.at(-1)).toEqual({
      action: 'folder.deleted',
      actor_membership_id: staff.membership.id,
      details: {
        matter_id: matter.id,
        name: 'Case files',
        recursive: true,
        folders_deleted: 3,
        documents_deleted: 2,
      },
    });
  });

  it('changes nothing when the recursive delete fails part-way (one transaction)', async () => {
    const top = await create(matter.rootFolderId, 'Atomic');
    await create(top, 'Inner');
    const { document: inside } = await document(top, 'Inside.pdf');
    // A broken audit write (the last step) must take the whole delete back with it.
    await t.database.db.execute(sql`alter table audit_events add constraint no_folder_deletes
      check (action <> 'folder.deleted') not valid`);
    try {
      const response = await call(staff, 'DELETE', `/api/v1/folders/${top}?recursive=true`);
      expect(response.statusCode).toBe(500);
    } finally {
      await t.database.db.execute(sql`alter table audit_events drop constraint no_folder_deletes`);
    }
    expect((await call(admin, 'GET', `/api/v1/folders/${top}`)).statusCode).toBe(200);
    expect((await call(admin, 'GET', `/api/v1/folders?parent_id=${top}`)).json().data).toHaveLength(1);
    expect(await stateOf(inside.id)).toMatchObject({ folder_id: top, deleted_at: null });
  });
});
