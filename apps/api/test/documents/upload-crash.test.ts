import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config/load-config';
import { type Database, openDatabase } from '../../src/db/database';
import { runMigrations } from '../../src/db/migrate';
import { createMailer } from '../../src/mail/create-mailer';
import { reservationGraceSeconds, sweepDocuments } from '../../src/modules/documents/sweeper';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { createBlobStore } from '../../src/storage/create-blob-store';
import { type ApiProcess, startApiProcess } from '../support/api-process';
import { randomStream } from '../support/random-stream';
import { streamingUpload } from '../support/streaming-upload';
import { createTestDatabase } from '../support/test-database';

const MiB = 1024 * 1024;
const UPLOAD_BYTES = 200 * MiB;
/** How much of the upload must be in the store's temp file before the process is killed. */
const KILL_AFTER_BYTES = 32 * MiB;

/**
 * The database the API processes and this test share: PostgreSQL (a fresh copy of the migrated
 * template) when DATABASE_URL is set, else PGlite in the data directory, which only one process
 * may open at a time — so `use` is only called while no API process runs.
 */
interface SharedDatabase {
  env: Record<string, string>;
  use<T>(work: (database: Database) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

async function sharedDatabase(dataDir: string): Promise<SharedDatabase> {
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase();
    return {
      env: { DATABASE_URL: database.url ?? '' },
      use: (work) => work(database),
      dispose: () => database.close(),
    };
  }
  return {
    env: {},
    async use(work) {
      const database = await openDatabase({ driver: 'pglite', dataDir: join(dataDir, 'db') });
      try {
        await runMigrations(database);
        return await work(database);
      } finally {
        await database.close();
      }
    },
    dispose: async () => {},
  };
}

const rows = async <T>(database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

/** Blob files (their names are their keys) and upload temp files under the disk store's root. */
async function blobFiles(root: string): Promise<{ blobs: string[]; temp: string[] }> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile());
  const inTemp = (entry: (typeof files)[number]) => entry.parentPath.startsWith(join(root, '.tmp'));
  return {
    blobs: files.filter((entry) => !inTemp(entry)).map((entry) => entry.name),
    temp: files.filter(inTemp).map((entry) => join(entry.parentPath, entry.name)),
  };
}

async function largestTempFile(root: string): Promise<number> {
  let largest = 0;
  for (const path of (await blobFiles(root)).temp) {
    // A temp file can vanish between listing and stat (renamed into place when its upload ended).
    largest = Math.max(largest, (await stat(path).catch(() => ({ size: 0 }))).size);
  }
  return largest;
}

async function signIn(api: ApiProcess): Promise<string> {
  const response = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'attorney@demo-firm.test', password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { access_token: string } }).data.access_token;
}

