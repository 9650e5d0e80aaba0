import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_POLICY, PDF_POLICY } from '../../src/modules/documents/download-headers';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { makeDocument, makeVersion } from '../support/factories/documents';
import { makeMatter } from '../support/factories/practice';
import { type S3rverInstance, startS3rver } from '../support/s3rver';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';
import { s3Env } from './downloads-s3-env';

let ipCounter = 0;
const nextIp = () => `10.91.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

/** 1,000 bytes that differ from position to position, so a wrong slice shows. */
const CONTENT = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7 + 3) % 256));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Driver {
  name: string;
  kind: 'disk' | 's3';
  env(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

const disk: Driver = { name: 'disk', kind: 'disk', env: async () => ({}), stop: async () => {} };
const s3 = (): Driver => {
  let s3rver: S3rverInstance | undefined;
  return {
    name: 's3 (s3rver)',
    kind: 's3',
    async env() {
      s3rver = await startS3rver();
      return s3Env(s3rver);
    },
    stop: async () => s3rver?.stop(),
  };
};

describe.each([disk, s3()])('document downloads on $name', (driver) => {
  let t: TestApp;
  let admin: SignedIn;
  let staff: SignedIn;
  let coCounsel: SignedIn;
  let otherAdmin: SignedIn;
  let firmId: string;
  let matter: Awaited<ReturnType<typeof makeMatter>>;

  const get = (
    session: SignedIn | null,
    url: string,
    headers: Record<string, string> = {},
    method: 'GET' | 'HEAD' = 'GET',
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...(session ? session.auth : {}), ...headers },
      remoteAddress: nextIp(),
    });
  const document = (name: string, options: { bytes?: Buffer; contentType?: string } = {}) =>
    makeDocument(t.database.db, {
      firmId,
      matterId: matter.id,
      folderId: matter.rootFolderId,
      uploadedBy: admin.membership.id,
      name,
      bytes: options.bytes ?? CONTENT,
      blobs: t.app.blobs,
      ...(options.contentType ? { contentType: options.contentType } : {}),
    });
  /** The document's own events (an external's requests are also logged, as `external.*`: not these). */
  const audited = async (documentId: string) =>
    (
      (await t.database.db.execute(
        sql`select action, actor_membership_id, details from audit_events
             where object_id = ${documentId} and action like 'document.%' order by created_at, id`,
      )) as unknown as {
        rows: { action: string; actor_membership_id: string; details: Record<string, unknown> }[];
      }
    ).rows;

  beforeAll(async () => {
    t = await createTestApp({ env: await driver.env() });
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    firmId = admin.membership.firm_id;
    matter = await makeMatter(t.database.db, firmId);
    expect(t.app.blobs.driver).toBe(driver.kind);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await driver.stop();
  });

  it('streams the whole file with its validators, type, name and private no-store; audited', async () => {
    const { document: doc, version } = await document('Complaint.pdf');
    const response = await get(staff, `/api/v1/documents/${doc.id}/download`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(CONTENT)).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': '1000',
      etag: `"sha256-${sha256(CONTENT)}"`,
      'last-modified': version.availableAt?.toUTCString(),
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-disposition': `attachment; filename="Complaint.pdf"; filename*=UTF-8''Complaint.pdf`,
    });
    // The site's own policy, not the in-place one: an attachment is never rendered.
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(await audited(doc.id)).toEqual([
      {
        action: 'document.downloaded',
        actor_membership_id: staff.membership.id,
        details: {
          matter_id: matter.id,
          version: 1,
          version_id: version.id,
          size: 1000,
          range: null,
          presigned: false,
        },
      },
    ]);
  });

  it('serves single ranges as 206 and audits only those that start at byte 0', async () => {
    const { document: doc } = await document('Ranges.pdf');
    const url = `/api/v1/documents/${doc.id}/download`;
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=100-', 100, 999],
      ['bytes=-10', 990, 999],
      ['bytes=990-5000', 990, 999],
      ['bytes=500-500', 500, 500],
    ] as const) {
      const response = await get(admin, url, { range });
      expect(response.statusCode, range).toBe(206);
      expect(response.headers['content-range'], range).toBe(`bytes ${start}-${end}/1000`);
      expect(response.headers['content-length'], range).toBe(String(end - start + 1));
      expect(response.rawPayload.equals(CONTENT.subarray(start, end + 1)), range).toBe(true);
    }
    const rows = await audited(doc.id);
    expect(rows.map((row) => [row.action, row.details.range])).toEqual([
      ['document.downloaded', 'bytes 0-99/1000'],
    ]);
  });

  it('answers a range past the end with 416 and Content-Range: bytes */size, and several ranges with 200', async () => {
    const { document: doc } = await document('Short.pdf');
    const url = `/api/v1/documents/${doc.id}/download`;
    for (const range of ['bytes=1000-', 'bytes=2000-3000', 'bytes=-0']) {
      const response = await get(admin, url, { range });
      expect(response.statusCode, range).toBe(416);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['content-range']).toBe('bytes */1000');
      expect(response.headers['content-disposition']).toBeUndefined();
      expect(response.json()).toMatchObject({ status: 416, code: 'range_not_satisfiable' });
    }
    expect(await audited(doc.id)).toEqual([]);

    const several = await get(admin, url, { range: 'bytes=0-9,20-29' });
    expect(several.statusCode).toBe(200);
    expect(several.headers['content-range']).toBeUndefined();
    expect(several.rawPayload.equals(CONTENT)).toBe(true);
    const malformed = await get(admin, url, { range: 'bytes=9-5' });
    expect(malformed.statusCode).toBe(200);
  });

  it('answers If-None-Match with 304 and honours a Range under If-Range only for the current ETag', async () => {
    const { document: doc } = await document('Conditional.pdf');
    const url = `/api/v1/documents/${doc.id}/download`;
    const etag = `"sha256-${sha256(CONTENT)}"`;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await get(admin, url, { 'if-none-match': ifNoneMatch });
      expect(response.statusCode, ifNoneMatch).toBe(304);
      expect(response.body).toBe('');
      expect(response.headers.etag).toBe(etag);
    }
    expect((await get(admin, url, { 'if-none-match': '"sha256-stale"' })).statusCode).toBe(200);
    expect(await audited(doc.id)).toHaveLength(1);

    const resumed = await get(admin, url, { range: 'bytes=500-', 'if-range': etag });
    expect(resumed.statusCode).toBe(206);
    expect(resumed.rawPayload.equals(CONTENT.subarray(500))).toBe(true);
    for (const ifRange of ['"sha256-stale"', `W/${etag}`, new Date().toUTCString()]) {
      const changed = await get(admin, url, { range: 'bytes=500-', 'if-range': ifRange });
      expect(changed.statusCode, ifRange).toBe(200);
      expect(changed.rawPayload.equals(CONTENT)).toBe(true);
    }
  });

  it('answers HEAD with the headers alone: no body, no audit row', async () => {
    const { document: doc } = await document('Head.pdf');
    const url = `/api/v1/documents/${doc.id}/download`;
    const head = await get(admin, url, {}, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe('1000');
    expect(head.headers.etag).toBe(`"sha256-${sha256(CONTENT)}"`);
    const part = await get(admin, url, { range: 'bytes=0-9' }, 'HEAD');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-length']).toBe('10');
    expect(part.headers['content-range']).toBe('bytes 0-9/1000');
    expect(await audited(doc.id)).toEqual([]);
  });

  it('shows PDFs and images in place under a sandboxing policy, audited as views; refuses other types (415)', async () => {
    const { document: pdf } = await document('Brief.pdf');
    const shown = await get(admin, `/api/v1/documents/${pdf.id}/download?disposition=inline`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-disposition']).toBe(
      `inline; filename="Brief.pdf"; filename*=UTF-8''Brief.pdf`,
    );
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['content-security-policy']).toBe(PDF_POLICY);
    expect(shown.headers['content-security-policy']).not.toContain('sandbox');
    expect(shown.rawPayload.equals(CONTENT)).toBe(true);
    expect((await audited(pdf.id)).map((row) => row.action)).toEqual(['document.viewed']);

    for (const [name, type] of [
      ['Scan.png', 'image/png'],
      ['Photo.jpg', 'image/jpeg'],
      ['Diagram.gif', 'image/gif'],
      ['Still.webp', 'image/webp'],
    ] as const) {
      const { document: image } = await document(name, { contentType: type });
      const response = await get(admin, `/api/v1/documents/${image.id}/download?disposition=inline`);
      expect(response.statusCode, name).toBe(200);
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['content-security-policy']).toBe(IMAGE_POLICY);
      expect(response.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
      expect(response.headers['content-disposition']).toMatch(/^inline; /);
    }

    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const { document: word } = await document('Letter.docx', { contentType: docx });
    const refused = await get(admin, `/api/v1/documents/${word.id}/download?disposition=inline`);
    expect(refused.statusCode).toBe(415);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['content-security-policy']).toContain("default-src 'self'");
    const saved = await get(admin, `/api/v1/documents/${word.id}/download?disposition=attachment`);
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['content-type']).toBe(docx);
    expect(saved.headers['content-disposition']).toMatch(/^attachment; /);
    expect((await audited(word.id)).map((row) => row.action)).toEqual(['document.downloaded']);
  });

  it('downloads an earlier version by number; an unknown version is 404, a bad one 400', async () => {
    const { document: doc } = await document('Contract.pdf');
    const older = Buffer.from('%PDF-1.4 the first draft');
    const first = await makeVersion(t.database.db, {
      firmId,
      documentId: doc.id,
      uploadedBy: admin.membership.id,
      bytes: older,
      blobs: t.app.blobs,
      number: 7,
      fileName: 'draft.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const response = await get(admin, `/api/v1/documents/${doc.id}/download?version=7`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(older)).toBe(true);
    expect(response.headers.etag).toBe(`"sha256-${sha256(older)}"`);
    // The document's name with the extension this version's bytes call for.
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''Contract.pdf.docx");
    expect((await audited(doc.id))[0]?.details).toMatchObject({ version: 7, version_id: first.id });
    expect((await get(admin, `/api/v1/documents/${doc.id}/download?version=1`)).statusCode).toBe(200);

    expect((await get(admin, `/api/v1/documents/${doc.id}/download?version=8`)).statusCode).toBe(404);
    for (const query of ['version=0', 'version=x', 'disposition=preview', 'as=inline']) {
      const bad = await get(admin, `/api/v1/documents/${doc.id}/download?${query}`);
      expect(bad.statusCode, query).toBe(400);
    }
  });

  it('names the file with an RFC 6266 filename* (non-ASCII kept) and adds the missing extension', async () => {
    // Uploaded as declaration.pdf, then renamed without an extension.
    const { document: named } = await document('declaration.pdf');
    await t.database.db.execute(
      sql`update documents set name = ${'Déclaration — 東京 "final"'} where id = ${named.id}`,
    );
    const response = await get(admin, `/api/v1/documents/${named.id}/download`);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="D_claration _ __ _final_.pdf"; ` +
        `filename*=UTF-8''D%C3%A9claration%20%E2%80%94%20%E6%9D%B1%E4%BA%AC%20%22final%22.pdf`,
    );
    const { document: jpeg } = await document('Site photo.jpeg', { contentType: 'image/jpeg' });
    expect(
      (await get(admin, `/api/v1/documents/${jpeg.id}/download`)).headers['content-disposition'],
    ).toMatch(/filename\*=UTF-8''Site%20photo\.jpeg$/);
  });

  it("answers a deleted, another firm's or an unknown document with 404 (401 anonymous), writing nothing", async () => {
    const { document: doc } = await document('Visible.pdf');
    const { document: deleted } = await makeDocument(t.database.db, {
      firmId,
      matterId: matter.id,
      folderId: matter.rootFolderId,
      uploadedBy: admin.membership.id,
      name: 'Deleted.pdf',
      blobs: t.app.blobs,
      deletedAt: new Date(),
    });
    const cases: [SignedIn | null, string, number][] = [
      [admin, deleted.id, 404],
      [admin, '0190a000-0000-7000-8000-0000000000ff', 404],
      [otherAdmin, doc.id, 404],
      [coCounsel, doc.id, 404],
      [null, doc.id, 401],
    ];
    for (const [session, id, status] of cases) {
      const response = await get(session, `/api/v1/documents/${id}/download`);
      expect(response.statusCode, id).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get(admin, '/api/v1/documents/not-an-id/download')).statusCode).toBe(400);
    expect(await audited(doc.id)).toEqual([]);
    expect(await audited(deleted.id)).toEqual([]);
  });

  it('answers 503 (logged, not audited) when an available version has lost its stored bytes', async () => {
    const { document: doc, version } = await document('Lost.pdf');
    await t.app.blobs.delete(version.blobKey);
    const response = await get(admin, `/api/v1/documents/${doc.id}/download`);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'service_unavailable' });
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(await audited(doc.id)).toEqual([]);
  });
});
