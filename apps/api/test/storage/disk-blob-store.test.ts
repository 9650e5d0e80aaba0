import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
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

describe('DiskBlobStore stale temp files', () => {
  let base: string;
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('removes only .part files not written to since the cut-off, never blobs or uploads in progress', async () => {
    base = await mkdtemp(join(tmpdir(), 'chambers-disk-store-'));
    const root = join(base, 'blobs');
    const store = new DiskBlobStore(root);
    expect(await store.removeStaleTempFiles(new Date())).toBe(0); // no temp directory yet

    const kept = await store.put(Readable.from([Buffer.from('a finished blob')]));
    const temp = join(root, '.tmp');
    const hourAgo = new Date(Date.now() - 3_600_000);
    const stale = join(temp, `${store.newKey()}.crashed.part`);
    await writeFile(stale, 'half an upload');
    await utimes(stale, hourAgo, hourAgo);
    const notOurs = join(temp, 'notes.txt');
    await writeFile(notOurs, 'not a temp upload');
    await utimes(notOurs, hourAgo, hourAgo);
    await mkdir(join(temp, 'dir.part'));

    // An upload still streaming: its .part file is fresh.
    const body = new PassThrough();
    const uploading = store.put(body);
    body.write('first chunk');
    await expect
      .poll(async () => (await readdir(temp)).filter((name) => name.endsWith('.part')).length)
      .toBe(3);

    const cutoff = new Date(Date.now() - 60_000);
    expect(await store.removeStaleTempFiles(cutoff)).toBe(1);
    expect((await readdir(temp)).sort()).toEqual(expect.arrayContaining(['dir.part', 'notes.txt']));
    expect((await readdir(temp)).some((name) => name.includes('crashed'))).toBe(false);

    body.end('last chunk');
    const finished = await uploading;
    expect(finished.size).toBe('first chunklast chunk'.length);
    expect(await store.head(kept.key)).toEqual({ key: kept.key, size: 'a finished blob'.length });
    expect(await store.removeStaleTempFiles(cutoff)).toBe(0); // running again is harmless
  });
});
