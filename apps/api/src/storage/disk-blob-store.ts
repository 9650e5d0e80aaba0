import { randomUUID } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, type FileHandle, lstat, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BlobNotFoundError,
  type BlobStore,
  type ByteRange,
  generateBlobKey,
  isBlobKey,
  keyForPut,
  type PutOptions,
  resolveRange,
  type StoredBlob,
} from './blob-store';
import { HashingStream } from './hashing-stream';

/** Uploads in progress live here, inside the root so the final `rename` stays on one filesystem. */
const TEMP_DIR = '.tmp';
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Stores each blob as a file at `<root>/<aa>/<bb>/<key>`, where `aa`/`bb` come from the key's random tail:
 * 65,536 evenly filled directories instead of one ever-growing one. Writes go to a temp file that is
 * fsynced and only then renamed into place, so a crash never leaves a partial object under a real key.
 */
export class DiskBlobStore implements BlobStore {
  readonly driver = 'disk';
  readonly #root: string;
  readonly #tempDir: string;
  #ready: Promise<void> | undefined;

  constructor(root: string) {
    this.#root = resolve(root);
    this.#tempDir = join(this.#root, TEMP_DIR);
  }

  newKey(): string {
    return generateBlobKey();
  }

  async put(body: Readable, options: PutOptions = {}): Promise<StoredBlob> {
    const key = keyForPut(this, options);
    const tempPath = join(this.#tempDir, `${key}.${randomUUID()}.part`);
    const finalPath = this.#pathFor(key);
    const meter = new HashingStream({ maxBytes: options.maxBytes });
    let file: FileHandle | undefined;
    try {
      await this.#ensureRoot();
      // Opened up front (not lazily by createWriteStream) so cleanup can never race the file's creation.
      file = await open(tempPath, 'wx', 0o600);
      // `flush` fsyncs the file before the stream closes it: the bytes are on disk before the rename.
      await pipeline(body, meter, file.createWriteStream({ flush: true }));
      await mkdir(dirname(finalPath), { recursive: true });
      await rename(tempPath, finalPath);
      await syncDirectory(dirname(finalPath));
      return { key, size: meter.byteCount, sha256: meter.sha256 };
    } catch (error) {
      body.destroy(); // release the caller's stream if we failed before (or without) reading it
      await file?.close().catch(() => {}); // usually closed by the stream already
      await rm(tempPath, { force: true });
      await rm(finalPath, { force: true }); // only there if syncing the directory failed after the rename
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    if (!isBlobKey(key)) throw new BlobNotFoundError(key);
    let file: FileHandle;
    try {
      file = await open(this.#pathFor(key), 'r');
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFoundError(key);
      throw error;
    }
    try {
      // Sized through the open handle, so a concurrent delete cannot slip between stat and read.
      const { size } = await file.stat();
      const bounds = range ? resolveRange(range, size) : undefined;
      // 1 MiB reads: a download through HTTP then costs a fraction of the CPU of 64 KiB reads.
      return file.createReadStream({
        highWaterMark: READ_CHUNK_BYTES,
        ...(bounds ? { start: bounds.start, end: bounds.end } : {}),
      });
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  async head(key: string): Promise<{ key: string; size: number } | null> {
    if (!isBlobKey(key)) return null;
    let stats: Stats;
    try {
      stats = await stat(this.#pathFor(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return { key, size: stats.size };
  }

  async delete(key: string): Promise<void> {
    if (!isBlobKey(key)) return;
    await rm(this.#pathFor(key), { force: true });
  }

  /**
   * Deletes `.part` files a crashed `put` left in the temp directory. A write in progress touches
   * its file with every chunk, so only uploads stalled since `olderThan` are at risk, and those
   * fail cleanly (their rename finds no file).
   */
  async removeStaleTempFiles(olderThan: Date): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.#tempDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      if (!name.endsWith('.part')) continue;
      const path = join(this.#tempDir, name);
      const stats = await lstat(path).catch((error: unknown) => {
        if (isMissing(error)) return null; // finished or cleaned up meanwhile
        throw error;
      });
      if (!stats?.isFile() || stats.mtimeMs >= olderThan.getTime()) continue;
      await rm(path, { force: true });
      removed += 1;
    }
    return removed;
  }

  async check(): Promise<void> {
    await this.#ensureRoot();
    await access(this.#tempDir, constants.R_OK | constants.W_OK | constants.X_OK);
  }

  async close(): Promise<void> {}

  #pathFor(key: string): string {
    return join(this.#root, key.slice(-2), key.slice(-4, -2), key);
  }

  #ensureRoot(): Promise<void> {
    this.#ready ??= mkdir(this.#tempDir, { recursive: true }).then(
      () => undefined,
      (error: unknown) => {
        // Not cached on failure: the next call retries (e.g. once a volume is mounted).
        this.#ready = undefined;
        throw error;
      },
    );
    return this.#ready;
  }
}

/** Makes a rename durable: the new directory entry is only on disk once the directory itself is synced. */
async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
