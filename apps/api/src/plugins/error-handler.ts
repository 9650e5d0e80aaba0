import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isForeignKeyViolation } from '../db/errors';
import { AppError } from '../errors/app-error';
import type { ErrorCode } from '../errors/error-codes';
import { PROBLEM_CONTENT_TYPE, problem } from '../errors/problem';

/** Fastify's own error codes that are the client's fault, mapped onto ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_INVALID_TYPE: 'bad_request',
};

/** Errors that mean the database or the blob store is unreachable right now: 503, not 500. */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006', // connection failures
]);

function isUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    if (
      typeof message === 'string' &&
      /timeout exceeded when trying to connect|Connection terminated/i.test(message)
    ) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: Parameters<typeof problem>[1] = {},
) {
  const body = problem(code, { ...extra, requestId: request.id });
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * The one error handler: validation → 400 with field errors, AppError → its code, known client
 * errors → their status, an unreachable dependency → 503, anything else → a logged 500 that
 * reveals nothing.
 */
export default fp(
  async function errorHandler(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        reply.headers(error.options.headers ?? {});
        return sendProblem(request, reply, error.code, {
          ...(error.detail === undefined ? {} : { detail: error.detail }),
          ...(error.options.errors === undefined ? {} : { errors: error.options.errors }),
        });
      }
      if (error.validation) {
        const errors = error.validation.map((issue) => ({
          path: `${error.validationContext ?? 'body'}${issue.instancePath || ''}`,
          message: issue.message ?? 'is invalid',
        }));
        return sendProblem(request, reply, 'validation_failed', {
          detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        });
      }
      const mapped = error.code ? fastifyCodes[error.code] : undefined;
      if (mapped) return sendProblem(request, reply, mapped, { detail: error.message });
      if (error.statusCode === 429) {
        return sendProblem(request, reply, 'rate_limited', { detail: error.message });
      }
      if (isForeignKeyViolation(error)) {
        // Services check references first; this catches the race where one vanished meanwhile.
        return sendProblem(request, reply, 'unprocessable', {
          detail:
            'A record this change refers to was removed meanwhile, or is still referred to; read it again.',
        });
      }
      if (isUnavailable(error)) {
        request.log.warn({ err: error }, 'dependency unavailable');
        reply.header('retry-after', '5');
        return sendProblem(request, reply, 'service_unavailable');
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return sendProblem(request, reply, 'bad_request', { detail: error.message });
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, 'internal');
    });
  },
  { name: 'error-handler' },
);
