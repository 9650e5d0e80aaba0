import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../support/problems';
import { html, pdf, sha256 } from './fixtures';
import { type DocumentsWorld, documentsWorld, drivers } from './support';

interface DirectUpload {
  id: string;
  document_id: string;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expires_at: string;
}

describe.each(drivers)('direct uploads (%s storage)', (driver) => {
  let w: DocumentsWorld;

  const start = (payload: object, session = w.staff) =>
    w.inject(session, { method: 'POST', url: '/api/v1/documents/uploads', payload });
  const started = async (payload: object, session = w.staff): Promise<DirectUpload> => {
    const response = await start(payload, session);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const declare = (bytes: Buffer, overrides: object = {}) => ({
    folder_id: w.matter.rootFolderId,
    name: 'Deposition.pdf',
    size: bytes.length,
    sha256: sha256(bytes),
    content_type: 'application/pdf',
    ...overrides,
  });
  const confirm = (id: string, session = w.staff) =>
    w.inject(session, { method: 'POST', url: `/api/v1/documents/uploads/${id}/confirm` });

  /** Sends the bytes where the answer says, as a client would: S3 itself, or the API's signed link. */
  async function send(upload: DirectUpload, bytes: Buffer): Promise<number> {
    if (driver === 's3') {
      const response = await fetch(upload.url, {
        method: upload.method,
        headers: upload.headers,
        body: bytes,
      });
      return response.status;
    }
    const url = new URL(upload.url);
    const response = await w.inject(null, {
      method: 'PUT',
      url: `${url.pathname}${url.search}`,
      headers: upload.headers,
      payload: bytes,
    });
    return response.statusCode;
  }
  const pendingOf = (id: string) =>
    w.rows<{ status: string; number: number | null; blob_key: string }>(
      sql`select status, number, blob_key from document_versions where id = ${id}`,
    );

  beforeAll(async () => {
    w = await documentsWorld(driver, { UPLOAD_MAX_FILE_BYTES: String(1024 * 1024) });
  });
  afterAll(() => w.close());

  it('starts a pending upload: a short-lived PUT URL, nothing visible yet', async () => {
    const bytes = pdf('Deposition', 2000);
    const before = Date.now();
    const upload = await started(declare(bytes));
    expect(upload).toEqual({
      id: expect.any(String),
      document_id: expect.any(String),
      url: expect.any(String),
      method: 'PUT',
      headers: { 'Content-Type': 'application/pdf' },
      expires_at: expect.any(String),
    });
    const expiresIn = Date.parse(upload.expires_at) - before;
    expect(expiresIn).toBeGreaterThan(290_000);
    expect(expiresIn).toBeLessThanOrEqual(301_000);
    const [version] = await pendingOf(upload.id);
    expect(version).toMatchObject({ status: 'pending', number: null });
    if (driver === 's3') {
      expect(upload.url).toContain('X-Amz-Signature=');
    } else {
      expect(upload.url).toMatch(/^http.*\/api\/v1\/documents\/uploads\/[0-9a-f-]+\/content\?token=/);
      // The signed link names the upload, never where its bytes are kept.
      expect(upload.url).not.toContain(version?.blob_key.slice(-12));
    }
    expect(
      (await w.inject(w.staff, { method: 'GET', url: `/api/v1/documents/${upload.document_id}` })).statusCode,
    ).toBe(404);
    const listed = await w.inject(w.staff, {
      method: 'GET',
      url: `/api/v1/documents?matter_id=${w.matter.id}`,
    });
    expect(listed.json().data.map((document: { id: string }) => document.id)).not.toContain(
      upload.document_id,
    );
  });

  it('refuses to confirm bytes with the wrong checksum (422): they are deleted, the upload stays pending', async () => {
    const bytes = pdf('Checked', 1000);
    const upload = await started(declare(bytes, { sha256: sha256('something else') }));
    expect(await send(upload, bytes)).toBe(driver === 's3' ? 200 : 204);
    const [{ blob_key: key } = { blob_key: '' }] = await pendingOf(upload.id);
    expect(await w.t.app.blobs.head(key)).not.toBeNull();
    const refused = await confirm(upload.id);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().detail).toContain('SHA-256');
    expect(await w.t.app.blobs.head(key)).toBeNull();
    expect((await pendingOf(upload.id))[0]?.status).toBe('pending');
    expect(
      (await w.inject(w.staff, { method: 'GET', url: `/api/v1/documents/${upload.document_id}` })).statusCode,
    ).toBe(404);
  });

  it('confirms the right bytes: the document appears with its checked size, checksum and type; audited', async () => {
    const bytes = pdf('Deposition', 5000);
    const upload = await started(declare(bytes));
    expect(await send(upload, bytes)).toBe(driver === 's3' ? 200 : 204);
    const confirmed = await confirm(upload.id);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().data).toMatchObject({
      id: upload.document_id,
      name: 'Deposition.pdf',
      folder_id: w.matter.rootFolderId,
      content_type: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      version: 1,
      current_version_id: upload.id,
    });
    const shown = await w.inject(w.admin, { method: 'GET', url: `/api/v1/documents/${upload.document_id}` });
    expect(shown.json().data).toEqual(confirmed.json().data);
    // Confirming again is harmless: the same document.
    expect((await confirm(upload.id)).json().data).toEqual(confirmed.json().data);
    const events = await w.rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${upload.document_id}`,
    );
    expect(events).toEqual([{ action: 'document.uploaded' }]);
  });

  it('takes text as well, sent with its own type', async () => {
    const bytes = Buffer.from('date,amount\n2026-01-05,120.00\n');
    const upload = await started(declare(bytes, { name: 'Costs.csv', content_type: 'text/csv' }));
    expect(upload.headers).toEqual({ 'Content-Type': 'text/csv' });
    expect(await send(upload, bytes)).toBe(driver === 's3' ? 200 : 204);
    const confirmed = await confirm(upload.id);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().data).toMatchObject({
      name: 'Costs.csv',
      content_type: 'text/csv',
      size: bytes.length,
    });
  });

  it('adds a version to a document, which stays as it was until confirmed', async () => {
    const document = await w.uploadOne(w.staff, w.matter.rootFolderId, { name: 'Big.pdf', data: pdf('v1') });
    const bytes = pdf('v2', 3000);
    const upload = await started({
      document_id: document.id,
      name: 'Big v2.pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      content_type: 'application/pdf',
    });
    expect(upload.document_id).toBe(document.id);
    expect(await send(upload, bytes)).toBe(driver === 's3' ? 200 : 204);
    const versions = await w.inject(w.staff, {
      method: 'GET',
      url: `/api/v1/documents/${document.id}/versions`,
    });
    expect(versions.json().data.map((version: { number: number }) => version.number)).toEqual([1]);
    const confirmed = await confirm(upload.id);
    expect(confirmed.json().data).toMatchObject({
      id: document.id,
      name: 'Big.pdf',
      version: 2,
      sha256: sha256(bytes),
    });
  });

  it('refuses to confirm nothing, too few bytes, or a disguised file (415, deleted)', async () => {
    const bytes = pdf('Short', 1000);
    const nothing = await started(declare(bytes));
    expect((await confirm(nothing.id)).statusCode).toBe(422);

    const short = await started(declare(bytes));
    expect(await send(short, bytes.subarray(0, 500))).toBe(driver === 's3' ? 200 : 204);
    const shortConfirm = await confirm(short.id);
    expect(shortConfirm.statusCode).toBe(422);
    expect(shortConfirm.json().detail).toContain('500 bytes');

    const disguised = await started(declare(html, { name: 'invoice.pdf' }));
    expect(await send(disguised, html)).toBe(driver === 's3' ? 200 : 204);
    expect((await confirm(disguised.id)).statusCode).toBe(415);
    const [{ blob_key: key } = { blob_key: '' }] = await pendingOf(disguised.id);
    expect(await w.t.app.blobs.head(key)).toBeNull();
  });

  it('lets only the uploader confirm, and nobody outside the firm', async () => {
    const bytes = pdf('Mine', 100);
    const upload = await started(declare(bytes));
    expect(await send(upload, bytes)).toBe(driver === 's3' ? 200 : 204);
    expect((await confirm(upload.id, w.admin)).statusCode).toBe(404);
    expect((await confirm(upload.id, w.otherAdmin)).statusCode).toBe(404);
    expect((await confirm('0190a000-0000-7000-8000-0000000000ab')).statusCode).toBe(404);
    expect((await confirm(upload.id)).statusCode).toBe(200);
  });

  it('refuses at the start what could never be accepted', async () => {
    const bytes = pdf();
    const cases: [object, number, string?][] = [
      [declare(bytes, { content_type: 'text/html', name: 'page.html' }), 415],
      [declare(bytes, { name: 'setup.exe' }), 415],
      [declare(bytes, { size: 2 * 1024 * 1024 }), 413],
      [declare(bytes, { folder_id: w.otherFirmMatter.rootFolderId }), 422, '/folder_id'],
      [{ ...declare(bytes, { folder_id: undefined }), matter_id: w.otherFirmMatter.id }, 422, '/matter_id'],
      [
        { ...declare(bytes, { folder_id: undefined }), document_id: '0190a000-0000-7000-8000-0000000000ab' },
        422,
        '/document_id',
      ],
      [{ ...declare(bytes), matter_id: w.matter.id }, 400],
      [declare(bytes, { folder_id: undefined }), 400],
      [declare(bytes, { sha256: 'abc' }), 400],
      [declare(bytes, { size: 0 }), 400],
      [declare(bytes, { name: ' \u0000 ' }), 400],
    ];
    const before = await w.counts();
    for (const [payload, status, path] of cases) {
      const response = await start(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      if (path) expect(errorPaths(response)).toBe(path);
    }
    expect(await w.counts()).toEqual(before);
  });

  if (driver === 'disk') {
    const contentUrl = (upload: DirectUpload, token?: string) => {
      const url = new URL(upload.url);
      if (token !== undefined) url.searchParams.set('token', token);
      return `${url.pathname}${url.search}`;
    };
    const put = (url: string, payload: Buffer) => w.inject(null, { method: 'PUT', url, payload });

    it('guards the signed upload link: forged, for another upload, used twice, too long, expired', async () => {
      const bytes = pdf('Link', 100);
      const upload = await started(declare(bytes));
      const other = await started(declare(bytes));
      const token = new URL(upload.url).searchParams.get('token') ?? '';
      const forged = `${token.slice(0, -2)}AA`;
      expect((await put(contentUrl(upload, forged), bytes)).statusCode).toBe(404);
      expect((await put(contentUrl(other, token), bytes)).statusCode).toBe(404);
      expect((await put(contentUrl(upload, 'nonsense'), bytes)).statusCode).toBe(404);
      expect((await put(`${contentUrl(upload)}&extra=1`, bytes)).statusCode).toBe(400);
      expect((await put(contentUrl(upload), Buffer.concat([bytes, Buffer.from('x')]))).statusCode).toBe(413);
      expect((await put(contentUrl(upload), bytes)).statusCode).toBe(204);
      expect((await put(contentUrl(upload), bytes)).statusCode).toBe(409);

      await w.t.database.db.execute(
        sql`update document_versions set expires_at = now() - interval '1 second' where id = ${other.id}`,
      );
      expect((await put(contentUrl(other), bytes)).statusCode).toBe(403);
      expect((await confirm(other.id)).statusCode).toBe(422);
    });
  } else {
    it("has no signed upload link of the API's own on S3", async () => {
      const upload = await started(declare(pdf()));
      const response = await w.inject(null, {
        method: 'PUT',
        url: `/api/v1/documents/uploads/${upload.id}/content?token=1.${'A'.repeat(43)}`,
        payload: pdf(),
      });
      expect(response.statusCode).toBe(404);
    });
  }
});
