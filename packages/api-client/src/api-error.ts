import type { Problem } from '@chambers/contracts/problem';

/** Codes the client itself reports, for failures that never produced a problem document. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

export type ProblemFieldError = NonNullable<Problem['errors']>[number];

/**
 * Every failed API call rejects with one of these: either the server's RFC 9457 problem document,
 * or a problem the client made up when there was none (network down, a proxy's HTML error page).
 * Field names follow the wire format, like every other API type the SPAs handle.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  /** HTTP status; `0` when no response arrived. */
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[];
  readonly request_id: string | undefined;

  constructor(problem: Omit<Problem, 'type'> & { type?: string }, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.request_id = problem.request_id;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The error for a request that never got a response. */
export function networkError(cause: unknown): ApiError {
  return new ApiError(
    {
      status: 0,
      code: 'network_error' satisfies ClientErrorCode,
      title: 'Cannot reach Chambers',
      detail: 'Check your connection and try again.',
    },
    { cause },
  );
}

/** The error for a response that is not what the API sends (no problem document, or a broken body). */
export function unexpectedResponse(status: number, requestId?: string, cause?: unknown): ApiError {
  return new ApiError(
    {
      status,
      code: 'unexpected_response' satisfies ClientErrorCode,
      title: status >= 500 || status === 0 ? 'Chambers is not responding' : 'Request failed',
      detail:
        status >= 500 || status === 0
          ? 'Something went wrong on our side. Try again in a moment.'
          : `The server answered with an unexpected response (HTTP ${status}).`,
      request_id: requestId,
    },
    { cause },
  );
}

const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Turns a non-2xx response into an `ApiError`, reading the problem document when there is one. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== PROBLEM_MEDIA_TYPE) return unexpectedResponse(response.status, requestId);

  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    return unexpectedResponse(response.status, requestId, cause);
  }
  const problem = parseProblem(body, response.status);
  if (!problem) return unexpectedResponse(response.status, requestId);
  return new ApiError({ ...problem, request_id: problem.request_id ?? requestId });
}

/**
 * Reads a problem document defensively: the status line is the truth (a body's `status` may be
 * missing or wrong behind a proxy), and malformed `errors` entries are dropped rather than crashing
 * the screen that shows them.
 */
export function parseProblem(body: unknown, status: number): Problem | null {
  if (!isRecord(body) || typeof body.title !== 'string') return null;
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(
        (entry): entry is ProblemFieldError =>
          isRecord(entry) && typeof entry.path === 'string' && typeof entry.message === 'string',
      )
    : undefined;
  return {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: body.title,
    status,
    code: typeof body.code === 'string' ? body.code : 'unknown',
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(typeof body.instance === 'string' ? { instance: body.instance } : {}),
    ...(typeof body.request_id === 'string' ? { request_id: body.request_id } : {}),
    ...(errors ? { errors } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
