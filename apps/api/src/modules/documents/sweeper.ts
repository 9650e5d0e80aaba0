import { and, eq, gt, isNull, lt, notExists, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { DocumentsConfig } from '../../config/config';
import { withTryAdvisoryLock } from '../../db/advisory-lock';
import type { Db } from '../../db/database';
import { blobReservations, documents, documentVersions } from '../../db/schema/documents';
import { idempotencyKeys } from '../../db/schema/idempotency-keys';
import type { BlobStore } from '../../storage/blob-store';

/** What one sweep removed. `failures` were left for the next sweep (each is logged). */
export interface SweepCounts {
  /** Reservations past the grace period, ended with whatever blob was stored under them. */
  reservations: number;
  /** Direct uploads never confirmed in time, removed with their blobs. */
  pendingVersions: number;
  /** Document rows that never got a version (an upload that died before its first one). */
  abandonedDocuments: number;
  /** Deleted documents past the retention period, purged with every version's blob. */
  purgedDocuments: number;
  /** Temp files of uploads cut off mid-stream (disk driver). */
  tempFiles: number;
  idempotencyKeys: number;
  failures: number;
}

export interface SweepOptions {
  /** The sweep's idea of the current time (tests move it forward instead of waiting). */
  now?: Date;
  /** Stops the sweep between two items (shutdown). */
  signal?: AbortSignal;
}

/** Arbitrary constant naming the sweeper among PostgreSQL advisory locks. */
const SWEEP_LOCK_KEY = 7_315_002_116;
const BATCH_SIZE = 100;
/**
 * The least a reservation is left alone. A multipart request keeps every file's reservation until
 * its last file is stored and one transaction records them all, so a reservation lives as long as
 * the whole request: a day is far beyond any upload through the API (5 GiB at 1 MB/s is 90 min).
 */
const RESERVATION_GRACE_FLOOR_SECONDS = 86_400;
/** Failures in a row after which the sweep gives up until next time: storage is likely down. */
const MAX_FAILURES_IN_A_ROW = 5;

/** How old a blob reservation must be before the sweeper takes its upload for dead. */
export function reservationGraceSeconds(config: Pick<DocumentsConfig, 'pendingUploadTtlSeconds'>): number {
  return Math.max(config.pendingUploadTtlSeconds, RESERVATION_GRACE_FLOOR_SECONDS);
}

interface Sweep {
  db: Db;
  blobs: BlobStore;
  log: FastifyBaseLogger;
  now: Date;
  /** Temp files not written to since, and documents still without a version made before, are dead. */
  graceCutoff: Date;
  /** Reservations made before this belong to uploads that are over. */
  reservationCutoff: Date;
  retentionCutoff: Date;
  signal: AbortSignal | undefined;
  counts: SweepCounts;
  failuresInARow: number;
}

/** Sweeps running in this process: PGlite's advisory locks are re-entrant within it. */
const sweeping = new WeakSet<FastifyInstance>();

/**
 * Removes what uploads and deletions leave behind, so no blob is ever orphaned and deleted
 * documents go when their retention ends. Each item's blob is deleted before its row, under a lock
 * on that row: a crash in between leaves a row that the next sweep deletes again (deleting a
 * missing blob is harmless), never a blob nothing points at. One sweeper runs at a time across
 * replicas (an advisory lock); resolves `null` when another holds it.
 */
export async function sweepDocuments(
  app: FastifyInstance,
  options: SweepOptions = {},
): Promise<SweepCounts | null> {
  if (sweeping.has(app)) return null;
  sweeping.add(app);
  try {
    return await withTryAdvisoryLock(app.database, SWEEP_LOCK_KEY, () => sweep(app, options));
  } finally {
    sweeping.delete(app);
  }
}

async function sweep(app: FastifyInstance, options: SweepOptions): Promise<SweepCounts> {
  const now = options.now ?? new Date();
  const { pendingUploadTtlSeconds, retentionDays } = app.config.documents;
  const run: Sweep = {
    db: app.database.db,
    blobs: app.blobs,
    log: app.log.child({ component: 'sweeper' }),
    now,
    graceCutoff: new Date(now.getTime() - pendingUploadTtlSeconds * 1000),
    reservationCutoff: new Date(now.getTime() - reservationGraceSeconds(app.config.documents) * 1000),
    retentionCutoff: new Date(now.getTime() - retentionDays * 86_400_000),
    signal: options.signal,
    counts: {
      reservations: 0,
      pendingVersions: 0,
      abandonedDocuments: 0,
      purgedDocuments: 0,
      tempFiles: 0,
      idempotencyKeys: 0,
      failures: 0,
    },
    failuresInARow: 0,
  };
  const steps = [
    () =>
      eachStale(
        run,
        'reservations',
        blobReservations.blobKey,
        lt(blobReservations.createdAt, run.reservationCutoff),
        endReservation,
      ),
    () => eachStale(run, 'pendingVersions', documentVersions.id, expiredPending(run), removePendingVersion),
    () => attempt(run, 'abandonedDocuments', 'all', () => removeAbandonedDocuments(run)),
    () =>
      eachStale(
        run,
        'purgedDocuments',
        documents.id,
        lt(documents.deletedAt, run.retentionCutoff),
        purgeDocument,
      ),
    () =>
      attempt(
        run,
        'tempFiles',
        'all',
        async () => (await run.blobs.removeStaleTempFiles?.(run.graceCutoff)) ?? 0,
      ),
    () =>
      attempt(run, 'idempotencyKeys', 'all', async () => {
        const removed = await run.db
          .delete(idempotencyKeys)
          .where(lt(idempotencyKeys.expiresAt, run.now))
          .returning({ id: idempotencyKeys.id });
        return removed.length;
      }),
  ];
  for (const step of steps) {
    if (run.signal?.aborted) break;
    await step();
  }
  return run.counts;
}

/** Runs one removal; a failure is counted and logged, and the item stays for the next sweep. */
async function attempt(
  run: Sweep,
  kind: Exclude<keyof SweepCounts, 'failures'>,
  item: string,
  remove: () => Promise<number>,
): Promise<void> {
  try {
    run.counts[kind] += await remove();
    run.failuresInARow = 0;
  } catch (error) {
    run.counts.failures += 1;
    run.failuresInARow += 1;
    run.log.warn({ err: error, kind, item }, 'sweep could not remove an item; the next sweep retries');
  }
}

/** Whether to stop before the next item: shutting down, or everything is failing. */
const halted = (run: Sweep) => run.signal?.aborted === true || run.failuresInARow >= MAX_FAILURES_IN_A_ROW;

/**
 * Feeds every row matching `stale` to `remove`, in key order, a batch at a time. Keyset paging
 * (not "the first N again") means an item that keeps failing cannot stall the rest.
 */
async function eachStale(
  run: Sweep,
  kind: Exclude<keyof SweepCounts, 'failures'>,
  key: PgColumn,
  stale: SQL | undefined,
  remove: (run: Sweep, key: string) => Promise<number>,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const batch = await run.db
      .select({ key: sql<string>`${key}` })
      .from(key.table)
      .where(and(stale, after === null ? undefined : gt(key, after)))
      .orderBy(key)
      .limit(BATCH_SIZE);
    for (const row of batch) {
      if (halted(run)) return;
      await attempt(run, kind, row.key, () => remove(run, row.key));
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH_SIZE) return;
    after = last.key;
  }
}

