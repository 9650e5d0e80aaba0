import type { Readable } from 'node:stream';
import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error';
import { COALESCED_CHUNK_BYTES } from '../../lib/chunk-coalescer';
import type { FilingTarget } from '../folders/filing-folder';

/** One file of an upload form, its stream still unread. */
export interface FormFile {
  file: Readable;
  /** The part's file name, as the client sent it. */
  fileName: string;
  declaredType: string | undefined;
  /** A `name` field sent just before the file. */
  name: string | undefined;
  /** A `path` field sent just before the file. */
  path: string | undefined;
}

/** Longest field value read (a relative path of a deep folder upload fits). */
const MAX_FIELD_BYTES = 4096;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });

/** The parser's own limits come after ours; its errors still answer 413 and 400, never 500. */
function parserError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new AppError('payload_too_large', 'The form has too many parts.');
  }
  return error;
}

/**
 * Reads a multipart upload form in order, as a stream: the target first, then each file with the
 * `name` and `path` fields sent just before it. Nothing is buffered but field values; unknown or
 * misplaced fields are refused (400), never ignored.
 */
export class UploadForm {
  readonly #parts: AsyncIterator<Multipart>;
  #fileCount = 0;

  private constructor(parts: AsyncIterator<Multipart>) {
    this.#parts = parts;
  }

  /**
   * Opens the form of `request`. A declared length beyond the budget (plus room for the form's
   * framing and fields) is refused at once; `maxFiles` + 1 files reach `nextFile`, which answers
   * the one too many with 413.
   */
  static open(
    request: FastifyRequest,
    limits: { maxFiles: number; maxFileBytes: number; maxRequestBytes: number },
  ): UploadForm {
    if (!request.isMultipart()) {
      throw new AppError('unsupported_media_type', 'Send the files as multipart/form-data.');
    }
    const files = limits.maxFiles + 1;
    const fields = 2 * files + 1;
    const framing = (files + fields) * (MAX_FIELD_BYTES + 1024);
    if (Number(request.headers['content-length']) > limits.maxRequestBytes + framing) {
      throw new AppError(
        'payload_too_large',
        `All files of one upload may take at most ${limits.maxRequestBytes} bytes.`,
      );
    }
    const parts = request.parts({
      // Over our own limit by what the chunk coalescer may hold back, so the blob store, counting
      // what reaches it, enforces ours first (413 as soon as it is crossed).
      limits: {
        fileSize: limits.maxFileBytes + COALESCED_CHUNK_BYTES + 1,
        files,
        fields,
        parts: files + fields,
        fieldSize: MAX_FIELD_BYTES,
      },
    });
    return new UploadForm(parts[Symbol.asyncIterator]());
  }

  async #next(): Promise<Multipart | undefined> {
    try {
      const next = await this.#parts.next();
      return next.done ? undefined : next.value;
    } catch (error) {
      throw parserError(error);
    }
  }

  /** The first field: `folder_id`, or `matter_id` for the matter's root folder. */
  async target(): Promise<FilingTarget> {
    const part = await this.#next();
    if (part?.type === 'field' && (part.fieldname === 'folder_id' || part.fieldname === 'matter_id')) {
      const id = fieldText(part);
      if (!UUID.test(id)) throw invalid(`/${part.fieldname}`, 'must be a UUID');
      return { kind: part.fieldname === 'folder_id' ? 'folder' : 'matter', id: id.toLowerCase() };
    }
    discard(part);
    throw invalid('/folder_id', 'send folder_id (or matter_id) as the first field of the form');
  }

  /** The next file with its `name` and `path`, or undefined at the end of the form. */
  async nextFile(maxFiles: number): Promise<FormFile | undefined> {
    const before: { name?: string; path?: string } = {};
    for (;;) {
      const part = await this.#next();
      if (part === undefined) {
        if (before.name !== undefined || before.path !== undefined) {
          throw invalid('/file', '`name` and `path` must be followed by their file');
        }
        return undefined;
      }
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          discard(part);
          throw invalid(`/${part.fieldname}`, 'files are sent in fields named "file"');
        }
        this.#fileCount += 1;
        if (this.#fileCount > maxFiles) {
          discard(part);
          throw new AppError('payload_too_large', `At most ${maxFiles} files can be uploaded at once.`);
        }
        return {
          file: part.file,
          fileName: part.filename,
          declaredType: part.mimetype || undefined,
          name: before.name,
          path: before.path,
        };
      }
      const field = part.fieldname;
      if ((field !== 'name' && field !== 'path') || before[field] !== undefined) {
        throw invalid(`/${field}`, 'is not expected here (before each file: at most one name and one path)');
      }
      before[field] = fieldText(part);
    }
  }

  /** The form's one file, named `file` (a new version); `end` then checks nothing else follows. */
  async onlyFile(): Promise<FormFile> {
    const part = await this.#next();
    if (part?.type !== 'file' || part.fieldname !== 'file') {
      discard(part);
      throw invalid('/file', ONLY_ONE_FILE);
    }
    return {
      file: part.file,
      fileName: part.filename,
      declaredType: part.mimetype || undefined,
      name: undefined,
      path: undefined,
    };
  }

  /** Reads the rest of the form (after its file was stored): 400 when anything else was sent. */
  async end(): Promise<void> {
    const part = await this.#next();
    if (part !== undefined) {
      discard(part);
      throw invalid('/file', ONLY_ONE_FILE);
    }
  }
}

const ONLY_ONE_FILE = 'send exactly one file field named "file", and nothing else';

function fieldText(part: Extract<Multipart, { type: 'field' }>): string {
  if (part.valueTruncated) throw invalid(`/${part.fieldname}`, `must be at most ${MAX_FIELD_BYTES} bytes`);
  return String(part.value);
}

/** Lets an unwanted file part drain, so the parser can move on (or end). */
function discard(part: Multipart | undefined): void {
  if (part?.type === 'file') part.file.resume();
}
