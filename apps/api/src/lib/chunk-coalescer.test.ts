import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ChunkCoalescer } from './chunk-coalescer';

/** The chunks as the coalescer pushes them ('data' events; async iteration would merge them). */
function chunksOf(input: Buffer[], target: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  const coalescer = Readable.from(input).pipe(new ChunkCoalescer(target));
  coalescer.on('data', (chunk: Buffer) => out.push(chunk));
  return new Promise((resolve, reject) => {
    coalescer.on('end', () => resolve(out));
    coalescer.on('error', reject);
  });
}

describe('ChunkCoalescer', () => {
  it('joins small chunks into chunks of at least the target, keeping every byte in order', async () => {
    const input = Array.from({ length: 50 }, () => randomBytes(1000));
    const out = await chunksOf(input, 4096);
    expect(Buffer.concat(out)).toEqual(Buffer.concat(input));
    expect(out.slice(0, -1).every((chunk) => chunk.length >= 4096)).toBe(true);
    expect(out.length).toBe(10);
  });

  it('passes big chunks through and ends with what is left', async () => {
    const big = randomBytes(10_000);
    const tail = randomBytes(10);
    expect(await chunksOf([big, tail], 4096)).toEqual([big, tail]);
  });
});
