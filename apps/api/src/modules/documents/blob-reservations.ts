import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { blobReservations } from '../../db/schema/documents';
import type { BlobStore } from '../../storage/blob-store';

/**
 * Reserves a fresh blob key, committed before a single byte is written: if the upload never
 * becomes a version (the client vanished, the process died), the sweeper finds the reservation
 * and deletes whatever was stored under it. Pass `db` outside any transaction.
 */
export async function reserveBlobKey(db: Db, blobs: BlobStore, firmId: string): Promise<string> {
  const key = blobs.newKey();
  await db.insert(blobReservations).values({ blobKey: key, firmId });
  return key;
}

/**
 * Ends a reservation in the transaction that records the blob's owner (its version row). Throws
 * when the reservation is gone: the sweeper took it (an upload stalled past the grace period) and
 * may have deleted the blob, so the version must not be written.
 */
export async function releaseBlobKey(tx: Db, key: string): Promise<void> {
  const released = await tx
    .delete(blobReservations)
    .where(eq(blobReservations.blobKey, key))
    .returning({ key: blobReservations.blobKey });
  if (released.length === 0) throw new Error(`blob reservation ${key} was swept before its upload finished`);
}

/** Whether a key is still reserved: its blob is owned by no version yet. */
export async function isReserved(db: Db, key: string): Promise<boolean> {
  const [row] = await db
    .select({ key: blobReservations.blobKey })
    .from(blobReservations)
    .where(eq(blobReservations.blobKey, key))
    .limit(1);
  return row !== undefined;
}
