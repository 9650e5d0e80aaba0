import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BlobNotFoundError,
  type BlobStore,
  BlobTooLargeError,
  RangeNotSatisfiableError,
} from '../../src/storage/blob-store';
import { hashStream, randomStream } from '../support/random-stream';

export interface BlobStoreHarness {
  store: BlobStore;
  /** Everything the backend holds right now — for disk every file under the root, temp files included. */
  listStored(): Promise<string[]>;
  /** A store of the same driver whose backend is unusable (its `check()` must reject). */
  unusableStore(): Promise<BlobStore>;
  /** Whether the driver hands out presigned URLs. */
  presigns: boolean;
  cleanup(): Promise<void>;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** The same assertions for every BlobStore driver. */
export function describeBlobStoreContract(name: string, setup: () => Promise<BlobStoreHarness>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let harness: BlobStoreHarness;
    let store: BlobStore;

    beforeAll(async () => {
      harness = await setup();
      store = harness.store;
    });

    afterAll(async () => {
      await harness?.cleanup();
    });

    async function putBytes(bytes: Buffer, options?: Parameters<BlobStore['put']>[1]) {
      return store.put(chunked(bytes, 64 * 1024), options);
    }

    async function readAll(stream: Readable): Promise<Buffer> {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    }

    it('round-trips a small blob', async () => {
      const bytes = randomBytes(1000);
      const stored = await putBytes(bytes, { contentType: 'application/pdf' });

      expect(stored).toEqual({ key: stored.key, size: 1000, sha256: sha256(bytes) });
      expect(await readAll(await store.get(stored.key))).toEqual(bytes);
    });

    it('round-trips multi-MiB random data', async () => {
      const bytes = randomBytes(12 * MiB + 12_345);
      const stored = await putBytes(bytes);

      expect(stored.size).toBe(bytes.length);
      expect(stored.sha256).toBe(sha256(bytes));
      expect(await hashStream(await store.get(stored.key))).toEqual({
        size: bytes.length,
        sha256: sha256(bytes),
      });
    });

    it('stores an empty body', async () => {
      const stored = await store.put(Readable.from([]));

      expect(stored.size).toBe(0);
      expect(stored.sha256).toBe(sha256(Buffer.alloc(0)));
      expect(await store.head(stored.key)).toEqual({ key: stored.key, size: 0 });
      expect((await readAll(await store.get(stored.key))).length).toBe(0);
    });

    it('generates a fresh, unique key for every blob', async () => {
      const bytes = randomBytes(100);
      const [a, b] = await Promise.all([putBytes(bytes), putBytes(bytes)]);

      expect(a.key).not.toBe(b.key);
      expect(a.sha256).toBe(b.sha256);
      const keys = new Set(Array.from({ length: 1000 }, () => store.newKey()));
      expect(keys.size).toBe(1000);
      expect(keys.has(a.key)).toBe(false);
    });

    it('writes under a key reserved with newKey(), and refuses any other key', async () => {
      const key = store.newKey();
      const bytes = randomBytes(64);
      const stored = await store.put(Readable.from([bytes]), { key });
      expect(stored.key).toBe(key);
      expect(await store.head(key)).toEqual({ key, size: 64 });
      await expect(store.put(Readable.from([bytes]), { key: '../escape' })).rejects.toThrow(RangeError);
      await store.delete(key);
    });

    describe('range reads', () => {
      const bytes = randomBytes(1000);
      let key: string;

      beforeAll(async () => {
        key = (await putBytes(bytes)).key;
      });

      // Not `bytes=0-0`: s3rver 3.7 reads an end of 0 as "no end" and returns the whole object (real S3
      // does not), so that case would test the fake server rather than the driver.
      it.for([
        { label: 'start only', range: { start: 990 }, expected: [990, 1000] },
        { label: 'start and end', range: { start: 10, end: 19 }, expected: [10, 20] },
        { label: 'a single byte', range: { start: 500, end: 500 }, expected: [500, 501] },
        { label: 'the last byte', range: { start: 999, end: 999 }, expected: [999, 1000] },
        {
          label: 'an end past the object (clamped)',
          range: { start: 995, end: 5000 },
          expected: [995, 1000],
        },
      ])('reads $label', async ({ range, expected: [from, to] }) => {
        expect(await readAll(await store.get(key, range))).toEqual(bytes.subarray(from, to));
      });

      it.for([
        { label: 'start at the size', range: { start: 1000 } },
        { label: 'start past the size', range: { start: 5000, end: 6000 } },
        { label: 'end before start', range: { start: 10, end: 5 } },
        { label: 'negative start', range: { start: -1 } },
        { label: 'fractional start', range: { start: 1.5 } },
      ])('rejects $label', async ({ range }) => {
        await expect(store.get(key, range)).rejects.toBeInstanceOf(RangeNotSatisfiableError);
      });
    });

    it('heads present and missing blobs', async () => {
      const stored = await putBytes(randomBytes(321));

      expect(await store.head(stored.key)).toEqual({ key: stored.key, size: 321 });
      expect(await store.head(store.newKey())).toBeNull();
    });

    it('rejects a get of a missing blob with BlobNotFoundError', async () => {
      await expect(store.get(store.newKey())).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(store.get(store.newKey(), { start: 0 })).rejects.toBeInstanceOf(BlobNotFoundError);
    });

    it('deletes, and deleting a missing key resolves', async () => {
      const stored = await putBytes(randomBytes(10));

      await store.delete(stored.key);
      await expect(store.get(stored.key)).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await store.head(stored.key)).toBeNull();
      await expect(store.delete(stored.key)).resolves.toBeUndefined();
      await expect(store.delete(store.newKey())).resolves.toBeUndefined();
    });

