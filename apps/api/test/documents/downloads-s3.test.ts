import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_POLICY } from '../../src/modules/documents/download-headers';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { makeDocument } from '../support/factories/documents';
import { makeMatter } from '../support/factories/practice';
import { freePort } from '../support/free-port';
import { type S3rverInstance, startS3rver } from '../support/s3rver';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp } from '../support/test-app';
import { s3Env } from './downloads-s3-env';

let ipCounter = 0;
const nextIp = () => `10.92.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

const CONTENT = Buffer.from('%PDF-1.7\n% presigned download test\n'.repeat(20));

/** An app of the demo firms on `env`, its admin signed in, and a matter to hold documents. */
async function demoApp(env: Record<string, string>) {
  const t = await createTestApp({ env });
  await seedDemoFirm(t.database.db);
  const admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
  const matter = await makeMatter(t.database.db, admin.membership.firm_id);
  const document = (name: string, options: { stored?: boolean; deletedAt?: Date } = {}) =>
    makeDocument(t.database.db, {
      firmId: admin.membership.firm_id,
      matterId: matter.id,
      folderId: matter.rootFolderId,
      uploadedBy: admin.membership.id,
      name,
      bytes: CONTENT,
      ...(options.stored === false ? {} : { blobs: t.app.blobs }),
      ...(options.deletedAt ? { deletedAt: options.deletedAt } : {}),
    });
  const get = (session: SignedIn, url: string, headers: Record<string, string> = {}, method = 'GET') =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...session.auth, ...headers },
      remoteAddress: nextIp(),
    });
  const audited = async (documentId: string) =>
    (
      (await t.database.db.execute(
        sql`select action, details from audit_events where object_id = ${documentId} order by created_at, id`,
      )) as unknown as { rows: { action: string; details: Record<string, unknown> }[] }
    ).rows;
  return { t, admin, document, get, audited };
}

describe('presigned S3 downloads', () => {
  let s3rver: S3rverInstance;
  let app: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    s3rver = await startS3rver();
    app = await demoApp({ ...s3Env(s3rver), S3_PRESIGNED_DOWNLOADS: 'true' });
  }, 60_000);
  afterAll(async () => {
    await app?.t.close();
    await s3rver?.stop();
  });

  it('answers 303 to a storage URL valid for 60 s that yields the bytes under the same name; audited', async () => {
    const { document: doc, version } = await app.document('Engagement letter.pdf');
    const response = await app.get(app.admin, `/api/v1/documents/${doc.id}/download`);
    expect(response.statusCode).toBe(303);
    expect(response.body).toBe('');
    const location = String(response.headers.location);
    expect(location.startsWith(`${s3rver.endpoint}/${s3rver.bucket}/${version.blobKey}?`)).toBe(true);
    expect(new URL(location).searchParams.get('X-Amz-Expires')).toBe('60');
    expect(response.headers['content-disposition']).toBeUndefined();

    const followed = await fetch(location);
    expect(followed.status).toBe(200);
    expect(Buffer.from(await followed.arrayBuffer()).equals(CONTENT)).toBe(true);
    expect(followed.headers.get('content-type')).toBe('application/pdf');
    expect(followed.headers.get('content-disposition')).toContain("filename*=UTF-8''Engagement%20letter.pdf");
    expect(await app.audited(doc.id)).toEqual([
      {
        action: 'document.downloaded',
        details: {
          matter_id: doc.matterId,
          version: 1,
          version_id: version.id,
          size: CONTENT.length,
          range: null,
          presigned: true,
        },
      },
    ]);
  });

  it('streams in-place views itself (only the API sets their policy), and never redirects HEAD or a 304', async () => {
    const { document: doc } = await app.document('Preview.pdf');
    const url = `/api/v1/documents/${doc.id}/download`;
    const shown = await app.get(app.admin, `${url}?disposition=inline`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-security-policy']).toBe(PDF_POLICY);
    expect(shown.rawPayload.equals(CONTENT)).toBe(true);

    const head = await app.get(app.admin, url, {}, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.headers.location).toBeUndefined();
    expect(head.headers['content-length']).toBe(String(CONTENT.length));

    const etag = String(shown.headers.etag);
    const unchanged = await app.get(app.admin, url, { 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.headers.location).toBeUndefined();
    expect((await app.audited(doc.id)).map((row) => row.action)).toEqual(['document.viewed']);
  });

  it('hands out no URL for a deleted document', async () => {
    const { document: doc } = await app.document('Gone.pdf', { deletedAt: new Date() });
    const response = await app.get(app.admin, `/api/v1/documents/${doc.id}/download`);
    expect(response.statusCode).toBe(404);
    expect(response.headers.location).toBeUndefined();
  });
});

describe('downloads from an unreachable S3 store', () => {
  let app: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    app = await demoApp({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'nowhere',
      S3_ACCESS_KEY_ID: 'none',
      S3_SECRET_ACCESS_KEY: 'none',
      S3_FORCE_PATH_STYLE: 'true',
    });
  }, 60_000);
  afterAll(() => app?.t.close());

  it('answers 503 with Retry-After, and audits nothing', async () => {
    const { document: doc } = await app.document('Unreachable.pdf', { stored: false });
    const response = await app.get(app.admin, `/api/v1/documents/${doc.id}/download`);
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ code: 'service_unavailable' });
    expect(await app.audited(doc.id)).toEqual([]);
  }, 30_000);
});
