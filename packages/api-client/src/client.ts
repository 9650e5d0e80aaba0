import type { LoginRequest, Session } from '@chambers/contracts/auth';
import type { PageMeta } from '@chambers/contracts/common';
import type { Static } from 'typebox';
import { apiErrorFromResponse, networkError, unexpectedResponse } from './api-error';

/** `{ data }` — how the API wraps one resource. */
export interface DataEnvelope<T> {
  data: T;
}

/** `{ data: [...], meta: { next_cursor } }` — how the API wraps a list. */
export interface PageEnvelope<T> {
  data: T[];
  meta: Static<typeof PageMeta>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[];

export interface RequestOptions {
  /** Sent as JSON, unless it is already a body `fetch` understands (FormData, Blob, URLSearchParams). */
  body?: unknown;
  /** `undefined` and `null` values are left out. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** `false` for the few public routes (sign-in): no bearer token is attached. Default `true`. */
  authenticated?: boolean;
}

export interface ApiClientOptions {
  /** Origin of the API; `''` (same origin, the default) is what both SPAs use. */
  baseUrl?: string;
  /** The current access token, if any. Read on every request, so a new session applies at once. */
  getAccessToken?: () => string | null | undefined;
  /** Called when a request that carried a token is answered 401: the session is over. */
  onUnauthorized?: () => void;
  /** For tests and non-browser callers; defaults to the global `fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

export interface ApiClient {
  /** Calls any route; resolves to the parsed response body (an envelope), or `undefined` on 204. */
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  /** `POST /api/v1/auth/login`. */
  login(body: LoginRequest, options?: { signal?: AbortSignal }): Promise<Session>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));

  async function request<T>(method: HttpMethod, path: string, init: RequestOptions = {}): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json, application/problem+json');
    const token = init.authenticated === false ? null : options.getAccessToken?.();
    if (token) headers.set('authorization', `Bearer ${token}`);

    let body: BodyInit | undefined;
    if (init.body !== undefined) {
      if (isRawBody(init.body)) {
        body = init.body;
      } else {
        body = JSON.stringify(init.body);
        headers.set('content-type', 'application/json');
      }
    }

    let response: Response;
    try {
      response = await fetchImpl(buildUrl(baseUrl, path, init.query), {
        method,
        headers,
        body,
        signal: init.signal,
        credentials: 'same-origin',
      });
    } catch (cause) {
      // A cancelled request is not a failure: let the caller (TanStack Query) see the AbortError.
      if (init.signal?.aborted) throw cause;
      throw networkError(cause);
    }

    if (!response.ok) {
      const error = await apiErrorFromResponse(response);
      if (response.status === 401 && token) options.onUnauthorized?.();
      throw error;
    }
    return (await readBody(response)) as T;
  }

  return {
    request,
    async login(body, { signal } = {}) {
      const envelope = await request<DataEnvelope<Session>>('POST', '/api/v1/auth/login', {
        body,
        signal,
        authenticated: false,
      });
      return envelope.data;
    },
  };
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  if (!path.startsWith('/')) throw new TypeError(`API paths start with "/": got "${path}"`);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw unexpectedResponse(response.status, response.headers.get('x-request-id') ?? undefined, cause);
  }
}

function isRawBody(body: unknown): body is BodyInit {
  return (
    body instanceof FormData ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    body instanceof ReadableStream
  );
}
