import { ApiError } from '@chambers/api-client/api-error';
import { describe, expect, it } from 'vitest';
import { shouldRetry } from './chambers-provider';

const failure = (status: number) => new ApiError({ status, code: 'x', title: 'x' });

describe('shouldRetry', () => {
  it('retries what may pass by itself, twice at most', () => {
    expect(shouldRetry(0, failure(0))).toBe(true);
    expect(shouldRetry(1, failure(503))).toBe(true);
    expect(shouldRetry(0, failure(429))).toBe(true);
    expect(shouldRetry(2, failure(503))).toBe(false);
  });

  it('never retries a client error or a bug', () => {
    for (const status of [400, 401, 403, 404, 409, 422]) expect(shouldRetry(0, failure(status))).toBe(false);
    expect(shouldRetry(0, new TypeError('x is undefined'))).toBe(false);
  });
});
