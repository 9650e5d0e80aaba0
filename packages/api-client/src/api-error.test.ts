import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, isApiError, parseProblem } from './api-error';

function problemResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

describe('apiErrorFromResponse', () => {
  it('carries every field of a problem document', async () => {
    const error = await apiErrorFromResponse(
      problemResponse(400, {
        type: 'https://chambers.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'body/email must match format "email"',
        code: 'validation_failed',
        request_id: 'req-1',
        errors: [{ path: '/email', message: 'must match format "email"' }],
      }),
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 400,
      code: 'validation_failed',
      title: 'Invalid request',
      detail: 'body/email must match format "email"',
      request_id: 'req-1',
      errors: [{ path: '/email', message: 'must match format "email"' }],
      message: 'body/email must match format "email"',
    });
  });

  it('falls back to the title as message and to the x-request-id header', async () => {
    const error = await apiErrorFromResponse(
      problemResponse(
        401,
        { type: 'about:blank', title: 'Wrong email or password', status: 401, code: 'invalid_credentials' },
        { 'x-request-id': 'req-header' },
      ),
    );

    expect(error.message).toBe('Wrong email or password');
    expect(error.detail).toBeUndefined();
    expect(error.errors).toEqual([]);
    expect(error.request_id).toBe('req-header');
  });

  it('trusts the status line over the body', async () => {
    const error = await apiErrorFromResponse(
      problemResponse(429, { title: 'Too many requests', status: 200, code: 'rate_limited' }),
    );
    expect(error.status).toBe(429);
  });

  it('drops malformed field errors instead of failing', async () => {
    const error = await apiErrorFromResponse(
      problemResponse(400, {
        title: 'Invalid request',
        code: 'validation_failed',
        errors: [{ path: '/email', message: 'required' }, { path: 3 }, 'nonsense', null],
      }),
    );
    expect(error.errors).toEqual([{ path: '/email', message: 'required' }]);
  });

  it('reports a response without a problem document as unexpected', async () => {
    const error = await apiErrorFromResponse(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    expect(error).toMatchObject({
      status: 502,
      code: 'unexpected_response',
      title: 'Chambers is not responding',
    });
  });

  it('reports a problem document that is not JSON as unexpected', async () => {
    const error = await apiErrorFromResponse(problemResponse(500, '{not json'));
    expect(error).toMatchObject({ status: 500, code: 'unexpected_response' });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('reports JSON that is not a problem document as unexpected', async () => {
    const error = await apiErrorFromResponse(problemResponse(404, { message: 'not found' }));
    expect(error).toMatchObject({ status: 404, code: 'unexpected_response', title: 'Request failed' });
  });
});

describe('parseProblem', () => {
  it('rejects what is not an object with a title', () => {
    expect(parseProblem(null, 400)).toBeNull();
    expect(parseProblem([], 400)).toBeNull();
    expect(parseProblem({ detail: 'no title' }, 400)).toBeNull();
  });

  it('fills in what a minimal problem leaves out', () => {
    expect(parseProblem({ title: 'Conflict' }, 409)).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'unknown',
    });
  });
});
