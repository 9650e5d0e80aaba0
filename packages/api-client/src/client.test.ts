import type { Session } from '@chambers/contracts/auth';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { buildUrl, createApiClient } from './client';

const session: Session = {
  access_token: 'token-1',
  token_type: 'Bearer',
  expires_in: 900,
  membership: { id: 'm1', firm_id: 'f1', firm_name: 'Demo Firm LLP', role: 'admin', portal: 'manage' },
};

function json(status: number, body: unknown, contentType = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

function recordingFetch(response: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  });
  return { fetch, calls };
}

describe('createApiClient', () => {
  it('logs in without a bearer token and unwraps the envelope', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, { data: session }));
    const client = createApiClient({
      baseUrl: 'https://chambers.test/',
      getAccessToken: () => 'stale',
      fetch,
    });

    await expect(client.login({ email: 'a@b.test', password: 'pw' })).resolves.toEqual(session);

    const [call] = calls;
    expect(call?.url).toBe('https://chambers.test/api/v1/auth/login');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.body).toBe(JSON.stringify({ email: 'a@b.test', password: 'pw' }));
    const headers = new Headers(call?.init.headers);
    expect(headers.get('authorization')).toBeNull();
    expect(headers.get('content-type')).toBe('application/json');
  });

  it('sends the current token and the query string on other routes', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, { data: [], meta: { next_cursor: null } }));
    let token = 'first';
    const client = createApiClient({ getAccessToken: () => token, fetch });

    await client.request('GET', '/api/v1/matters', { query: { limit: 10, q: 'smith', cursor: undefined } });
    token = 'second';
    await client.request('GET', '/api/v1/matters');

    expect(calls.map((call) => call.url)).toEqual(['/api/v1/matters?limit=10&q=smith', '/api/v1/matters']);
    expect(calls.map((call) => new Headers(call.init.headers).get('authorization'))).toEqual([
      'Bearer first',
      'Bearer second',
    ]);
  });

  it('resolves to undefined on 204', async () => {
    const { fetch } = recordingFetch(() => new Response(null, { status: 204 }));
    const client = createApiClient({ fetch });
    await expect(client.request('DELETE', '/api/v1/notes/1')).resolves.toBeUndefined();
  });

  it('throws the problem as an ApiError', async () => {
    const { fetch } = recordingFetch(() =>
      json(
        401,
        {
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'Wrong email or password.',
          code: 'x',
        },
        'application/problem+json',
      ),
    );
    const client = createApiClient({ fetch });

    const error = await client.login({ email: 'a@b.test', password: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, detail: 'Wrong email or password.' });
  });

  it('reports a 401 as the end of the session only when a token was sent', async () => {
    const { fetch } = recordingFetch(() =>
      json(401, { title: 'Unauthorized', status: 401, code: 'unauthenticated' }, 'application/problem+json'),
    );
    const onUnauthorized = vi.fn();
    const client = createApiClient({ getAccessToken: () => 'expired', onUnauthorized, fetch });

    await expect(client.login({ email: 'a@b.test', password: 'nope' })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).not.toHaveBeenCalled();

    await expect(client.request('GET', '/api/v1/me')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into an ApiError', async () => {
    const client = createApiClient({
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const error = await client.request('GET', '/api/v1/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
    expect((error as ApiError).cause).toBeInstanceOf(TypeError);
  });

  it('lets a cancellation through untouched', async () => {
    const controller = new AbortController();
    const abort = new DOMException('aborted', 'AbortError');
    const client = createApiClient({
      fetch: () => {
        controller.abort();
        return Promise.reject(abort);
      },
    });
    await expect(client.request('GET', '/api/v1/me', { signal: controller.signal })).rejects.toBe(abort);
  });

  it('rejects a success body that is not JSON', async () => {
    const { fetch } = recordingFetch(() => new Response('<!doctype html>', { status: 200 }));
    const client = createApiClient({ fetch });
    await expect(client.request('GET', '/api/v1/me')).rejects.toMatchObject({ code: 'unexpected_response' });
  });
});

describe('buildUrl', () => {
  it('repeats array values and insists on absolute paths', () => {
    expect(buildUrl('', '/api/v1/tasks', { status: ['open', 'done'], mine: true })).toBe(
      '/api/v1/tasks?status=open&status=done&mine=true',
    );
    expect(() => buildUrl('', 'api/v1/tasks')).toThrow(TypeError);
  });
});