async function listFolder(api: ApiProcess, token: string, folderId: string): Promise<string[]> {
  const response = await fetch(`${api.baseUrl}/api/v1/documents?folder_id=${folderId}&limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Array<{ name: string }> }).data.map((doc) => doc.name).sort();
}

/** A PDF's magic bytes, then random data: accepted by the type check, never in memory whole. */
async function* pdfLike(bytes: number): AsyncGenerator<Buffer> {
  const header = Buffer.from('%PDF-1.7\n');
  yield header;
  yield* randomStream(bytes - header.length).stream;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('an upload cut off by the API process being killed', () => {
  let dataDir: string;
  let blobRoot: string;
  let shared: SharedDatabase;
  let env: Record<string, string>;
  const processes: ApiProcess[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chambers-upload-crash-'));
    blobRoot = join(dataDir, 'blobs');
    shared = await sharedDatabase(dataDir);
    env = {
      ...shared.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'false',
      SHUTDOWN_DELAY_MS: '0',
    };
  });
  afterAll(async () => {
    for (const api of processes) api.child.kill('SIGKILL');
    await shared.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows no partial document after a restart, and the sweeper leaves no orphan blob, temp file or reservation', async () => {
    // The demo firm with its documents, stored where the API processes will look for them.
    const folderId = await shared.use(async (database) => {
      await seedDemoFirm(database.db, {
        practice: true,
        blobs: createBlobStore({ driver: 'disk', diskPath: blobRoot }),
      });
      const [folder] = await rows<{ id: string }>(
        database,
        sql`select id from folders where name = 'Pleadings'`,
      );
      return folder?.id ?? '';
    });
    const seededBlobs = (await blobFiles(blobRoot)).blobs.sort();
    expect(seededBlobs.length).toBeGreaterThan(0);

    const first = await startApiProcess(env);
    processes.push(first);
    const before = await listFolder(first, await signIn(first), folderId);
    expect(before).toEqual(['Complaint.pdf']);

    const upload = streamingUpload({
      url: `${first.baseUrl}/api/v1/documents`,
      headers: { authorization: `Bearer ${await signIn(first)}` },
      fields: { folder_id: folderId },
      file: {
        field: 'file',
        name: 'Trial exhibits.pdf',
        contentType: 'application/pdf',
        size: UPLOAD_BYTES,
        body: pdfLike(UPLOAD_BYTES),
      },
    });
    const answer = upload.response.then(
      (response) => response,
      (error: Error) => error,
    );
    // Killed while the bytes stream into the store: a temp file already holds tens of MiB.
    await until(
      async () => (await largestTempFile(blobRoot)) >= KILL_AFTER_BYTES,
      'the upload to reach the store',
    );
    first.child.kill('SIGKILL');
    expect(await first.exit).toBe('SIGKILL');
    expect(await answer).toBeInstanceOf(Error);
    expect(upload.sent).toBeLessThan(UPLOAD_BYTES);
    expect((await blobFiles(blobRoot)).temp.length).toBeGreaterThan(0);

    // Restarted on the same data: the folder lists what it held before, nothing half-uploaded.
    const second = await startApiProcess(env);
    processes.push(second);
    expect(await listFolder(second, await signIn(second), folderId)).toEqual(before);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);

    await shared.use(async (database) => {
      const [versions] = await rows<{ n: number }>(
        database,
        sql`select count(*)::int as n from document_versions v join documents d on d.id = v.document_id
             where d.name = 'Trial exhibits.pdf' or v.file_name = 'Trial exhibits.pdf'`,
      );
      expect(versions?.n).toBe(0);
      const [reserved] = await rows<{ n: number }>(
        database,
        sql`select count(*)::int as n from blob_reservations`,
      );
      expect(reserved?.n).toBeGreaterThan(0);

      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        JOBS_ENABLED: 'false',
        SEED_DEMO: 'false',
      });
      // The test closes the database itself (a PostgreSQL copy is dropped when closed).
      const app = await buildApp({
        config,
        database: { ...database, close: async () => {} },
        blobs: createBlobStore(config.storage),
        mailer: createMailer(config.mail, database.db),
      });
      try {
        await app.ready();
        // As if the sweep ran once the grace period for uploads in progress had passed.
        const later = Date.now() + (reservationGraceSeconds(config.documents) + 60) * 1000;
        const swept = await sweepDocuments(app, { now: new Date(later) });
        expect(swept).toMatchObject({ reservations: reserved?.n, tempFiles: 1, failures: 0 });
      } finally {
        await app.close();
      }

      const [left] = await rows<{ n: number }>(
        database,
        sql`select count(*)::int as n from blob_reservations`,
      );
      expect(left?.n).toBe(0);
      const [unfinished] = await rows<{ n: number }>(
        database,
        sql`select count(*)::int as n from documents where name = 'Trial exhibits.pdf'`,
      );
      expect(unfinished?.n).toBe(0);
      const owned = await rows<{ blob_key: string }>(database, sql`select blob_key from document_versions`);
      const files = await blobFiles(blobRoot);
      expect(files.temp).toEqual([]);
      expect(files.blobs.sort()).toEqual(owned.map((row) => row.blob_key).sort());
      expect(files.blobs.sort()).toEqual(seededBlobs);
    });
  }, 90_000);
});
