/**
 * One storage round trip in a process of its own, so its memory figures are not contaminated by other
 * cases: warm up, note RSS, stream the generated data in (put) and back out (get + hash) while sampling RSS
 * every 20 ms, then report to the parent over IPC. Started by `storage-rss.ts`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StorageConfig } from '../src/storage/blob-store';
import { createBlobStore } from '../src/storage/create-blob-store';
import { hashStream, randomStream } from '../test/support/random-stream';

export type StorageCase = 'baseline' | 'disk' | 's3';

export interface ChildSpec {
  case: StorageCase;
  bytes: number;
  chunkBytes: number;
  workDir: string;
  s3?: Extract<StorageConfig, { driver: 's3' }>['s3'];
}

export interface ChildResult {
  putMs: number;
  getMs: number;
  intact: boolean;
  baselineRss: number;
  peakRss: number;
}

interface RoundTripTarget {
  put(body: Readable): Promise<{ key: string; size: number; sha256: string }>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** What any Node program would write by hand: pipeline into a file with a hashing pass-through, and back. */
function plainFileTarget(dir: string): RoundTripTarget {
  let counter = 0;
  return {
    async put(body) {
      const key = `baseline-${counter++}`;
      const hash = createHash('sha256');
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      await pipeline(body, tap, createWriteStream(join(dir, key)));
      return { key, size, sha256: hash.digest('hex') };
    },
    async get(key) {
      return createReadStream(join(dir, key));
    },
    async delete() {},
    async close() {},
  };
}

function targetFor(spec: ChildSpec): RoundTripTarget {
  switch (spec.case) {
    case 'baseline':
      return plainFileTarget(spec.workDir);
    case 'disk':
      return createBlobStore({ driver: 'disk', diskPath: spec.workDir });
    case 's3':
      if (!spec.s3) throw new Error('s3 case needs s3 settings');
      return createBlobStore({ driver: 's3', s3: spec.s3 });
  }
}

async function roundTrip(target: RoundTripTarget, bytes: number, chunkBytes: number) {
  const source = randomStream(bytes, chunkBytes);
  const putStart = performance.now();
  const stored = await target.put(source.stream);
  const putMs = performance.now() - putStart;
  const getStart = performance.now();
  const read = await hashStream(await target.get(stored.key));
  const getMs = performance.now() - getStart;
  await target.delete(stored.key);
  const expected = source.sha256();
  const intact =
    stored.size === bytes && stored.sha256 === expected && read.size === bytes && read.sha256 === expected;
  return { putMs, getMs, intact };
}

async function main(): Promise<ChildResult> {
  const spec = JSON.parse(process.argv[2] ?? '') as ChildSpec;
  const target = targetFor(spec);
  // Warm-up loads lazily required modules (SDK middleware, XML parsing, ...) so they are not counted as
  // growth; then let the collector settle before taking the reference figure.
  await roundTrip(target, 16 * 1024 * 1024, spec.chunkBytes);
  globalThis.gc?.();
  await sleep(200);
  const baselineRss = process.memoryUsage.rss();
  let peakRss = baselineRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  try {
    const result = await roundTrip(target, spec.bytes, spec.chunkBytes);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { ...result, baselineRss, peakRss };
  } finally {
    clearInterval(sampler);
    await target.close();
  }
}

const result = await main();
process.send?.(result, () => process.exit(0));
