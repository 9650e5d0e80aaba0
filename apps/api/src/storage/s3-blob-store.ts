import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  assertPresignExpiry,
  assertRangeShape,
  BlobNotFoundError,
  type BlobStore,
  type ByteRange,
  generateBlobKey,
  isBlobKey,
  keyForPut,
  type PresignGetOptions,
  type PresignPutOptions,
  type PutOptions,
  RangeNotSatisfiableError,
  type StorageConfig,
  type StoredBlob,
} from './blob-store';
import { attachmentDisposition } from './content-disposition';
import { HashingStream } from './hashing-stream';

export type S3StorageConfig = Extract<StorageConfig, { driver: 's3' }>['s3'];

export interface S3UploadTuning {
  /** Multipart part size in bytes (S3 minimum 5 MiB). */
  partSize?: number;
  /** Parts uploaded in parallel. */
  queueSize?: number;
}

const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;

export class S3BlobStore implements BlobStore {
  readonly driver = 's3';
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #partSize: number;
  readonly #queueSize: number;

  constructor(config: S3StorageConfig, tuning: S3UploadTuning = {}) {
    const { endpoint, region, bucket, accessKeyId, secretAccessKey, forcePathStyle } = config;
    this.#bucket = bucket;
    // Small defaults on purpose: lib-storage copies each part into a fresh buffer, so one upload holds about
    // (queueSize + 2) × partSize, and a server streams many uploads at once (see bench/storage-rss.ts).
    this.#partSize = Math.max(tuning.partSize ?? MIN_PART_SIZE, MIN_PART_SIZE);
    this.#queueSize = Math.max(tuning.queueSize ?? 2, 1);
    this.#client = new S3Client({
      region,
      forcePathStyle,
      ...(endpoint ? { endpoint } : {}),
      // Without explicit keys the SDK's default chain applies (env, shared files, instance/task roles).
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      // The SDK's default flexible checksums send streamed bodies aws-chunked; S3-compatible servers that
      // do not understand that framing store it inside the object. We compute our own SHA-256 anyway.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  newKey(): string {
    return generateBlobKey();
  }

  async put(body: Readable, options: PutOptions = {}): Promise<StoredBlob> {
    const key = keyForPut(this, options);
    const meter = new HashingStream({ maxBytes: options.maxBytes });
    const upload = new Upload({
      client: this.#client,
      params: {
        Bucket: this.#bucket,
        Key: key,
        Body: meter,
        ...(options.contentType ? { ContentType: options.contentType } : {}),
      },
      partSize: this.#partSizeFor(options.maxBytes),
      queueSize: this.#queueSize,
      leavePartsOnError: false,
    });
    // Upload.abort() is deliberately not used: it rejects done() at once while parts (or a single PutObject)
    // are still in flight and may complete afterwards. Failing the source instead makes lib-storage wait
    // for its in-flight requests, abort the multipart upload, and only then reject.
    const fed = pipeline(body, meter);
    const uploaded = upload.done().catch((error: unknown) => {
      // If the upload fails on its own, nothing reads `meter` any more: fail the source so it is released.
      meter.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    });
    // The source's own failure (its error, or BlobTooLargeError) comes first: it says why the upload stopped.
    const outcomes = await Promise.allSettled([fed, uploaded]);
    const failure = outcomes.find(
      (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
    );
    if (failure) {
      await this.#removeLeftover(key);
      throw failure.reason;
    }
    return { key, size: meter.byteCount, sha256: meter.sha256 };
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    if (!isBlobKey(key)) throw new BlobNotFoundError(key);
    if (range) assertRangeShape(range);
    try {
      const response = await this.#client.send(
        new GetObjectCommand({
          Bucket: this.#bucket,
          Key: key,
          ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}),
        }),
      );
      if (!(response.Body instanceof Readable)) throw new Error('S3 GetObject returned no readable body');
      return response.Body;
    } catch (error) {
      if (isS3Error(error, 'NoSuchKey', 404)) throw new BlobNotFoundError(key);
      if (range && isS3Error(error, 'InvalidRange', 416)) throw new RangeNotSatisfiableError(range);
      throw error;
    }
  }

  async head(key: string): Promise<{ key: string; size: number } | null> {
    if (!isBlobKey(key)) return null;
    try {
      const response = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: key }));
      return { key, size: response.ContentLength ?? 0 };
    } catch (error) {
      if (isS3Error(error, 'NotFound', 404)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (!isBlobKey(key)) return;
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key }));
  }

  async presignGet(key: string, options: PresignGetOptions): Promise<string> {
    assertPresignExpiry(options.expiresInSeconds);
    if (!isBlobKey(key)) throw new BlobNotFoundError(key);
    const command = new GetObjectCommand({
      Bucket: this.#bucket,
      Key: key,
      ...(options.filename ? { ResponseContentDisposition: attachmentDisposition(options.filename) } : {}),
      ...(options.contentType ? { ResponseContentType: options.contentType } : {}),
    });
    return getSignedUrl(this.#client, command, { expiresIn: options.expiresInSeconds });
  }

  async presignPut(key: string, options: PresignPutOptions): Promise<string> {
    assertPresignExpiry(options.expiresInSeconds);
    if (!isBlobKey(key)) throw new TypeError('Not a key issued by this store');
    const command = new PutObjectCommand({
      Bucket: this.#bucket,
      Key: key,
      ...(options.contentType ? { ContentType: options.contentType } : {}),
      ...(options.contentLength !== undefined ? { ContentLength: options.contentLength } : {}),
    });
    return getSignedUrl(this.#client, command, { expiresIn: options.expiresInSeconds });
  }

  async check(): Promise<void> {
    await this.#client.send(new HeadBucketCommand({ Bucket: this.#bucket }));
  }

  async close(): Promise<void> {
    this.#client.destroy();
  }

  /** Grows the part size when a large limit would otherwise need more than S3's 10,000 parts. */
  #partSizeFor(maxBytes: number | undefined): number {
    if (maxBytes === undefined) return this.#partSize;
    return Math.max(this.#partSize, Math.ceil(maxBytes / MAX_PARTS));
  }

  /**
   * Nothing should have been completed, but a CompleteMultipartUpload whose response was lost could leave an
   * object behind. Checked first so a versioned bucket does not collect a delete marker per failed upload.
   */
  async #removeLeftover(key: string): Promise<void> {
    try {
      if (await this.head(key)) await this.delete(key);
    } catch {
      // Best effort: the original failure is what the caller needs to see.
    }
  }
}

function isS3Error(error: unknown, name: string, status: number): boolean {
  if (!(error instanceof Error)) return false;
  const metadata = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return error.name === name || metadata?.httpStatusCode === status;
}
