import { IdParams, One } from '@chambers/contracts/common';
import {
  CreateDirectUpload,
  DirectUpload,
  Document,
  UploadContentQuery,
} from '@chambers/contracts/documents';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { resolveJwtSecret } from '../../auth/jwt-secret';
import { principalOf } from '../../plugins/authenticate';
import { confirmDirectUpload, createDirectUpload, writeDirectUpload } from './direct-uploads';
import { closeIfUnread, whenCutOff } from './upload-routes';
import { UploadTokens } from './upload-tokens';

/** The disk driver's signed upload link, in a scope of its own: its body is raw bytes of any type. */
const uploadContentRoute: FastifyPluginAsyncTypebox<{ tokens: UploadTokens }> = async (app, { tokens }) => {
  // The body is the file itself, of any type: passed to the handler unread, never parsed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  app.put(
    '/api/v1/documents/uploads/:id/content',
    {
      config: { permission: 'public' },
      schema: {
        operationId: 'sendDirectUploadContent',
        tags: ['Documents'],
        summary: 'Send the bytes of a direct upload (disk storage’s stand-in for a presigned URL)',
        description:
          'Use the `url` that starting the upload answered: the signed token in it stands for authorisation. At most the declared size is read (413 beyond). The link works once, until it expires (403 after); an unknown or forged one answers 404.',
        consumes: ['application/octet-stream'],
        params: IdParams,
        querystring: UploadContentQuery,
        // Documents the body; any value passes, as the parser above leaves the stream unread.
        body: Type.Unknown({ description: 'The file’s bytes, as they are.' }),
        response: {
          204: { type: 'null', description: 'Stored; now confirm the upload.' },
          400: ref(Problem),
          403: ref(Problem),
          404: ref(Problem),
          409: ref(Problem),
          413: ref(Problem),
          503: ref(Problem),
        },
      },
      onSend: closeIfUnread,
    },
    async (request, reply) => {
      await writeDirectUpload(app, tokens, request.params.id, request.query.token, request.raw).catch(
        (error: unknown) => {
          throw whenCutOff(request, error);
        },
      );
      return reply.code(204).send(null);
    },
  );
};

/**
 * Large files straight to storage, as Clio's API offers integrators: start (a pending version and
 * a short-lived PUT URL), send the bytes there, confirm (size, checksum and type checked).
 */
const directUploadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tokens = new UploadTokens(await resolveJwtSecret(app.config.jwtSecret, app.config.dataDir));

  app.post(
    '/api/v1/documents/uploads',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'startDirectUpload',
        tags: ['Documents'],
        summary: 'Start a direct upload of a large file: get a URL to PUT its bytes to',
        description: [
          'Declare the file (name, exact size, SHA-256, type) and where it goes: a new document in `folder_id` (or the root of `matter_id`), or a new version of `document_id`. The answer says where to send the bytes: one `PUT` of the whole file to `url` with `headers`, before `expires_at` (a presigned S3 URL, or this API’s signed upload link on disk storage).',
          '',
          'Then call `POST /documents/uploads/{id}/confirm`. Until then nothing is visible; an upload not confirmed within UPLOAD_PENDING_TTL_SECONDS (an hour by default) is deleted with its bytes. A type or name outside the accepted ones answers 415 at once, a size over the limit 413; a folder, matter or document the caller cannot see, 422. Co-counsel starts new documents where it may upload (see `POST /documents`), never versions of existing ones (403).',
        ].join('\n'),
        body: ref(CreateDirectUpload),
        response: {
          201: One(ref(DirectUpload)),
          400: ref(Problem),
          401: ref(Problem),
          403: ref(Problem),
          404: ref(Problem),
          413: ref(Problem),
          415: ref(Problem),
          422: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      const upload = await createDirectUpload(app, principalOf(request), tokens, request.body);
      return reply.code(201).send({ data: upload });
    },
  );

  app.post(
    '/api/v1/documents/uploads/:id/confirm',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'confirmDirectUpload',
        tags: ['Documents'],
        summary: 'Confirm a direct upload: its bytes are checked and it becomes available',
        description:
          'The stored bytes must have the declared size and SHA-256 (422 otherwise, and they are deleted: send them again while the URL lasts, or start over) and be of an accepted type agreeing with the declared one (415). Then the document shows, with this as its current version (and an external’s upload notifies the firm, as `POST /documents` does). Only the uploader confirms; confirming again answers the document.',
        params: IdParams,
        response: {
          200: One(ref(Document)),
          400: ref(Problem),
          401: ref(Problem),
          403: ref(Problem),
          404: ref(Problem),
          415: ref(Problem),
          422: ref(Problem),
          503: ref(Problem),
        },
      },
    },
    async (request) => ({
      data: await confirmDirectUpload(app, principalOf(request), request.params.id, request.ip),
    }),
  );

  await app.register(uploadContentRoute, { tokens });
};

export default directUploadRoutes;