/**
 * Ends a reservation whose upload is over: deletes the blob stored under it (if any) unless a
 * version owns the key, then the row. The row stays locked throughout, and one being released by
 * its upload's transaction right now is skipped.
 */
async function endReservation(run: Sweep, blobKey: string): Promise<number> {
  return run.db.transaction(async (tx) => {
    const [reservation] = await tx
      .select({ blobKey: blobReservations.blobKey })
      .from(blobReservations)
      .where(
        and(eq(blobReservations.blobKey, blobKey), lt(blobReservations.createdAt, run.reservationCutoff)),
      )
      .for('update', { skipLocked: true });
    if (!reservation) return 0;
    const [owner] = await tx
      .select({ id: documentVersions.id })
      .from(documentVersions)
      .where(eq(documentVersions.blobKey, blobKey))
      .limit(1);
    if (!owner) await run.blobs.delete(blobKey);
    await tx.delete(blobReservations).where(eq(blobReservations.blobKey, blobKey));
    return 1;
  });
}

const expiredPending = (run: Sweep) =>
  and(eq(documentVersions.status, 'pending'), lt(documentVersions.expiresAt, run.now));

/**
 * Removes an expired direct upload: its blob, its version row, and its document when that was
 * waiting for this version alone. Locked, so a confirmation racing the expiry either wins (and the
 * version is no longer pending) or waits and finds it gone.
 */
async function removePendingVersion(run: Sweep, versionId: string): Promise<number> {
  return run.db.transaction(async (tx) => {
    const [version] = await tx
      .select({ blobKey: documentVersions.blobKey, documentId: documentVersions.documentId })
      .from(documentVersions)
      .where(and(eq(documentVersions.id, versionId), expiredPending(run)))
      .for('update', { skipLocked: true });
    if (!version) return 0;
    await run.blobs.delete(version.blobKey);
    await tx.delete(documentVersions).where(eq(documentVersions.id, versionId));
    await tx
      .delete(documents)
      .where(and(eq(documents.id, version.documentId), isNull(documents.currentVersionId), noVersions(tx)));
    return 1;
  });
}

/** No version row of any state points at the document. */
const noVersions = (db: Db) =>
  notExists(
    db
      .select({ id: documentVersions.id })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, documents.id)),
  );

/**
 * Removes document rows that never got a version and are older than the grace period: an upload
 * that died between making the document and its first version. No blob belongs to them.
 */
async function removeAbandonedDocuments(run: Sweep): Promise<number> {
  const removed = await run.db
    .delete(documents)
    .where(
      and(isNull(documents.currentVersionId), lt(documents.createdAt, run.graceCutoff), noVersions(run.db)),
    )
    .returning({ id: documents.id });
  return removed.length;
}

/**
 * Purges a document deleted longer ago than the retention period: every version's blob, then the
 * document row (its versions go with it; time entries linked to it keep their time, unlinked).
 * Locked, so a restore racing the purge either wins or waits and finds the document gone.
 */
async function purgeDocument(run: Sweep, documentId: string): Promise<number> {
  return run.db.transaction(async (tx) => {
    const [document] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.id, documentId), lt(documents.deletedAt, run.retentionCutoff)))
      .for('update', { skipLocked: true });
    if (!document) return 0;
    const versions = await tx
      .select({ blobKey: documentVersions.blobKey })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, documentId));
    for (const version of versions) await run.blobs.delete(version.blobKey);
    await tx.delete(documents).where(eq(documents.id, documentId));
    return 1;
  });
}