    describe('maxBytes', () => {
      it('accepts a body of exactly maxBytes', async () => {
        const stored = await putBytes(randomBytes(1000), { maxBytes: 1000 });
        expect(stored.size).toBe(1000);
      });

      it('rejects a small body over the limit and stores nothing', async () => {
        const before = await harness.listStored();

        await expect(putBytes(randomBytes(5000), { maxBytes: 1000 })).rejects.toBeInstanceOf(
          BlobTooLargeError,
        );
        expect(await harness.listStored()).toEqual(before);
      });

      it('stops reading a large body at once and stores nothing', async () => {
        const before = await harness.listStored();
        // Past one multipart part for drivers that upload in parts, so a started upload must be abandoned.
        const maxBytes = 20 * MiB;
        const source = randomStream(256 * MiB);

        const error = await store.put(source.stream, { maxBytes }).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(BlobTooLargeError);
        expect((error as BlobTooLargeError).maxBytes).toBe(maxBytes);
        expect(source.produced).toBeLessThan(maxBytes + 4 * MiB);
        expect(source.stream.destroyed).toBe(true);
        expect(await harness.listStored()).toEqual(before);
      });
    });

    it('rejects with the source error when the body fails midway, storing nothing', async () => {
      const before = await harness.listStored();
      const failure = new Error('client went away');
      const body = Readable.from(
        (function* failingBody() {
          for (let i = 0; i < 20; i++) yield randomBytes(MiB);
          throw failure;
        })(),
      );

      await expect(store.put(body)).rejects.toBe(failure);
      expect(await harness.listStored()).toEqual(before);
    });

    it('treats keys it did not issue (path traversal, absolute paths) as not found', async () => {
      const stored = await putBytes(randomBytes(10));
      const { key } = stored;
      const foreign = [
        '../x',
        '../../etc/passwd',
        '/etc/passwd',
        '..',
        '.',
        '',
        '.tmp',
        `../${key}`,
        `/${key}`,
        `./${key}`,
        `${key}/../${key}`,
        `${key.slice(-2)}/${key.slice(-4, -2)}/${key}`,
        `${key}\u0000`,
        key.toUpperCase(),
      ];

      for (const bad of foreign) {
        await expect(store.get(bad), bad).rejects.toBeInstanceOf(BlobNotFoundError);
        expect(await store.head(bad), bad).toBeNull();
        await expect(store.delete(bad), bad).resolves.toBeUndefined();
      }
      expect(await store.head(key)).toEqual({ key, size: 10 });
    });

    it('check() resolves when storage is usable and rejects when it is not', async () => {
      await expect(store.check()).resolves.toBeUndefined();

      const broken = await harness.unusableStore();
      try {
        await expect(broken.check()).rejects.toThrow();
      } finally {
        await broken.close();
      }
    });

    describe('presigned URLs', () => {
      it('round-trips bytes through a presigned PUT and GET, or is absent when unsupported', async () => {
        const s = store;
        if (!harness.presigns) {
          expect(s.presignGet).toBeUndefined();
          expect(s.presignPut).toBeUndefined();
          return;
        }
        if (!s.presignGet || !s.presignPut) throw new Error('the driver should presign');
        const bytes = randomBytes(4096);
        const key = store.newKey();

        const putUrl = await s.presignPut(key, {
          expiresInSeconds: 60,
          contentType: 'application/pdf',
          contentLength: bytes.length,
        });
        const putResponse = await fetch(putUrl, {
          method: 'PUT',
          body: bytes,
          headers: { 'content-type': 'application/pdf' },
        });
        expect(putResponse.status).toBe(200);
        expect(await store.head(key)).toEqual({ key, size: bytes.length });

        const getUrl = await s.presignGet(key, {
          expiresInSeconds: 60,
          filename: 'Résumé "final".pdf',
          contentType: 'application/pdf',
        });
        const getResponse = await fetch(getUrl);
        expect(getResponse.status).toBe(200);
        expect(Buffer.from(await getResponse.arrayBuffer())).toEqual(bytes);
        expect(getResponse.headers.get('content-type')).toBe('application/pdf');
        expect(getResponse.headers.get('content-disposition')).toBe(
          `attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`,
        );
      });

      it('refuses an expiry over 300 seconds', async () => {
        if (!harness.presigns) return;
        const key = store.newKey();

        await expect(store.presignGet?.(key, { expiresInSeconds: 301 })).rejects.toBeInstanceOf(RangeError);
        await expect(store.presignPut?.(key, { expiresInSeconds: 301 })).rejects.toBeInstanceOf(RangeError);
        await expect(store.presignGet?.(key, { expiresInSeconds: 300 })).resolves.toMatch(/^https?:\/\//);
      });
    });

    it('streams a 1 GiB round trip without holding it in memory', { timeout: 180_000 }, async () => {
      const source = randomStream(GiB);

      const stored = await store.put(source.stream);
      expect(stored.size).toBe(GiB);
      expect(stored.sha256).toBe(source.sha256());

      expect(await hashStream(await store.get(stored.key))).toEqual({ size: GiB, sha256: source.sha256() });
      await store.delete(stored.key);
    });
  });
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A body that arrives in pieces, like a network upload does. */
function chunked(bytes: Buffer, size: number): Readable {
  return Readable.from(
    (function* pieces() {
      for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
    })(),
  );
}
