import { createCipheriv, createHash } from 'node:crypto';

/** What both sides of the document transfer bench send: `totalBytes`, never held in memory at once. */
export interface TransferData {
  totalBytes: number;
  chunks(): AsyncGenerator<Buffer>;
  /** SHA-256 (hex) of the whole, computed up front so that no measured path pays for it. */
  sha256: string;
}

const BLOCK_BYTES = 1024 * 1024;
/** The upload route sniffs the type from the first bytes: make the data a (nominal) PDF. */
const PDF_HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

/**
 * One pseudo-random MiB derived from `seed` (so two processes make the same bytes), repeated:
 * producing it costs nothing, so the figures measure the transfer rather than the generator, and
 * the API and the raw copy are handed exactly the same bytes. Chunks are views of the one block,
 * which nobody writes to.
 */
export function transferData(totalBytes: number, chunkBytes: number, seed: string): TransferData {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16);
  const block = createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(BLOCK_BYTES));
  PDF_HEADER.copy(block);
  const hash = createHash('sha256');
  for (let offset = 0; offset < totalBytes; offset += BLOCK_BYTES) {
    hash.update(block.subarray(0, Math.min(BLOCK_BYTES, totalBytes - offset)));
  }
  return {
    totalBytes,
    sha256: hash.digest('hex'),
    async *chunks() {
      let offset = 0;
      while (offset < totalBytes) {
        const start = offset % BLOCK_BYTES;
        const end = Math.min(start + chunkBytes, BLOCK_BYTES, start + totalBytes - offset);
        const chunk = block.subarray(start, end);
        offset += chunk.length;
        yield chunk;
      }
    },
  };
}
