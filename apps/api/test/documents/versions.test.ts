import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FormPart, multipartForm } from '../support/multipart';
import { html, pdf, png, sha256 } from './fixtures';
import { type DocumentsWorld, documentsWorld, drivers, type UploadedDocument } from './support';

interface Version {
  id: string;
  number: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: { type: string; id: string; name: string };
  is_current: boolean;
}

describe.each(drivers)('document versions (%s storage)', (driver) => {
  let w: DocumentsWorld;
  let document: UploadedDocument;

  const newVersion = (id: string, parts: FormPart[], session = w.admin) => {
    const form = multipartForm(parts);
    return w.inject(session, {
      method: 'POST',
      url: `/api/v1/documents/${id}/versions`,
      headers: form.headers,
      payload: form.payload,
    });
  };
  const file = (filename: string, data: Buffer | string, contentType = 'application/pdf'): FormPart => ({
    name: 'file',
    filename,
    data,
    contentType,
  });
  const versions = async (id: string): Promise<Version[]> =>
    (await w.inject(w.staff, { method: 'GET', url: `/api/v1/documents/${id}/versions` })).json().data;
  const current = async (id: string): Promise<UploadedDocument> =>
    (await w.inject(w.staff, { method: 'GET', url: `/api/v1/documents/${id}` })).json().data;

  async function expectNothingLeft(action: () => Promise<unknown>) {
    const [counts, keys, shown] = [await w.counts(), await w.storedKeys(), await current(document.id)];
    await action();
    expect(await w.counts()).toEqual(counts);
    expect(await w.storedKeys()).toEqual(keys);
    expect(await current(document.id)).toEqual(shown);
  }

  beforeAll(async () => {
    w = await documentsWorld(driver, { UPLOAD_MAX_FILE_BYTES: String(64 * 1024) });
    document = await w.uploadOne(w.staff, w.matter.rootFolderId, { name: 'Brief.pdf', data: pdf('v1') });
  });
  afterAll(() => w.close());

  it('uploads a new version: the next number, current at once, the document keeps its name; audited', async () => {
    const bytes = pdf('v2', 500);
    const response = await newVersion(document.id, [file('Brief (revised).pdf', bytes)]);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.location).toBe(`/api/v1/documents/${document.id}`);
    expect(response.json().data).toEqual({
      id: expect.any(String),
      document_id: document.id,
      number: 2,
      file_name: 'Brief (revised).pdf',
      content_type: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      uploaded_by: { type: 'user', id: w.admin.membership.id, name: expect.any(String) },
      created_at: expect.any(String),
      is_current: true,
    });
    expect(await current(document.id)).toMatchObject({
      name: 'Brief.pdf',
      version: 2,
      size: bytes.length,
      sha256: sha256(bytes),
      current_version_id: response.json().data.id,
    });
    const listed = await versions(document.id);
    expect(listed.map((version) => [version.number, version.is_current, version.uploaded_by.id])).toEqual([
      [2, true, w.admin.membership.id],
      [1, false, w.staff.membership.id],
    ]);
    const events = await w.rows<{ action: string; version: number }>(
      sql`select action, (details->>'version')::int as version from audit_events where object_id = ${document.id} order by created_at, id`,
    );
    expect(events).toEqual([
      { action: 'document.uploaded', version: 1 },
      { action: 'document.uploaded', version: 2 },
    ]);
  });

  it('may change the type between versions (a draft, then the signed scan)', async () => {
    const response = await newVersion(document.id, [file('signed.png', png, 'image/png')]);
    expect(response.statusCode).toBe(201);
    expect(await current(document.id)).toMatchObject({ version: 3, content_type: 'image/png' });
  });

  it('numbers concurrent uploads distinctly', async () => {
    const responses = await Promise.all(
      ['a', 'b', 'c'].map((label) => newVersion(document.id, [file(`${label}.pdf`, pdf(label))])),
    );
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201]);
    expect(responses.map((response) => response.json().data.number).sort()).toEqual([4, 5, 6]);
  });

  it('restores an earlier version as current (a pointer switch, audited); later versions stay', async () => {
    const [first] = (await versions(document.id)).slice(-1);
    const restored = await w.inject(w.staff, {
      method: 'POST',
      url: `/api/v1/documents/${document.id}/versions/1/restore`,
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().data).toMatchObject({
      version: 1,
      current_version_id: first?.id,
      sha256: first?.sha256,
      name: 'Brief.pdf',
    });
    const listed = await versions(document.id);
    expect(listed.map((version) => version.number)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(listed.filter((version) => version.is_current).map((version) => version.number)).toEqual([1]);
    const [event] = await w.rows<{ details: { version: number; previous_version: number } }>(
      sql`select details from audit_events where object_id = ${document.id} and action = 'document.version_restored'`,
    );
    expect(event?.details).toEqual({ version: 1, previous_version: 6 });

    // A new upload after a restore still takes the next number.
    const next = await newVersion(document.id, [file('d.pdf', pdf('d'))]);
    expect(next.json().data.number).toBe(7);
    for (const [number, status] of [
      [99, 404],
      [0, 400],
    ] as const) {
      const response = await w.inject(w.staff, {
        method: 'POST',
        url: `/api/v1/documents/${document.id}/versions/${number}/restore`,
      });
      expect(response.statusCode).toBe(status);
    }
  });

  it('refuses a disguised, oversized or extra-part version, storing nothing and changing nothing', async () => {
    await expectNothingLeft(async () => {
      expect((await newVersion(document.id, [file('evil.pdf', html)])).statusCode).toBe(415);
      expect((await newVersion(document.id, [file('big.pdf', pdf('big', 70 * 1024))])).statusCode).toBe(413);
      expect((await newVersion(document.id, [file('a.pdf', pdf()), file('b.pdf', pdf())])).statusCode).toBe(
        400,
      );
      expect(
        (await newVersion(document.id, [{ name: 'name', data: 'x' }, file('a.pdf', pdf())])).statusCode,
      ).toBe(400);
      expect((await newVersion(document.id, [])).statusCode).toBe(400);
    });
  });

  it("answers 404 for another firm's, a deleted or an unknown document, and 400 for a bad id", async () => {
    expect((await newVersion(document.id, [file('a.pdf', pdf())], w.otherAdmin)).statusCode).toBe(404);
    const gone = await w.uploadOne(w.staff, w.matter.rootFolderId, { name: 'Gone.pdf', data: pdf() });
    await w.inject(w.staff, { method: 'DELETE', url: `/api/v1/documents/${gone.id}` });
    expect((await newVersion(gone.id, [file('a.pdf', pdf())])).statusCode).toBe(404);
    expect(
      (await w.inject(w.staff, { method: 'GET', url: `/api/v1/documents/${gone.id}/versions` })).statusCode,
    ).toBe(404);
    expect(
      (await newVersion('0190a000-0000-7000-8000-0000000000ab', [file('a.pdf', pdf())])).statusCode,
    ).toBe(404);
    expect((await newVersion('not-an-id', [file('a.pdf', pdf())])).statusCode).toBe(400);
    expect(
      (
        await w.inject(w.otherAdmin, {
          method: 'POST',
          url: `/api/v1/documents/${document.id}/versions/1/restore`,
        })
      ).statusCode,
    ).toBe(404);
  });
});
