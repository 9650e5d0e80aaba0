import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BlobTooLargeError } from './blob-store';

/**
 * Pass-through that counts bytes and computes SHA-256 on the way, and fails the pipeline as soon as the
 * running total passes `maxBytes` (before the offending chunk is forwarded).
 */
export class HashingStream extends Transform {
  #hash: Hash = createHash('sha256');
  #byteCount = 0;
  #sha256: string | undefined;
  readonly #maxBytes: number | undefined;

  constructor(options: { maxBytes?: number | undefined } = {}) {
    super();
    this.#maxBytes = options.maxBytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#byteCount += chunk.length;
    if (this.#maxBytes !== undefined && this.#byteCount > this.#maxBytes) {
      callback(new BlobTooLargeError(this.#maxBytes));
      return;
    }
    this.#hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.#sha256 = this.#hash.digest('hex');
    callback();
  }

  /**
   * Deliberately not called `size` (nor `length`): lib-storage's Upload sniffs those on its Body to guess
   * the total length, and would take 0 from a stream that has not been read yet.
   */
  get byteCount(): number {
    return this.#byteCount;
  }

  /** Available once the stream has finished. */
  get sha256(): string {
    if (this.#sha256 === undefined) throw new Error('HashingStream has not finished');
    return this.#sha256;
  }
}
