import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

export const REFRESH_COOKIE = 'chambers_refresh';
/** Sent only to the session endpoints, never readable by scripts, never cross-site. */
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/api/v1/auth' } as const;

export function setRefreshCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(REFRESH_COOKIE, token, { ...cookieOptions, expires: expiresAt });
}

export function clearRefreshCookie(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, cookieOptions);
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[REFRESH_COOKIE] || undefined;
}

/**
 * CSRF protection for requests authenticated by the cookie alone: on top of SameSite=Strict, a
 * browser's cross-site request (by `Sec-Fetch-Site` or `Origin`) is refused unless its origin is
 * one the configuration allows.
 */
export function assertSameSite(request: FastifyRequest, allowedOrigins: readonly string[]): void {
  const origin = request.headers.origin;
  const own = `${request.protocol}://${request.host}`;
  const originAllowed = origin === undefined || origin === own || allowedOrigins.includes(origin);
  const site = request.headers['sec-fetch-site'];
  const siteAllowed =
    site === undefined ||
    site === 'same-origin' ||
    site === 'none' ||
    (origin !== undefined && originAllowed);
  if (!originAllowed || !siteAllowed) throw new AppError('forbidden', 'Cross-site request refused.');
}
