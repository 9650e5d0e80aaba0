import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import { BlobNotFoundError, RangeNotSatisfiableError } from '../../storage/blob-store';
import { contentDisposition, inlinePolicy } from './download-headers';
import { answerRange, type ByteSpan, ifRangeHolds, isNotModified } from './download-ranges';
import { type Download, recordTransfer } from './download-service';

/**
 * How long a presigned download URL lives. It is followed at once; a transfer under way is not cut
 * off when it expires (storage checks the signature when a request starts), and a later retry
 * comes back here, where access is checked — and audited — again.
 */
export const PRESIGNED_SECONDS = 60;

/**
 * HEAD runs this handler too. Fastify drains a streamed body of a HEAD reply and keeps our
 * Content-Length, but writes `Content-Length: 0` when there is no body at all: an empty stream
 * keeps the headers true without reading a byte from storage.
 */
const emptyBody = () => Readable.from([]);

/** A request header as one string (a repeated one joined, as HTTP lists are). */
function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Answers a download: 304 for a current `If-None-Match`, 303 to a presigned storage URL when so
 * configured (attachments only: only this API can put a sandboxing policy on what a browser shows
 * in place), else the bytes streamed from storage — all of them (200) or one range (206), 416 for
 * a range past the end. Every transfer that starts at byte 0 is audited before its first byte:
 * a viewer reading a PDF in ranges would otherwise write a row per range. HEAD is never audited and
 * never redirected (a presigned URL is only handed out with an audit row).
 */
export async function sendDownload(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  principal: Principal,
  download: Download,
) {
  const isHead = request.method === 'HEAD';
  const validators = {
    etag: download.etag,
    'last-modified': download.lastModified.toUTCString(),
  };
  if (isNotModified(header(request, 'if-none-match'), download.etag)) {
    return reply
      .code(304)
      .headers(validators)
      .send(isHead ? emptyBody() : undefined);
  }

  const presign = app.blobs.presignGet?.bind(app.blobs);
  if (!isHead && !download.inline && app.config.documents.presignedDownloads && presign) {
    const url = await presign(download.blobKey, {
      expiresInSeconds: PRESIGNED_SECONDS,
      filename: download.fileName,
      contentType: download.contentType,
    });
    await recordTransfer(app, principal, download, { span: null, presigned: true }, request.ip);
    return reply.redirect(url, 303);
  }

  const answer = ifRangeHolds(header(request, 'if-range'), download.etag)
    ? answerRange(header(request, 'range'), download.size)
    : ({ kind: 'whole' } as const);
  if (answer.kind === 'unsatisfiable') {
    throw new AppError(
      'range_not_satisfiable',
      `The document has ${download.size} bytes; ask for a range within them.`,
      { headers: { 'content-range': `bytes */${download.size}` } },
    );
  }
  const span = answer.kind === 'part' ? answer.span : null;
  // Headers go on only once nothing can fail any more, so a problem answer never carries them.
  const headers = {
    ...validators,
    'content-type': download.contentType,
    'content-length': String(span ? span.end - span.start + 1 : download.size),
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
    'content-disposition': contentDisposition(download.inline !== null, download.fileName),
    ...(download.inline ? { 'content-security-policy': inlinePolicy(download.inline) } : {}),
    ...(span ? { 'content-range': `bytes ${span.start}-${span.end}/${download.size}` } : {}),
  };
  const status = span ? 206 : 200;
  if (isHead) return reply.code(status).headers(headers).send(emptyBody());

  const body = await openContent(app, request, download, span);
  if (!span || span.start === 0) {
    try {
      await recordTransfer(app, principal, download, { span, presigned: false }, request.ip);
    } catch (error) {
      body.destroy();
      throw error;
    }
  }
  return reply.code(status).headers(headers).send(body);
}

/** The stored bytes (or one span of them); any storage failure is a 503, never a 500. */
async function openContent(
  app: FastifyInstance,
  request: FastifyRequest,
  download: Download,
  span: ByteSpan | null,
): Promise<Readable> {
  try {
    return await app.blobs.get(download.blobKey, span ?? undefined);
  } catch (error) {
    if (error instanceof BlobNotFoundError || error instanceof RangeNotSatisfiableError) {
      // An available version always has all its bytes stored: this is damage to investigate, and
      // retrying will not help the caller.
      request.log.error(
        { err: error, documentId: download.documentId, versionId: download.versionId },
        'the stored content of an available document version is missing or short',
      );
      throw new AppError('service_unavailable', "This document's content cannot be read.");
    }
    request.log.warn({ err: error }, 'blob store unavailable for a download');
    throw new AppError('service_unavailable', 'Document storage is unavailable; try again shortly.', {
      headers: { 'retry-after': '5' },
    });
  }
}
