import type { Problem } from '@chambers/contracts/problem';
import { type ErrorCode, errorCodes } from './error-codes';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The RFC 9457 body for a code; `type` is a stable URN per code. */
export function problem(
  code: ErrorCode,
  extra: { detail?: string; errors?: Problem['errors']; requestId?: string } = {},
): Problem {
  const { status, title } = errorCodes[code];
  return {
    type: `urn:chambers:problem:${code}`,
    title,
    status,
    code,
    ...(extra.detail === undefined ? {} : { detail: extra.detail }),
    ...(extra.errors === undefined ? {} : { errors: extra.errors }),
    ...(extra.requestId === undefined ? {} : { request_id: extra.requestId }),
  };
}
