import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

export interface RandomStream {
  stream: Readable;
  /** Bytes produced so far (lets a test check that a consumer stopped reading early). */
  readonly produced: number;
  /** SHA-256 (lowercase hex) of everything produced; complete once the stream has ended. */
  sha256(): string;
}

/**
 * `totalBytes` of random data, generated lazily in `chunkSize` pieces and hashed on the way, so even
 * gigabytes never sit in memory. Each chunk is a fresh buffer: consumers may hold on to what they read.
 */
export function randomStream(totalBytes: number, chunkSize = 1024 * 1024): RandomStream {
  const hash = createHash('sha256');
  let produced = 0;
  let digest: string | undefined;
  const stream = Readable.from(
    (function* generate() {
      while (produced < totalBytes) {
        const chunk = randomBytes(Math.min(chunkSize, totalBytes - produced));
        produced += chunk.length;
        hash.update(chunk);
        yield chunk;
      }
      digest = hash.digest('hex');
    })(),
    { objectMode: false, highWaterMark: chunkSize },
  );
  return {
    stream,
    get produced() {
      return produced;
    },
    sha256() {
      if (digest === undefined) throw new Error('random stream not finished');
      return digest;
    },
  };
}

/** Reads a stream to the end, returning its size and SHA-256 without keeping the bytes. */
export async function hashStream(stream: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    hash.update(bytes);
  }
  return { size, sha256: hash.digest('hex') };
}
