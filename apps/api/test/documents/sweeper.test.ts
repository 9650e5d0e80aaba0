import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { blobReservations } from '../../src/db/schema/documents';
import { idempotencyKeys } from '../../src/db/schema/idempotency-keys';
import { type SweepCounts, sweepDocuments } from '../../src/modules/documents/sweeper';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { makeDocument, makeIncompleteDocument, makeVersion } from '../support/factories/documents';
import { makeMatter } from '../support/factories/practice';
import { makeActivity } from '../support/factories/time-entries';
import { type S3rverInstance, startS3rver } from '../support/s3rver';
import { createTestApp, type TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * The settings the sweeps below rely on: UPLOAD_PENDING_TTL_SECONDS is the grace period of temp
 * files and documents never given a version; reservations get at least a day.
 */
const env = { UPLOAD_PENDING_TTL_SECONDS: '3600', DOCUMENT_RETENTION_DAYS: '30' };

const nothing: SweepCounts = {
  reservations: 0,
  pendingVersions: 0,
  abandonedDocuments: 0,
  purgedDocuments: 0,
  tempFiles: 0,
  idempotencyKeys: 0,
  failures: 0,
};

interface Driver {
  name: 'disk' | 's3';
  start(): Promise<{ t: TestApp; listStored(): Promise<string[]>; stop(): Promise<void> }>;
}

const drivers: Driver[] = [
  {
    name: 'disk',
    async start() {
      const t = await createTestApp({ env });
      const storage = t.config.storage;
      if (storage.driver !== 'disk') throw new Error('expected the disk driver');
      return {
        t,
        async listStored() {
          const entries = await readdir(storage.diskPath, { recursive: true, withFileTypes: true }).catch(
            () => [],
          );
          return entries
            .filter((entry) => entry.isFile() && !entry.parentPath.includes('.tmp'))
            .map((entry) => entry.name)
            .sort();
        },
        stop: () => t.close(),
      };
    },
  },
  {
    name: 's3',
    async start() {
      const s3rver: S3rverInstance = await startS3rver();
      const t = await createTestApp({
        env: {
          ...env,
          STORAGE_DRIVER: 's3',
          S3_ENDPOINT: s3rver.endpoint,
          S3_BUCKET: s3rver.bucket,
          S3_ACCESS_KEY_ID: s3rver.config.accessKeyId,
          S3_SECRET_ACCESS_KEY: s3rver.config.secretAccessKey,
          S3_FORCE_PATH_STYLE: 'true',
        },
      });
      // An independent client, so the listing does not depend on the code under test.
      const inspector = new S3Client({
        endpoint: s3rver.endpoint,
        region: s3rver.config.region,
        forcePathStyle: true,
        credentials: {
          accessKeyId: s3rver.config.accessKeyId,
          secretAccessKey: s3rver.config.secretAccessKey,
        },
      });
      return {
        t,
        async listStored() {
          const page = await inspector.send(new ListObjectsV2Command({ Bucket: s3rver.bucket }));
          return (page.Contents ?? []).map((object) => object.Key ?? '').sort();
        },
        async stop() {
          await t.close();
          inspector.destroy();
          await s3rver.stop();
        },
      };
    },
  },
];

for (const driver of drivers) {
  describe(`document sweeper (${driver.name})`, () => {
    let t: TestApp;
    let listStored: () => Promise<string[]>;
    let stop: () => Promise<void>;
    let firmId: string;
    let membershipId: string;
    let matter: { id: string; rootFolderId: string };

    const rows = async <T>(query: ReturnType<typeof sql>) =>
      ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
    const ago = (ms: number) => new Date(Date.now() - ms);
    const store = (key: string, text: string) => t.app.blobs.put(Readable.from([Buffer.from(text)]), { key });
    const reserve = async (createdAt: Date, text?: string) => {
      const key = t.app.blobs.newKey();
      await t.database.db.insert(blobReservations).values({ blobKey: key, firmId, createdAt });
      if (text !== undefined) await store(key, text);
      return key;
    };
    const doc = (name: string, extra: { deletedAt?: Date } = {}) =>
      makeDocument(t.database.db, {
        firmId,
        matterId: matter.id,
        folderId: matter.rootFolderId,
        uploadedBy: membershipId,
        name,
        bytes: `bytes of ${name}`,
        blobs: t.app.blobs,
        ...extra,
      });
    const pending = (documentId: string, expiresAt: Date) =>
      makeVersion(t.database.db, {
        firmId,
        documentId,
        uploadedBy: membershipId,
        status: 'pending',
        expiresAt,
        bytes: 'a direct upload',
        blobs: t.app.blobs,
      });
    const incomplete = (name: string, createdAt?: Date) =>
      makeIncompleteDocument(t.database.db, {
        firmId,
        matterId: matter.id,
        folderId: matter.rootFolderId,
        uploadedBy: membershipId,
        name,
        ...(createdAt ? { createdAt } : {}),
      });
    const exists = async (table: string, column: string, value: string) =>
      (await rows(sql`select 1 from ${sql.identifier(table)} where ${sql.identifier(column)} = ${value}`))
        .length > 0;
    /** Every version row's key: a stored blob outside this set (and the reservations) is an orphan. */
    const referencedKeys = async () =>
      (await rows<{ key: string }>(sql`select blob_key as key from document_versions`)).map((row) => row.key);

    beforeAll(async () => {
      ({ t, listStored, stop } = await driver.start());
      await seedDemoFirm(t.database.db);
      const [admin] = await rows<{ id: string; firm_id: string }>(
        sql`select m.id, m.firm_id from memberships m join identities i on i.id = m.identity_id
             where i.email = 'admin@demo-firm.test'`,
      );
      if (!admin) throw new Error('no demo admin');
      firmId = admin.firm_id;
      membershipId = admin.id;
      matter = await makeMatter(t.database.db, firmId);
    }, 60_000);
    afterAll(() => stop());

    it('removes every kind of orphan, keeps live data, and a second run finds nothing', async () => {
      // Live data: a document with two versions, a recently deleted one, a fresh reservation
      // (an upload that has just finished streaming), an unexpired direct upload.
      const live = await doc('Live.pdf');
      const liveV2 = await makeVersion(t.database.db, {
        firmId,
        documentId: live.document.id,
        uploadedBy: membershipId,
        bytes: 'second version',
        blobs: t.app.blobs,
      });
      const recentlyDeleted = await doc('Recently deleted.pdf', { deletedAt: ago(29 * DAY) });
      // A multi-file upload still streaming its last file: its first file's reservation is hours old.
      const freshKey = await reserve(ago(23 * HOUR), 'stored, waiting for the rest of the request');
      const waiting = await pending(live.document.id, new Date(Date.now() + HOUR));
      const freshIncomplete = await incomplete('Being uploaded.pdf');

      // Orphans of every kind.
      const crashedAfterStreaming = await reserve(ago(25 * HOUR), 'complete but never recorded');
      const crashedMidStream = await reserve(ago(25 * HOUR));
      await t.database.db
        .insert(blobReservations)
        .values({ blobKey: live.version.blobKey, firmId, createdAt: ago(25 * HOUR) });
      const neverConfirmed = await incomplete('Never confirmed.pdf');
      const expiredFirst = await pending(neverConfirmed.id, ago(1000));
      const expiredNewVersion = await pending(live.document.id, ago(1000));
      const abandoned = await incomplete('Abandoned.pdf', ago(2 * HOUR));
      const expired = await doc('Expired.pdf', { deletedAt: ago(31 * DAY) });
      const expiredV2 = await makeVersion(t.database.db, {
        firmId,
        documentId: expired.document.id,
        uploadedBy: membershipId,
        bytes: 'old second version',
        blobs: t.app.blobs,
      });
      const timeOnIt = await makeActivity(t.database.db, {
        firmId,
        matterId: matter.id,
        authorMembershipId: membershipId,
        documentId: expired.document.id,
      });
      await t.database.db.insert(idempotencyKeys).values([
        { ownerId: membershipId, key: 'old', requestHash: 'x', status: 201, expiresAt: ago(1000) },
        {
          ownerId: membershipId,
          key: 'current',
          requestHash: 'x',
          status: 201,
          expiresAt: new Date(Date.now() + HOUR),
        },
      ]);
      let staleTemp: string | undefined;
      if (t.config.storage.driver === 'disk') {
        const temp = join(t.config.storage.diskPath, '.tmp');
        await mkdir(temp, { recursive: true });
        staleTemp = join(temp, `${t.app.blobs.newKey()}.crashed.part`);
        await writeFile(staleTemp, 'half an upload');
        await utimes(staleTemp, ago(2 * HOUR), ago(2 * HOUR));
        await writeFile(join(temp, `${t.app.blobs.newKey()}.live.part`), 'an upload in progress');
      }

      const storedBefore = await listStored();
      for (const key of [crashedAfterStreaming, expiredFirst.blobKey, expiredV2.blobKey, freshKey]) {
        expect(storedBefore).toContain(key);
      }

      expect(await sweepDocuments(t.app)).toEqual({
        reservations: 3,
        pendingVersions: 2,
        abandonedDocuments: 1,
        purgedDocuments: 1,
        tempFiles: driver.name === 'disk' ? 1 : 0,
        idempotencyKeys: 1,
        failures: 0,
      });

      // No orphan: every stored blob belongs to a version, or to a reservation still in its grace.
      const stored = await listStored();
      expect(stored).toEqual([...(await referencedKeys()), freshKey].sort());
      expect(stored).toEqual(
        [
          live.version.blobKey,
          liveV2.blobKey,
          recentlyDeleted.version.blobKey,
          waiting.blobKey,
          freshKey,
        ].sort(),
      );
      expect(
        (await rows<{ key: string }>(sql`select blob_key as key from blob_reservations`)).map(
          (row) => row.key,
        ),
      ).toEqual([freshKey]);
      for (const id of [neverConfirmed.id, abandoned.id, expired.document.id]) {
        expect(await exists('documents', 'id', id), id).toBe(false);
      }
      for (const id of [expiredFirst.id, expiredNewVersion.id, expired.version.id, expiredV2.id]) {
        expect(await exists('document_versions', 'id', id), id).toBe(false);
      }
      expect(await rows(sql`select document_id from activities where id = ${timeOnIt.id}`)).toEqual([
        { document_id: null },
      ]);
      expect(await rows(sql`select key from idempotency_keys`)).toEqual([{ key: 'current' }]);
      expect(crashedMidStream).not.toBe(crashedAfterStreaming);

      // Live data is whole: documents, versions, bytes.
      for (const id of [live.document.id, recentlyDeleted.document.id, freshIncomplete.id]) {
        expect(await exists('documents', 'id', id), id).toBe(true);
      }
      expect(await exists('document_versions', 'id', waiting.id)).toBe(true);
      const chunks: Buffer[] = [];
      for await (const chunk of await t.app.blobs.get(live.version.blobKey)) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('bytes of Live.pdf');
      if (t.config.storage.driver === 'disk') {
        const left = await readdir(join(t.config.storage.diskPath, '.tmp'));
        expect(left.some((name) => name.endsWith('.live.part'))).toBe(true);
        expect(left.some((name) => name.endsWith('.crashed.part'))).toBe(false);
      }

      expect(await sweepDocuments(t.app)).toEqual(nothing);
      expect(await listStored()).toEqual(stored);
    });

    it('retries an item whose blob went but whose row stayed (a crash in between), without error', async () => {
      const reserved = await reserve(ago(25 * HOUR), 'orphan');
      const first = await incomplete('Expired upload.pdf');
      const expiredUpload = await pending(first.id, ago(1000));
      const expired = await doc('Long gone.pdf', { deletedAt: ago(40 * DAY) });

      // The process "dies" right after each blob delete: the delete happened, the row delete did not.
      const store = t.app.blobs;
      const realDelete = store.delete.bind(store);
      const crash = vi.spyOn(store, 'delete').mockImplementation(async (key) => {
        await realDelete(key);
        throw new Error('process killed');
      });
      try {
        expect(await sweepDocuments(t.app)).toEqual({ ...nothing, failures: 3 });
      } finally {
        crash.mockRestore();
      }
      const stored = await listStored();
      for (const key of [reserved, expiredUpload.blobKey, expired.version.blobKey]) {
        expect(stored).not.toContain(key);
      }
      expect(await exists('blob_reservations', 'blob_key', reserved)).toBe(true);
      expect(await exists('document_versions', 'id', expiredUpload.id)).toBe(true);
      expect(await exists('documents', 'id', expired.document.id)).toBe(true);

      expect(await sweepDocuments(t.app)).toEqual({
        ...nothing,
        reservations: 1,
        pendingVersions: 1,
        purgedDocuments: 1,
      });
      expect(await exists('blob_reservations', 'blob_key', reserved)).toBe(false);
      expect(await exists('documents', 'id', first.id)).toBe(false);
      expect(await exists('documents', 'id', expired.document.id)).toBe(false);
      expect(await sweepDocuments(t.app)).toEqual(nothing);
    });

    it('stops at shutdown, and after five failures in a row (storage down) until the next sweep', async () => {
      const keys = [];
      for (let i = 0; i < 7; i++) keys.push(await reserve(ago(25 * HOUR), `orphan ${i}`));
      expect(await sweepDocuments(t.app, { signal: AbortSignal.abort() })).toEqual(nothing);

      const down = vi.spyOn(t.app.blobs, 'delete').mockRejectedValue(new Error('storage unreachable'));
      try {
        expect(await sweepDocuments(t.app)).toEqual({ ...nothing, failures: 5 });
        expect(down).toHaveBeenCalledTimes(5);
      } finally {
        down.mockRestore();
      }
      expect(await sweepDocuments(t.app)).toEqual({ ...nothing, reservations: 7 });
      const stored = await listStored();
      for (const key of keys) expect(stored).not.toContain(key);
    });

    it('lets one sweep run at a time, in this process and across replicas', async () => {
      const [one, two] = await Promise.all([sweepDocuments(t.app), sweepDocuments(t.app)]);
      expect([one, two].filter((counts) => counts === null)).toHaveLength(1);

      if (t.database.driver !== 'postgres') return;
      // Another replica's sweeper holds the lock on its own connection.
      const replica = await t.database.pool.connect();
      try {
        await replica.query('select pg_advisory_lock(7315002116)');
        const orphan = await reserve(ago(25 * HOUR), 'waits for the other sweeper');
        expect(await sweepDocuments(t.app)).toBeNull();
        expect(await exists('blob_reservations', 'blob_key', orphan)).toBe(true);
        await replica.query('select pg_advisory_unlock(7315002116)');
        expect(await sweepDocuments(t.app)).toEqual({ ...nothing, reservations: 1 });
      } finally {
        replica.release();
      }
    });

    // PGlite runs one transaction at a time: only PostgreSQL can hold one open beside the sweep.
    it.skipIf(!process.env.DATABASE_URL)(
      'skips a reservation whose upload is recording its version right now',
      async () => {
        if (t.database.driver !== 'postgres') throw new Error('expected PostgreSQL');
        const key = await reserve(ago(25 * HOUR), 'being recorded');
        const upload = await t.database.pool.connect();
        try {
          // The upload's transaction has released the reservation but not committed yet.
          await upload.query('begin');
          await upload.query('delete from blob_reservations where blob_key = $1', [key]);
          expect(await sweepDocuments(t.app)).toEqual(nothing);
          await upload.query('commit');
        } finally {
          upload.release();
        }
        expect(await listStored()).toContain(key);
      },
    );

    it('sweeps as if later when told the time (what a restarted server sees a day on)', async () => {
      const key = await reserve(new Date(), 'cut off by a restart');
      expect(await sweepDocuments(t.app)).toEqual(nothing);
      // Later on, what earlier tests left in its grace period has become stale too.
      const later = await sweepDocuments(t.app, { now: new Date(Date.now() + 25 * HOUR) });
      expect(later).toMatchObject({ failures: 0 });
      expect(later?.reservations).toBeGreaterThanOrEqual(1);
      expect(await listStored()).not.toContain(key);
      expect(await exists('blob_reservations', 'blob_key', key)).toBe(false);
    });
  });
}

describe('document sweeper in the server', () => {
  const expiredKey = (t: TestApp, key: string) =>
    t.database.db
      .insert(idempotencyKeys)
      .values({ ownerId: 'someone', key, requestHash: 'x', expiresAt: new Date(Date.now() - 1000) });
  const keyCount = async (t: TestApp) =>
    (
      (await t.database.db.execute(sql`select count(*)::int as n from idempotency_keys`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]?.n;

  it('runs every SWEEP_INTERVAL_SECONDS with the job worker, and not at all with JOBS_ENABLED=false', async () => {
    const on = await createTestApp({ env: { JOBS_ENABLED: 'true', SWEEP_INTERVAL_SECONDS: '1' } });
    const off = await createTestApp({ env: { JOBS_ENABLED: 'false', SWEEP_INTERVAL_SECONDS: '1' } });
    try {
      await expiredKey(on, 'first');
      await expiredKey(off, 'first');
      await expect.poll(() => keyCount(on), { timeout: 5_000, interval: 100 }).toBe(0);
      await expiredKey(on, 'second'); // it keeps running
      await expect.poll(() => keyCount(on), { timeout: 5_000, interval: 100 }).toBe(0);
      expect(await keyCount(off)).toBe(1);
    } finally {
      await Promise.all([on.close(), off.close()]);
    }
    // Two apps on two fresh databases: slow to start on a loaded machine.
  }, 60_000);
});
