import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse as LightResponse } from 'fastify';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { makeMatter } from '../support/factories/practice';
import { type FormPart, multipartForm } from '../support/multipart';
import { startS3rver } from '../support/s3rver';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

export const drivers = ['disk', 's3'] as const;
export type Driver = (typeof drivers)[number];

export interface DocumentsWorld {
  t: TestApp;
  driver: Driver;
  admin: SignedIn;
  staff: SignedIn;
  otherAdmin: SignedIn;
  /** A demo-firm matter and its root folder. */
  matter: { id: string; rootFolderId: string };
  otherFirmMatter: { id: string; rootFolderId: string };
  /** Every key in the blob store (temporary upload files left aside). */
  storedKeys(): Promise<string[]>;
  rows<T>(query: ReturnType<typeof sql>): Promise<T[]>;
  /** Live and hidden document rows, versions and reservations: what an upload may leave behind. */
  counts(): Promise<{ documents: number; versions: number; reservations: number; folders: number }>;
  inject(session: SignedIn | null, options: InjectOptions): Promise<LightResponse>;
  /** POST a multipart form (to `/api/v1/documents` unless `url` is given). */
  upload(
    session: SignedIn,
    parts: FormPart[],
    options?: { url?: string; headers?: Record<string, string> },
  ): Promise<LightResponse>;
  /** Uploads one file into a folder as `session` and answers its document (201 expected). */
  uploadOne(
    session: SignedIn,
    folderId: string,
    file: { name: string; data: Buffer | string; contentType?: string },
  ): Promise<UploadedDocument>;
  close(): Promise<void>;
}

/** The fields of a document answer the tests look at. */
export interface UploadedDocument {
  id: string;
  matter_id: string;
  folder_id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  version: number;
  current_version_id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

let ipCounter = 0;
export const nextIp = () => `10.91.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

/**
 * The app on the given blob driver (s3: a real s3rver in its own process), the demo firms, and a
 * matter of each firm.
 */
export async function documentsWorld(
  driver: Driver,
  env: Record<string, string> = {},
): Promise<DocumentsWorld> {
  const s3rver = driver === 's3' ? await startS3rver() : null;
  const t = await createTestApp({
    env: {
      ...(s3rver
        ? {
            STORAGE_DRIVER: 's3',
            S3_ENDPOINT: s3rver.config.endpoint,
            S3_REGION: s3rver.config.region,
            S3_BUCKET: s3rver.config.bucket,
            S3_ACCESS_KEY_ID: s3rver.config.accessKeyId,
            S3_SECRET_ACCESS_KEY: s3rver.config.secretAccessKey,
            S3_FORCE_PATH_STYLE: 'true',
          }
        : {}),
      ...env,
    },
  });
  const inspector = s3rver
    ? new S3Client({
        endpoint: s3rver.endpoint,
        region: s3rver.config.region,
        forcePathStyle: true,
        credentials: {
          accessKeyId: s3rver.config.accessKeyId,
          secretAccessKey: s3rver.config.secretAccessKey,
        },
      })
    : null;
  await seedDemoFirm(t.database.db);
  const admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
  const staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
  const otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
  const matter = await makeMatter(t.database.db, admin.membership.firm_id);
  const otherFirmMatter = await makeMatter(t.database.db, otherAdmin.membership.firm_id);

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const inject = (session: SignedIn | null, options: InjectOptions) =>
    t.app.inject({
      remoteAddress: nextIp(),
      ...options,
      headers: { ...(session ? session.auth : {}), ...(options.headers ?? {}) },
    });

  return {
    t,
    driver,
    admin,
    staff,
    otherAdmin,
    matter: { id: matter.id, rootFolderId: matter.rootFolderId },
    otherFirmMatter: { id: otherFirmMatter.id, rootFolderId: otherFirmMatter.rootFolderId },
    rows,
    inject,
    async storedKeys() {
      if (inspector && s3rver) {
        const keys: string[] = [];
        let token: string | undefined;
        do {
          const page = await inspector.send(
            new ListObjectsV2Command({ Bucket: s3rver.bucket, ContinuationToken: token }),
          );
          for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
          token = page.NextContinuationToken;
        } while (token);
        return keys.sort();
      }
      const config = t.config.storage;
      if (config.driver !== 'disk') throw new Error('disk driver expected');
      const root = config.diskPath;
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((entry) => entry.isFile() && !relative(root, entry.parentPath).startsWith('.tmp'))
        .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('/').at(-1) ?? '')
        .sort();
    },
    async counts() {
      const [row] = await rows<{
        documents: number;
        versions: number;
        reservations: number;
        folders: number;
      }>(sql`
        select (select count(*)::int from documents) as documents,
               (select count(*)::int from document_versions) as versions,
               (select count(*)::int from blob_reservations) as reservations,
               (select count(*)::int from folders) as folders`);
      if (!row) throw new Error('no counts');
      return row;
    },
    upload(session, parts, options = {}) {
      const form = multipartForm(parts);
      return inject(session, {
        method: 'POST',
        url: options.url ?? '/api/v1/documents',
        headers: { ...form.headers, ...(options.headers ?? {}) },
        payload: form.payload,
      });
    },
    async uploadOne(session, folderId, file) {
      const form = multipartForm([
        { name: 'folder_id', data: folderId },
        {
          name: 'file',
          filename: file.name,
          data: file.data,
          contentType: file.contentType ?? 'application/octet-stream',
        },
      ]);
      const response = await inject(session, {
        method: 'POST',
        url: '/api/v1/documents',
        headers: form.headers,
        payload: form.payload,
      });
      if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
      return response.json().data[0];
    },
    async close() {
      await t.close();
      inspector?.destroy();
      await s3rver?.stop();
    },
  };
}
