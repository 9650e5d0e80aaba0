import { IdParams, One } from '@chambers/contracts/common';
import {
  DocumentVersion,
  UploadDocumentsForm,
  UploadedDocuments,
  UploadVersionForm,
} from '@chambers/contracts/documents';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error';
import { principalOf } from '../../plugins/authenticate';
import { UploadForm, UUID } from './upload-form';
import { uploadDocuments } from './upload-service';
import { uploadVersion } from './versions-service';

/**
 * A client that vanished mid-body is told so (it will not hear it): 400, not a 500 in the logs,
 * and an answer given before the body ended is never kept for an Idempotency-Key replay.
 */
export function whenCutOff(request: FastifyRequest, error: unknown): unknown {
  if (request.raw.complete === false && request.raw.destroyed) {
    return new AppError('bad_request', 'The request ended before the upload was complete.');
  }
  return error;
}

/** An upload refused before its end arrived (too large, refused type): close rather than read the rest. */
export async function closeIfUnread(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (request.raw.complete === false) reply.header('connection', 'close');
  return payload;
}

const IDEMPOTENCY_NOTE =
  'With an `Idempotency-Key`, a retry answers the first upload’s response: the form is streamed, not parsed ahead, so the key alone (with method and URL) identifies the request — use a fresh key for different files.';

/** Uploads through the API: multipart forms streamed into the blob store. */
const uploadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Multipart parsing only in this plugin's scope: every other route stays JSON-only.
  await app.register(multipart, { throwFileSizeLimit: true });
  const limits = app.config.documents;
  const failures = {
    400: ref(Problem),
    401: ref(Problem),
    403: ref(Problem),
    404: ref(Problem),
    409: ref(Problem),
    413: ref(Problem),
    415: ref(Problem),
    422: ref(Problem),
    503: ref(Problem),
  };

  app.post(
    '/api/v1/documents',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'uploadDocuments',
        tags: ['Documents'],
        summary: 'Upload files (or a folder) as new documents',
        description: [
          'A multipart form read in order: first `folder_id` (or `matter_id`: its root folder), then each file as a part named `file`, optionally preceded by',
          '- `name`: the name of the NEXT file’s document (else its file name), and',
          "- `path`: the NEXT file's relative path for a folder upload (a browser's `webkitRelativePath`, `Pleadings/2026/motion.pdf`); its folders are found or made under the target folder, matching sibling names ignoring case.",
          '',
          `Each file streams into storage while its size and SHA-256 are computed. Its type is judged from its first bytes and must agree with its declared type and its names' extensions: PDF, JPEG, PNG, GIF, WebP, TIFF, HEIC, Word, Excel, PowerPoint (docx/xlsx/pptx and doc/xls), RTF, UTF-8 text, CSV, Markdown, e-mails (.eml, .msg) and ZIP; anything else (executables, HTML, SVG, scripts, or a file posing as another type) answers 415. A file over UPLOAD_MAX_FILE_BYTES, a form whose files add up to more than UPLOAD_MAX_REQUEST_BYTES, or more than UPLOAD_MAX_FILES files answer 413 as soon as the limit is crossed.`,
          '',
          'All or nothing: the documents (and folders) appear together once every file is stored, or none does. An unknown or misplaced field answers 400; a folder or matter the caller cannot file into, 422 (before any file is stored).',
          '',
          'Co-counsel uploads into a folder it sees (one shared with it, or below it, or made by it) or into a matter shared with it (`matter_id`, or that matter’s root folder as `folder_id`). What it uploads, and the folders its upload makes, are visible to the firm and to it. The firm is told by one mail per request — to the matter’s responsible attorney, or to the firm’s admins when it has none — naming the uploader, the number of files and the matter, with a link; never a file’s name or content.',
          '',
          IDEMPOTENCY_NOTE,
        ].join('\n'),
        consumes: ['multipart/form-data'],
        body: UploadDocumentsForm,
        response: { 201: ref(UploadedDocuments), ...failures },
      },
      // The form is read as a stream in the handler (it never becomes `request.body`); the schema
      // above documents it.
      validatorCompiler: () => () => true,
      onSend: closeIfUnread,
    },
    async (request, reply) => {
      const documents = await uploadDocuments(
        app,
        principalOf(request),
        UploadForm.open(request, limits),
        request.ip,
      ).catch((error: unknown) => {
        throw whenCutOff(request, error);
      });
      const [only] = documents;
      if (documents.length === 1 && only) reply.header('location', `/api/v1/documents/${only.id}`);
      return reply.code(201).send({ data: documents });
    },
  );

  app.post(
    '/api/v1/documents/:id/versions',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'uploadDocumentVersion',
        tags: ['Documents'],
        summary: 'Upload a new version of a document (it becomes the current one)',
        description: `A multipart form with exactly one file, named \`file\`, checked as any upload is (type; UPLOAD_MAX_FILE_BYTES at most). The version gets the next number. Co-counsel adds no version: 403 for a document it sees. ${IDEMPOTENCY_NOTE}`,
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: UploadVersionForm,
        response: { 201: One(ref(DocumentVersion)), ...failures },
      },
      // As above; so the id is checked here.
      validatorCompiler: () => () => true,
      onSend: closeIfUnread,
    },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) {
        throw new AppError('validation_failed', 'params/id: must match format "uuid"', {
          errors: [{ path: 'params/id', message: 'must match format "uuid"' }],
        });
      }
      const version = await uploadVersion(
        app,
        principalOf(request),
        request.params.id,
        UploadForm.open(request, { ...limits, maxFiles: 1 }),
        request.ip,
      ).catch((error: unknown) => {
        throw whenCutOff(request, error);
      });
      reply.header('location', `/api/v1/documents/${request.params.id}`);
      return reply.code(201).send({ data: version });
    },
  );
};

export default uploadRoutes;
