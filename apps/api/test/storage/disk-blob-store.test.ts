import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError } from '../../src/storage/blob-store';
import { DiskBlobStore } from '../../src/storage/disk-blob-store';
import { describeBlobStoreContract } from './blob-store-contract';

describeBlobStoreContract('disk', async () => {
  const base = await mkdtemp(join(tmpdir(), 'chambers-disk-store-'));
  // A root that does not exist yet: the store must create it on first use.
  const root = join(base, 'blobs');
  return {
    store: new DiskBlobStore(root),
    presigns: false,
    async listStored() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((entry) => !entry.isDirectory())
        .map((entry) => relative(root, join(entry.parentPath, entry.name)))
        .sort();
    },
    async unusableStore() {
      const occupied = join(base, 'not-a-directory');
      await writeFile(occupied, 'a file where the storage root should be');
      return new DiskBlobStore(occupied);
    },
    async cleanup() {
      await rm(base, { recursive: true, force: true });
    },
  };
});

describe('DiskBlobStore paths', () => {
  const bases: string[] = [];
  afterAll(async () => {
    await Promise.all(bases.map((base) => rm(base, { recursive: true, force: true })));
  });

  it('cannot reach a real file outside its root', async () => {
    const base = await mkdtemp(join(tmpdir(), 'chambers-disk-store-'));
    bases.push(base);
    await writeFile(join(base, 'secret'), 'not a blob');
    const store = new DiskBlobStore(join(base, 'blobs'));
    await store.check();
    // Each of these would land on `<base>/secret` if keys were joined onto the sharded path unchecked.
    const escapes = ['../../../secret', `${join(base, 'secret')}`, '../../../../blobs/../secret'];

    for (const key of escapes) {
      await expect(store.get(key), key).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await store.head(key), key).toBeNull();
      await store.delete(key);
    }
    expect(await readdir(base)).toContain('secret');
  });
});
