import { Transform, type TransformCallback } from 'node:stream';

/** What a `ChunkCoalescer` joins chunks into, and so the most it holds back. */
export const COALESCED_CHUNK_BYTES = 1024 * 1024;

/**
 * Joins small chunks (an HTTP body arrives in 16–64 KiB pieces) into chunks of about
 * `COALESCED_CHUNK_BYTES` before they reach hashing and storage: fewer, larger writes cost markedly
 * less CPU per byte. Holds at most one target's worth of bytes.
 */
export class ChunkCoalescer extends Transform {
  readonly #targetBytes: number;
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  constructor(targetBytes = COALESCED_CHUNK_BYTES) {
    super();
    this.#targetBytes = targetBytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    if (this.#pendingBytes >= this.#targetBytes) this.#release();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.#pendingBytes > 0) this.#release();
    callback();
  }

  #release(): void {
    this.push(
      this.#pending.length === 1 ? this.#pending[0] : Buffer.concat(this.#pending, this.#pendingBytes),
    );
    this.#pending = [];
    this.#pendingBytes = 0;
  }
}
