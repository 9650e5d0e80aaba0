import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, sha256 } from '../documents/fixtures';
import { type DeliveredMail, deliveredTo } from '../support/dev-mailbox';
import { makeMatter } from '../support/factories/practice';
import type { FormPart } from '../support/multipart';
import { errorPaths } from '../support/problems';
import { type CoCounsel, type CoCounselWorld, coCounselWorld } from './documents-world';

const ATTORNEY = 'attorney@demo-firm.test';
const ADMIN = 'admin@demo-firm.test';

/** A file part, with the `path` of a folder upload before it when given. */
const file = (name: string, options: { path?: string; data?: Buffer } = {}): FormPart[] => [
  ...(options.path ? [{ name: 'path', data: options.path }] : []),
  { name: 'file', filename: name, contentType: 'application/pdf', data: options.data ?? pdf(name) },
];

/**
 * Co-counsel uploads (multipart, folder uploads, direct-to-storage) into what is shared with it —
 * a shared folder's tree, or a shared matter's root — and nowhere else; the firm is told by mail.
 */
describe('co-counsel: uploads into what is shared with it', () => {
  let w: CoCounselWorld;
  let counsel: CoCounsel;
  let stranger: CoCounsel;
  /** A matter with a responsible attorney and a shared folder; one shared whole, without one. */
  const place = { matterId: '', number: '', sharedFolderId: '', privateFolderId: '', otherMatterId: '' };
  const sharedMatter = { id: '', rootFolderId: '', number: '' };

  const mailsTo = async (address: string): Promise<DeliveredMail[]> => deliveredTo(w.t.app, address);
  /** The mails `address` received after it had `before` (the mailbox lists the newest first). */
  const mailsSince = async (address: string, before: number) => {
    const mails = await mailsTo(address);
    return mails.slice(0, mails.length - before);
  };
  const uploadAs = (who: CoCounsel, target: FormPart[], files: FormPart[]) =>
    w.upload(who.session, [...target, ...files]);

  beforeAll(async () => {
    w = await coCounselWorld();
    const db = w.t.database.db;
    const matter = await makeMatter(db, w.firmId, {
      description: 'Harbor lease dispute',
      responsibleAttorneyId: w.attorney.membership.id,
    });
    place.matterId = matter.id;
    place.number = matter.number;
    place.sharedFolderId = await w.folder(matter.rootFolderId, 'From co-counsel');
    place.privateFolderId = await w.folder(matter.rootFolderId, 'Private');
    place.otherMatterId = (await makeMatter(db, w.firmId)).id;
    const whole = await makeMatter(db, w.firmId, { description: 'Whole matter shared' });
    Object.assign(sharedMatter, { id: whole.id, rootFolderId: whole.rootFolderId, number: whole.number });
    counsel = await w.makeCoCounsel('Uploading Counsel');
    stranger = await w.makeCoCounsel('Stranger Counsel');
    await w.share(counsel, { folderId: place.sharedFolderId });
    await w.share(counsel, { matterId: sharedMatter.id });
  }, 60_000);
  afterAll(() => w.close());

  it('uploads into a shared folder: visible to it and to the firm, as its contact', async () => {
    const response = await uploadAs(
      counsel,
      [{ name: 'folder_id', data: place.sharedFolderId }],
      file('Expert report.pdf'),
    );
    expect(response.statusCode, response.body).toBe(201);
    const [uploaded] = response.json().data;
    expect(uploaded).toMatchObject({
      folder_id: place.sharedFolderId,
      matter_id: place.matterId,
      uploaded_by: { type: 'contact', id: counsel.contactId, name: counsel.name },
    });
    expect((await w.get(counsel.session, `/api/v1/documents/${uploaded.id}`)).statusCode).toBe(200);
    const seenByFirm = await w.get(w.staff, `/api/v1/documents/${uploaded.id}`);
    expect(seenByFirm.json().data.uploaded_by).toEqual(uploaded.uploaded_by);
    const versions = (await w.get(w.staff, `/api/v1/documents/${uploaded.id}/versions`)).json().data;
    expect(versions[0].uploaded_by).toEqual(uploaded.uploaded_by);
  });

  it('uploads into a shared matter (by matter_id or its root folder) without seeing its folders', async () => {
    for (const target of [
      { name: 'matter_id', data: sharedMatter.id },
      { name: 'folder_id', data: sharedMatter.rootFolderId },
    ]) {
      const response = await uploadAs(counsel, [target], file(`Via ${target.name}.pdf`));
      expect(response.statusCode, response.body).toBe(201);
      const [uploaded] = response.json().data;
      expect(uploaded.folder_id).toBe(sharedMatter.rootFolderId);
      expect((await w.get(counsel.session, `/api/v1/documents/${uploaded.id}`)).statusCode).toBe(200);
    }
    // Its uploads show; the root folder and the firm's other documents there do not.
    await w.uploadOne(w.admin, sharedMatter.rootFolderId, { name: 'Firm only.pdf', data: pdf('Firm only') });
    expect((await w.get(counsel.session, `/api/v1/folders/${sharedMatter.rootFolderId}`)).statusCode).toBe(
      404,
    );
    expect(await w.ids(counsel.session, `/api/v1/folders?matter_id=${sharedMatter.id}`)).toEqual([]);
    const names = (await w.get(counsel.session, `/api/v1/documents?matter_id=${sharedMatter.id}`))
      .json()
      .data.map((d: { name: string }) => d.name)
      .sort();
    expect(names).toEqual(['Via folder_id.pdf', 'Via matter_id.pdf']);
  });

  it('uploads a folder: the sub-folders it makes are its own, the existing ones are reused', async () => {
    const response = await uploadAs(
      counsel,
      [{ name: 'folder_id', data: place.sharedFolderId }],
      [...file('a.pdf', { path: 'Exhibits/2026/a.pdf' }), ...file('b.pdf', { path: 'exhibits/b.pdf' })],
    );
    expect(response.statusCode, response.body).toBe(201);
    const made = await w.rows<{ id: string; name: string; created_by_membership_id: string }>(
      sql`select id, name, created_by_membership_id from folders where name in ('Exhibits', '2026') order by name`,
    );
    expect(made.map((row) => [row.name, row.created_by_membership_id])).toEqual([
      ['2026', counsel.membershipId],
      ['Exhibits', counsel.membershipId],
    ]);
    const listed = await w.ids(counsel.session, '/api/v1/folders');
    for (const row of made) expect(listed).toContain(row.id);
    expect(await w.ids(w.admin, `/api/v1/folders?parent_id=${place.sharedFolderId}`)).toContain(made[1]?.id);
  });

  it('makes folders where it may upload (shared folder, shared matter root), and nowhere else (422)', async () => {
    for (const parentId of [place.sharedFolderId, sharedMatter.rootFolderId]) {
      const response = await w.send(counsel.session, 'POST', '/api/v1/folders', {
        parent_id: parentId,
        name: 'Correspondence',
      });
      expect(response.statusCode, response.body).toBe(201);
      expect((await w.get(counsel.session, `/api/v1/folders/${response.json().data.id}`)).statusCode).toBe(
        200,
      );
    }
    const refused = await w.send(counsel.session, 'POST', '/api/v1/folders', {
      parent_id: place.privateFolderId,
      name: 'Sneaking in',
    });
    expect(refused.statusCode).toBe(422);
    expect(errorPaths(refused)).toBe('/parent_id');
  });

  it('is refused (422) anywhere else, before a byte is stored', async () => {
    const keys = await w.storedKeys();
    const counts = await w.counts();
    const refusals: [CoCounsel, FormPart][] = [
      [counsel, { name: 'folder_id', data: place.privateFolderId }],
      [counsel, { name: 'matter_id', data: place.matterId }],
      [counsel, { name: 'matter_id', data: place.otherMatterId }],
      [stranger, { name: 'folder_id', data: place.sharedFolderId }],
      [stranger, { name: 'matter_id', data: sharedMatter.id }],
    ];
    for (const [who, target] of refusals) {
      const response = await uploadAs(who, [target], file('Refused.pdf'));
      expect(response.statusCode, `${target.name}=${target.data}`).toBe(422);
      expect(errorPaths(response)).toBe(`/${target.name}`);
    }
    const direct = await w.send(counsel.session, 'POST', '/api/v1/documents/uploads', {
      folder_id: place.privateFolderId,
      name: 'Refused.pdf',
      size: 100,
      sha256: sha256('x'),
      content_type: 'application/pdf',
    });
    expect(direct.statusCode).toBe(422);
    expect(await w.storedKeys()).toEqual(keys);
    expect(await w.counts()).toEqual(counts);
  });

  it('uploads directly to storage into a shared folder and confirms', async () => {
    const bytes = pdf('Large exhibit', 5000);
    const started = await w.send(counsel.session, 'POST', '/api/v1/documents/uploads', {
      folder_id: place.sharedFolderId,
      name: 'Large exhibit.pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      content_type: 'application/pdf',
    });
    expect(started.statusCode, started.body).toBe(201);
    const { id, url } = started.json().data;
    const link = new URL(url);
    expect(
      (await w.inject(null, { method: 'PUT', url: `${link.pathname}${link.search}`, payload: bytes }))
        .statusCode,
    ).toBe(204);
    const confirmed = await w.send(counsel.session, 'POST', `/api/v1/documents/uploads/${id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().data).toMatchObject({ folder_id: place.sharedFolderId, size: bytes.length });
    // A new version of a document it sees is not its to add.
    const version = await w.send(counsel.session, 'POST', '/api/v1/documents/uploads', {
      document_id: confirmed.json().data.id,
      name: 'Large exhibit.pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      content_type: 'application/pdf',
    });
    expect(version.statusCode).toBe(403);
  });

  describe('the firm notice', () => {
    it('mails the responsible attorney once per upload request: who, how many, which matter, a link', async () => {
      const before = { attorney: (await mailsTo(ATTORNEY)).length, admin: (await mailsTo(ADMIN)).length };
      const secret = 'TOP-SECRET-SETTLEMENT-FIGURE';
      const response = await uploadAs(
        counsel,
        [{ name: 'folder_id', data: place.sharedFolderId }],
        [...file('Settlement draft.pdf', { data: pdf(secret) }), ...file('Second.pdf'), ...file('Third.pdf')],
      );
      expect(response.statusCode, response.body).toBe(201);
      const mails = await mailsSince(ATTORNEY, before.attorney);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail?.subject).toBe(
        `${counsel.name} uploaded 3 files to ${place.number} – Harbor lease dispute`,
      );
      expect(mail?.text).toContain(`${w.t.config.publicUrl}/matters/${place.matterId}/documents`);
      for (const leak of [secret, 'Settlement draft', '%PDF']) {
        expect(`${mail?.subject}\n${mail?.text}`).not.toContain(leak);
      }
      expect((await mailsTo(ADMIN)).length).toBe(before.admin);
    });

    it("mails the firm's admins when the matter has no responsible attorney, or theirs left", async () => {
      const before = (await mailsTo(ADMIN)).length;
      const response = await uploadAs(
        counsel,
        [{ name: 'matter_id', data: sharedMatter.id }],
        file('One.pdf'),
      );
      expect(response.statusCode).toBe(201);
      let mails = await mailsSince(ADMIN, before);
      expect(mails.map((mail) => mail.subject)).toEqual([
        `${counsel.name} uploaded 1 file to ${sharedMatter.number} – Whole matter shared`,
      ]);

      await w.rows(sql`update memberships set status = 'deactivated' where id = ${w.attorney.membership.id}`);
      try {
        const attorneyBefore = (await mailsTo(ATTORNEY)).length;
        await uploadAs(counsel, [{ name: 'folder_id', data: place.sharedFolderId }], file('Two.pdf'));
        mails = await mailsSince(ADMIN, before);
        expect(mails).toHaveLength(2);
        expect((await mailsTo(ATTORNEY)).length).toBe(attorneyBefore);
      } finally {
        await w.rows(sql`update memberships set status = 'active' where id = ${w.attorney.membership.id}`);
      }
    });

    it('mails once for a confirmed direct upload, and never for firm users or refused uploads', async () => {
      const before = (await mailsTo(ATTORNEY)).length;
      await w.uploadOne(w.staff, place.sharedFolderId, { name: 'By staff.pdf', data: pdf('By staff') });
      await uploadAs(counsel, [{ name: 'folder_id', data: place.privateFolderId }], file('Refused.pdf'));
      expect((await mailsTo(ATTORNEY)).length).toBe(before);

      const bytes = pdf('Direct notice');
      const started = await w.send(counsel.session, 'POST', '/api/v1/documents/uploads', {
        folder_id: place.sharedFolderId,
        name: 'Direct notice.pdf',
        size: bytes.length,
        sha256: sha256(bytes),
        content_type: 'application/pdf',
      });
      const { id, url } = started.json().data;
      const link = new URL(url);
      await w.inject(null, { method: 'PUT', url: `${link.pathname}${link.search}`, payload: bytes });
      expect((await mailsTo(ATTORNEY)).length).toBe(before); // nothing until it is confirmed
      for (let i = 0; i < 2; i += 1) {
        const confirmed = await w.send(counsel.session, 'POST', `/api/v1/documents/uploads/${id}/confirm`);
        expect(confirmed.statusCode).toBe(200);
      }
      const mails = await mailsSince(ATTORNEY, before);
      expect(mails.map((mail) => mail.subject)).toEqual([
        `${counsel.name} uploaded 1 file to ${place.number} – Harbor lease dispute`,
      ]);
    });
  });
});
