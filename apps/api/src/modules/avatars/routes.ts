import { AvatarParams, AvatarQuery, type AvatarSize } from '@chambers/contracts/avatars';
import { One } from '@chambers/contracts/common';
import { Me } from '@chambers/contracts/me';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../errors/app-error';
import { principalOf } from '../../plugins/authenticate';
import { AVATAR_TYPES, MAX_AVATAR_BYTES } from './image';
import { type AvatarUpload, readAvatar, removeAvatar, replaceAvatar } from './service';

/** Room for the multipart framing around the file before a declared length is refused outright. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const onlyOneFile = () =>
  new AppError(
    'validation_failed',
    'Send the picture as one multipart file field named "file", and nothing else.',
    {
      errors: [{ path: 'body', message: 'must hold exactly one file field named "file"' }],
    },
  );

/**
 * The single `file` part of the form. Its stream is handed on unread; `finish` reads the rest of the
 * form afterwards and fails when anything else was sent (unknown fields are refused, never ignored).
 */
async function fileUpload(request: FastifyRequest): Promise<AvatarUpload> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the picture as multipart/form-data.');
  }
  const declaredLength = Number(request.headers['content-length']);
  if (declaredLength > MAX_AVATAR_BYTES + FORM_OVERHEAD_BYTES) {
    throw new AppError('payload_too_large', `The picture must be at most ${MAX_AVATAR_BYTES} bytes.`);
  }
  // One byte over the limit reaches the blob store, which refuses it (413) as soon as it arrives.
  const parts = request.parts({ limits: { fileSize: MAX_AVATAR_BYTES + 1, parts: 4, fieldSize: 1024 } });
  const iterator = parts[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done || first.value.type !== 'file' || first.value.fieldname !== 'file') {
    if (!first.done && first.value.type === 'file') first.value.file.resume();
    throw onlyOneFile();
  }
  return {
    file: first.value.file,
    declaredType: first.value.mimetype,
    async finish() {
      const next = await iterator.next();
      if (!next.done) {
        if (next.value.type === 'file') next.value.file.resume();
        throw onlyOneFile();
      }
    },
  };
}

/**
 * An upload refused before its end arrived (too large, not an image): close the connection after
 * answering, rather than keep it open for (or read) the rest of the body.
 */
async function closeIfUnread(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (!request.raw.complete) reply.header('connection', 'close');
  return payload;
}

/** Pictures are private to the people allowed to see them, but may be cached by their browser a while. */
async function cacheableWhenServed(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode === 200 || reply.statusCode === 304) {
    reply.header('cache-control', 'private, max-age=300');
  }
  return payload;
}

/** Profile pictures: your own (upload, remove) and those of the people you work with (read). */
const avatarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Multipart parsing only in this plugin's scope: every other route stays JSON-only.
  await app.register(multipart, { throwFileSizeLimit: true });

  app.put(
    '/api/v1/me/avatar',
    {
      config: { permission: 'authenticated', rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        operationId: 'replaceMyAvatar',
        tags: ['Me'],
        summary: 'Upload your picture (JPEG, PNG, WebP or GIF, at most 5 MiB; replaces the current one)',
        description:
          'A multipart form with exactly one file field, `file`. The type is verified from the content: anything else (HTML, SVG, …) answers 415, even when named or declared as an image.',
        consumes: ['multipart/form-data'],
        body: Type.Object(
          { file: Type.String({ format: 'binary', description: 'The picture.' }) },
          { required: ['file'], additionalProperties: false },
        ),
        response: {
          200: One(ref(Me)),
          400: ref(Problem),
          401: ref(Problem),
          413: ref(Problem),
          415: ref(Problem),
          429: ref(Problem),
        },
      },
      // The form is read as a stream in the handler (it never becomes `request.body`); the schema
      // above documents it.
      validatorCompiler: () => () => true,
      onSend: closeIfUnread,
    },
    async (request) => ({
      data: await replaceAvatar(app, principalOf(request), await fileUpload(request), request.ip),
    }),
  );

  app.delete(
    '/api/v1/me/avatar',
    {
      config: { permission: 'authenticated' },
      schema: {
        operationId: 'removeMyAvatar',
        tags: ['Me'],
        summary: 'Remove your picture',
        response: { 204: { type: 'null' }, 401: ref(Problem) },
      },
    },
    async (request, reply) => {
      await removeAvatar(app, principalOf(request), request.ip);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/identities/:id/avatar',
    {
      config: { permission: 'authenticated' },
      schema: {
        operationId: 'getAvatar',
        tags: ['Me'],
        summary: "Someone's picture, square and resized: your own, or that of someone in the firm you act in",
        description:
          'Served in the format it was uploaded in, re-encoded without metadata. Others answer 404, as does a person without a picture. Carries an ETag; `If-None-Match` gives 304.',
        params: AvatarParams,
        querystring: AvatarQuery,
        response: {
          200: Type.Unsafe<Buffer>({
            description: 'The picture.',
            content: Object.fromEntries(
              AVATAR_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
            ),
          }),
          304: { type: 'null', description: 'Not modified.' },
          400: ref(Problem),
          401: ref(Problem),
          404: ref(Problem),
        },
      },
      onSend: cacheableWhenServed,
    },
    async (request, reply) => {
      const result = await readAvatar(
        app,
        principalOf(request),
        request.params.id,
        (request.query.size ?? 256) as AvatarSize,
        request.headers['if-none-match'],
      );
      reply.header('etag', result.etag).header('x-content-type-options', 'nosniff');
      if (result.kind === 'not_modified') return reply.code(304).send(null);
      return reply.type(result.contentType).send(result.body);
    },
  );
};

export default avatarRoutes;
