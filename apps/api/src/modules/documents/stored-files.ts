import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/app-error';
import { ChunkCoalescer } from '../../lib/chunk-coalescer';
import { BlobTooLargeError } from '../../storage/blob-store';
import { isReserved, releaseBlobKey, reserveBlobKey } from './blob-reservations';
import { type Declared, verifiedType } from './file-types';
import { TypeCheckingStream } from './type-checking-stream';

/** A file now in the blob store, under a reserved key, not yet owned by any version. */
export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  /** Verified from its first bytes. */
  contentType: string;
}

export interface StoreOptions {
  firmId: string;
  declared: Declared;
  /** What this file may still take: the smaller of the per-file and the per-request budget. */
  maxBytes: number;
  /** The 413 to answer when `maxBytes` is crossed. */
  tooLarge: () => AppError;
}

const empty = () =>
  new AppError('validation_failed', 'The file is empty.', {
    errors: [{ path: '/file', message: 'is empty' }],
  });

/**
 * Streams one upload into the blob store under a freshly reserved key (committed first, so a crash
 * mid-stream leaves a reservation for the sweeper), computing its size and SHA-256 on the way; the
 * type is judged from the first bytes before anything is written. On any failure nothing stays
 * stored (and the reservation goes with the blob).
 */
export async function storeFile(
  app: FastifyInstance,
  source: Readable,
  options: StoreOptions,
): Promise<StoredFile> {
  const key = await reserveBlobKey(app.database.db, app.blobs, options.firmId);
  const checker = new TypeCheckingStream(async (head) => {
    if (head.length === 0) throw empty();
    return verifiedType(head, options.declared);
  });
  const [fed, put] = await Promise.allSettled([
    pipeline(source, new ChunkCoalescer(), checker),
    app.blobs.put(checker, { key, maxBytes: options.maxBytes }),
  ]);
  if (put.status === 'fulfilled' && fed.status === 'fulfilled') {
    return { key, size: put.value.size, sha256: put.value.sha256, contentType: checker.type };
  }
  await discardFile(app, key);
  // The store's failure says why (too large, refused type, the client gone); the feeding side
  // then only reports that its reader stopped.
  const reason = put.status === 'rejected' ? put.reason : (fed as PromiseRejectedResult).reason;
  if (reason instanceof BlobTooLargeError) throw options.tooLarge();
  throw reason;
}

/**
 * Deletes a blob no version owns, then its reservation. Only while the reservation stands: a
 * transaction that failed may still have committed (a connection lost at COMMIT), and then the
 * blob belongs to a version. When the database or the store cannot be asked, the reservation
 * stays and the sweeper deletes the blob later.
 */
export async function discardFile(app: FastifyInstance, key: string): Promise<void> {
  try {
    if (!(await isReserved(app.database.db, key))) return;
    await app.blobs.delete(key);
    await releaseBlobKey(app.database.db, key);
  } catch (error) {
    app.log.warn({ err: error, key }, 'could not discard an uploaded blob; the sweeper will');
  }
}

export async function discardFiles(app: FastifyInstance, files: readonly StoredFile[]): Promise<void> {
  await Promise.all(files.map((file) => discardFile(app, file.key)));
}
