import { Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES } from './file-types';

/**
 * Holds back a file's first bytes until `check` has judged them (its answer is the stored type),
 * then lets everything through untouched. A refused file fails the stream before a single byte
 * reaches storage; memory stays at the head plus one chunk.
 */
export class TypeCheckingStream extends Transform {
  #head: Buffer[] = [];
  #headLength = 0;
  #type: string | undefined;
  readonly #check: (head: Buffer) => Promise<string>;

  constructor(check: (head: Buffer) => Promise<string>) {
    super();
    this.#check = check;
  }

  /** The verified type; known once the first bytes have passed. */
  get type(): string {
    if (this.#type === undefined) throw new Error('TypeCheckingStream has not judged the file yet');
    return this.#type;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#type !== undefined) {
      callback(null, chunk);
      return;
    }
    this.#head.push(chunk);
    this.#headLength += chunk.length;
    if (this.#headLength < SNIFF_BYTES) callback();
    else this.#judge(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.#type === undefined) this.#judge(callback);
    else callback();
  }

  #judge(callback: TransformCallback): void {
    const held = Buffer.concat(this.#head);
    this.#head = [];
    this.#check(held.subarray(0, SNIFF_BYTES)).then(
      (type) => {
        this.#type = type;
        callback(null, held);
      },
      (error: Error) => callback(error),
    );
  }
}
