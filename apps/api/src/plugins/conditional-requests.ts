import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error';

/** A strong validator: the SHA-256 of the exact representation sent. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match / If-Match header lists `etag` (or is `*`). */
function listed(header: string, etag: string, weak: boolean): boolean {
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    if (tag === '*') return true;
    return weak ? tag.replace(/^W\//, '') === etag : tag === etag;
  });
}

/**
 * API.md's conditional requests for every route at once: a GET answered 200 carries an ETag
 * (unless the route set its own) and answers 304 to a matching If-None-Match; a PATCH or DELETE
 * with If-Match goes ahead only if the resource's current GET representation still has that tag,
 * otherwise 412 and nothing changes.
 */
export default fp(
  async function conditionalRequests(app: FastifyInstance) {
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'GET' || reply.statusCode !== 200 || !request.url.startsWith('/api/v1/')) {
        return payload;
      }
      if (typeof payload !== 'string' || reply.getHeader('etag') !== undefined) return payload;
      const etag = etagOf(payload);
      reply.header('etag', etag);
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch && listed(ifNoneMatch, etag, true)) {
        reply.code(304);
        return '';
      }
      return payload;
    });

    app.addHook('preHandler', async (request) => {
      const ifMatch = request.headers['if-match'];
      if (!ifMatch || (request.method !== 'PATCH' && request.method !== 'DELETE')) return;
      // The current representation, read exactly as this caller would read it.
      const current = await app.inject({
        method: 'GET',
        url: request.url,
        headers: request.headers.authorization ? { authorization: request.headers.authorization } : {},
        remoteAddress: request.ip,
      });
      const etag = current.headers.etag;
      if (current.statusCode !== 200 || typeof etag !== 'string' || !listed(ifMatch, etag, false)) {
        throw new AppError(
          'precondition_failed',
          'The resource has changed since you read it; read it again.',
        );
      }
    });
  },
  { name: 'conditional-requests' },
);
