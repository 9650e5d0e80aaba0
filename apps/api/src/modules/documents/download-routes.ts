import { IdParams } from '@chambers/contracts/common';
import { DocumentDownloadQuery } from '@chambers/contracts/document-downloads';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../../plugins/authenticate';
import { PRESIGNED_SECONDS, sendDownload } from './download-reply';
import { findDownload } from './download-service';

const header = (description: string) => ({ type: 'string', description });

/** The headers of a download that clients act on. */
const fileHeaders = {
  ETag: header('`"sha256-<hex>"`: a strong validator for If-None-Match and If-Range.'),
  'Last-Modified': header('When the version was stored.'),
  'Content-Disposition': header(
    "`attachment` or `inline`, with the document's name in `filename*` (RFC 6266).",
  ),
  'Accept-Ranges': header('`bytes`'),
  'Content-Security-Policy': header('On `inline` answers: a policy that lets nothing load beside the file.'),
};

const FileBody = (description: string, headers: Record<string, object> = fileHeaders) =>
  Type.Unsafe<unknown>({
    description,
    headers,
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  });

const DownloadHeaders = Type.Object({
  range: Type.Optional(
    Type.String({
      description:
        'One byte range: `bytes=0-1023`, `bytes=1024-` or `bytes=-500` (the last 500). Several ranges ' +
        'are answered with the whole file (200).',
    }),
  ),
  'if-range': Type.Optional(
    Type.String({ description: 'The ETag the range belongs to; any other (or a date) gets the whole file.' }),
  ),
  'if-none-match': Type.Optional(
    Type.String({ description: 'The ETag of a copy the client holds: 304 while the bytes are the same.' }),
  ),
});

/**
 * Client files stay out of every cache, shared or the browser's own (a previewed contract must not
 * linger on a borrowed laptop); the ETag still serves resumed downloads (If-Range) and clients that
 * keep their own copy (If-None-Match). A route hook, so it runs after the site-wide `no-store`.
 */
async function privateNoStore(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.header('cache-control', 'private, no-store');
  return payload;
}

/** Downloads and in-place views of a document's bytes; its records live in ./routes.ts. */
const documentDownloadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/documents/:id/download',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'downloadDocument',
        tags: ['Documents'],
        summary: "Download a document's current or an earlier version, or show a PDF or image in place",
        description:
          'Streams the bytes with their verified `Content-Type`, `nosniff`, a strong `ETag` from the SHA-256 ' +
          'and a `Content-Disposition` whose RFC 6266 `filename*` is the document name. Supports one byte ' +
          'range per request (206, `Accept-Ranges: bytes`; 416 past the end), `If-Range` and ' +
          '`If-None-Match` (304). `disposition=inline` serves PDFs and images under a sandboxing ' +
          'Content-Security-Policy and refuses other types (415). With S3 presigned downloads configured, ' +
          `an attachment answers 303 to a storage URL valid for ${PRESIGNED_SECONDS} seconds. Every download or view that ` +
          'starts at byte 0 is audited. HEAD answers the headers alone, without a redirect or an audit row. ' +
          "A deleted document, another firm's, or an unknown version answer 404; storage failures 503.",
        params: IdParams,
        querystring: DocumentDownloadQuery,
        headers: DownloadHeaders,
        response: {
          200: FileBody('The whole file.'),
          206: FileBody('The requested range.', {
            ...fileHeaders,
            'Content-Range': header('`bytes <first>-<last>/<size>`'),
          }),
          303: {
            description: 'Fetch the bytes from `Location` (S3 presigned downloads).',
            headers: { Location: header(`A storage URL valid for ${PRESIGNED_SECONDS} seconds.`) },
            type: 'null',
          },
          400: ref(Problem),
          401: ref(Problem),
          404: ref(Problem),
          415: ref(Problem),
          416: ref(Problem),
          503: ref(Problem),
        },
      },
      onSend: privateNoStore,
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const download = await findDownload(app, principal, request.params.id, request.query);
      return sendDownload(app, request, reply, principal, download);
    },
  );
};

export default documentDownloadRoutes;
