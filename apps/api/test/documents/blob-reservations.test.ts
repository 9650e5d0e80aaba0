import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobReservations } from '../../src/db/schema/documents';
import { isReserved, releaseBlobKey, reserveBlobKey } from '../../src/modules/documents/blob-reservations';
import { makeFirm } from '../support/factories/practice';
import { createTestApp, type TestApp } from '../support/test-app';

describe('blob reservations', () => {
  let t: TestApp;
  let firmId: string;
  beforeAll(async () => {
    t = await createTestApp();
    firmId = (await makeFirm(t.database.db)).id;
  });
  afterAll(() => t.close());

  it('are released once, by the transaction that records the owner', async () => {
    const key = await reserveBlobKey(t.database.db, t.app.blobs, firmId);
    expect(await isReserved(t.database.db, key)).toBe(true);
    await t.database.db.transaction((tx) => releaseBlobKey(tx, key));
    expect(await isReserved(t.database.db, key)).toBe(false);
  });

  it('refuse to release a key the sweeper took, so a stalled upload never records a swept blob', async () => {
    const key = await reserveBlobKey(t.database.db, t.app.blobs, firmId);
    await t.database.db.delete(blobReservations).where(eq(blobReservations.blobKey, key));
    await expect(t.database.db.transaction((tx) => releaseBlobKey(tx, key))).rejects.toThrow(/swept/);
  });
});
