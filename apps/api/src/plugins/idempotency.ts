import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { idempotencyKeys } from '../db/schema/idempotency-keys';
import { AppError } from '../errors/app-error';

/** How long a key and its answer are kept (API.md: at least 24 hours). */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A first request that never finished (its process died) frees its key after this long. */
const ABANDONED_AFTER_MS = 5 * 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Replayed as they were; cookies are never kept (they carry secrets). */
const KEPT_HEADERS = ['content-type', 'location', 'etag'];

declare module 'fastify' {
  interface FastifyRequest {
    /** The idempotency row this request owns and must complete, if it sent a new key. */
    idempotencyRowId: string | null;
  }
}

/**
 * The request's fingerprint: method, URL and parsed body. A multipart upload is streamed by its
 * handler, never parsed ahead (`request.body` is undefined), so its fingerprint is method and URL
 * only: a retry with the same key replays the first answer whatever files it carries.
 */
function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on authenticated POSTs: the first request's answer is kept for 24 hours and
 * replayed to retries with the same key and body; the same key with another body is refused
 * (422), and a retry while the first is still running is told so (409). Answers of 5xx are not
 * kept, so a retry runs again. Routes that hand out credentials (`sessionOnly`: switch, API token
 * creation, password and email changes) and routes whose answer is a secret (`answersSecret`) ignore
 * the header: their answers must never be stored.
 */
export default fp(
  async function idempotency(app: FastifyInstance) {
    const db = app.database.db;
    app.decorateRequest('idempotencyRowId', null);

    app.addHook('preHandler', async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const principal = request.principal;
      if (request.method !== 'POST' || key === undefined || !principal) return;
      if (request.routeOptions.config.sessionOnly || request.routeOptions.config.answersSecret) return;
      if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
        throw new AppError(
          'validation_failed',
          'Idempotency-Key must be 1 to 255 visible ASCII characters.',
          {
            errors: [{ path: 'headers/idempotency-key', message: 'is not a valid key' }],
          },
        );
      }
      const ownerId = principal.membershipId;
      const hash = requestHash(request);
      const now = new Date();
      // An expired key, or one whose first request was abandoned, starts afresh.
      await db
        .delete(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.ownerId, ownerId),
            eq(idempotencyKeys.key, key),
            or(
              lt(idempotencyKeys.expiresAt, now),
              and(
                isNull(idempotencyKeys.status),
                lt(idempotencyKeys.createdAt, new Date(now.getTime() - ABANDONED_AFTER_MS)),
              ),
            ),
          ),
        );
      const [claimed] = await db
        .insert(idempotencyKeys)
        .values({
          ownerId,
          key,
          requestHash: hash,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3600_000),
        })
        .onConflictDoNothing()
        .returning({ id: idempotencyKeys.id });
      if (claimed) {
        request.idempotencyRowId = claimed.id;
        return;
      }
      const [first] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.ownerId, ownerId), eq(idempotencyKeys.key, key)))
        .limit(1);
      if (!first) throw new AppError('conflict', 'This Idempotency-Key is being reset; retry.');
      if (first.status === null) {
        throw new AppError(
          'conflict',
          'A request with this Idempotency-Key is still being processed; retry shortly.',
        );
      }
      if (first.requestHash !== hash) {
        throw new AppError('unprocessable', 'This Idempotency-Key was used with a different request.');
      }
      reply.code(first.status).headers({ ...(first.headers ?? {}), 'idempotent-replayed': 'true' });
      return reply.send(first.body ?? '');
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const rowId = request.idempotencyRowId;
      if (!rowId) return payload;
      request.idempotencyRowId = null;
      // Not kept, so a retry runs again: a 5xx, and an answer given before the request body had
      // fully arrived (an upload cut off or refused mid-stream: that request was never whole).
      const cutShort = request.raw.complete === false;
      if (reply.statusCode >= 500 || cutShort || (payload !== null && typeof payload !== 'string')) {
        await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, rowId));
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      await db
        .update(idempotencyKeys)
        .set({ status: reply.statusCode, headers, body: payload ?? '' })
        .where(eq(idempotencyKeys.id, rowId));
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['authenticate', 'config'] },
);
