import type { Session } from '@chambers/contracts/auth';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { buildUrl, createApiClient } from './client';
import { createSessionRenewal } from './session-renewal';
import { createSessionStore } from './session-store';
import { deferred, sessionWith } from './test/sessions';

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

const unauthorized = () =>
  json(401, { title: 'Unauthorized', status: 401, code: 'unauthenticated' }, 'application/problem+json');

/** A fake API that accepts only `validToken`, and records the token of every call. */
function apiAccepting(validToken: () => string) {
  const seen: (string | null)[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const token = new Headers(init.headers).get('authorization')?.replace('Bearer ', '') ?? null;
    seen.push(token);
    return token === validToken() ? json(200, { data: { ok: true } }) : unauthorized();
  });
  return { fetch, seen };
}

describe('createApiClient on a 401', () => {
  it('renews the token and sends the request again, once', async () => {
    const { fetch, seen } = apiAccepting(() => 'fresh');
    const renewAccessToken = vi.fn(async () => 'fresh');
    const onUnauthorized = vi.fn();
    const client = createApiClient({
      getAccessToken: () => 'expired',
      renewAccessToken,
      onUnauthorized,
      fetch,
    });

    await expect(client.request('GET', '/api/v1/me')).resolves.toEqual({ data: { ok: true } });
    expect(renewAccessToken).toHaveBeenCalledWith('expired');
    expect(seen).toEqual(['expired', 'fresh']);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('ends the session when the renewed token is refused too, without renewing again', async () => {
    const { fetch, seen } = apiAccepting(() => 'never');
    const renewAccessToken = vi.fn(async () => 'fresh');
    const onUnauthorized = vi.fn();
    const client = createApiClient({
      getAccessToken: () => 'expired',
      renewAccessToken,
      onUnauthorized,
      fetch,
    });

    await expect(client.request('GET', '/api/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(renewAccessToken).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['expired', 'fresh']);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('ends the session when there is nothing to renew', async () => {
    const { fetch, seen } = apiAccepting(() => 'never');
    const onUnauthorized = vi.fn();
    const client = createApiClient({
      getAccessToken: () => 'expired',
      renewAccessToken: async () => null,
      onUnauthorized,
      fetch,
    });

    await expect(client.request('GET', '/api/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(seen).toEqual(['expired']);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('reports a renewal that could not reach the server, and keeps the session', async () => {
    const { fetch } = apiAccepting(() => 'never');
    const onUnauthorized = vi.fn();
    const offline = new ApiError({ status: 0, code: 'network_error', title: 'Cannot reach Chambers' });
    const client = createApiClient({
      getAccessToken: () => 'expired',
      renewAccessToken: () => Promise.reject(offline),
      onUnauthorized,
      fetch,
    });

    await expect(client.request('GET', '/api/v1/me')).rejects.toBe(offline);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('never renews a token given for one call, nor a public call', async () => {
    const { fetch, seen } = apiAccepting(() => 'never');
    const renewAccessToken = vi.fn(async () => 'fresh');
    const onUnauthorized = vi.fn();
    const client = createApiClient({ getAccessToken: () => 'mine', renewAccessToken, onUnauthorized, fetch });

    await expect(
      client.request('GET', '/api/v1/me/memberships', { accessToken: 'not-kept' }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(client.login({ email: 'a@b.test', password: 'pw' })).rejects.toMatchObject({ status: 401 });
    expect(seen).toEqual(['not-kept', null]);
    expect(renewAccessToken).not.toHaveBeenCalled();
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('with the session renewal: concurrent 401s share one refresh, then all succeed', async () => {
    const store = createSessionStore(sessionWith('t1'));
    const { fetch, seen } = apiAccepting(() => 't2');
    const answer = deferred<ReturnType<typeof sessionWith>>();
    const refresh = vi.fn(() => answer.promise);
    const renewal = createSessionRenewal({ store, refresh, lock: (task) => task() });
    const client = createApiClient({
      getAccessToken: () => store.get()?.access_token,
      renewAccessToken: (rejected) => renewal.tokenAfterRejection(rejected),
      onUnauthorized: () => store.set(null),
      fetch,
    });

    const calls = Promise.all([
      client.request('GET', '/api/v1/me'),
      client.request('GET', '/api/v1/me/memberships'),
      client.request('GET', '/api/v1/matters'),
    ]);
    await vi.waitFor(() => expect(refresh).toHaveBeenCalled());
    answer.resolve(sessionWith('t2'));
    await expect(calls).resolves.toHaveLength(3);

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen.filter((token) => token === 't1')).toHaveLength(3);
    expect(seen.filter((token) => token === 't2')).toHaveLength(3);
    expect(store.get()?.access_token).toBe('t2');

    renewal.dispose();
  });

  it('with the session renewal: signs out when the refresh is refused', async () => {
    const store = createSessionStore(sessionWith('t1'));
    const { fetch } = apiAccepting(() => 'never');
    const renewal = createSessionRenewal({
      store,
      refresh: () => Promise.reject(new ApiError({ status: 401, code: 'unauthenticated', title: 'x' })),
      lock: (task) => task(),
    });
    const client = createApiClient({
      getAccessToken: () => store.get()?.access_token,
      renewAccessToken: (rejected) => renewal.tokenAfterRejection(rejected),
      onUnauthorized: () => store.set(null),
      fetch,
    });

    await expect(client.request('GET', '/api/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(store.get()).toBeNull();
    renewal.dispose();
  });
});

describe('refreshSession', () => {
  it('posts to the refresh route with the cookie and no bearer token', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, { data: session }));
    const client = createApiClient({ getAccessToken: () => 'current', fetch });

    await expect(client.refreshSession()).resolves.toEqual(session);
    const [call] = calls;
    expect(call?.url).toBe('/api/v1/auth/refresh');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('same-origin');
    expect(new Headers(call?.init.headers).get('authorization')).toBeNull();
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
