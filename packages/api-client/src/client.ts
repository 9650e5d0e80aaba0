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
  /**
   * Sends this token instead of the current session's, and never renews it: for a session that
   * was just opened and is not kept (yet), such as one that sign-in is still deciding about.
   */
  accessToken?: string;
}

export interface UploadOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Called as the body is sent, with the bytes sent so far and the body's total size. */
  onProgress?: (sent: number, total: number) => void;
}

export interface ApiClientOptions {
  /** Origin of the API; `''` (same origin, the default) is what both SPAs use. */
  baseUrl?: string;
  /** The current access token, if any. Read on every request, so a new session applies at once. */
  getAccessToken?: () => string | null | undefined;
  /**
   * Called when a request that carried the session's token is answered 401 (it expired, or the
   * session moved on): resolves to the token to send the request again with, once, or `null`
   * when there is no session any more. Without it, a 401 ends the session at once.
   */
  renewAccessToken?: (rejectedToken: string) => Promise<string | null>;
  /** Called when a request that carried a token is answered 401 and renewing did not help: the session is over. */
  onUnauthorized?: () => void;
  /** For tests and non-browser callers; defaults to the global `fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

export interface ApiClient {
  /** Calls any route; resolves to the parsed response body (an envelope), or `undefined` on 204. */
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  /**
   * Calls any route and resolves to the successful `Response` itself, unread: for a body that is
   * not JSON (a document's bytes). Errors are thrown as by `request`.
   */
  requestResponse(method: HttpMethod, path: string, options?: RequestOptions): Promise<Response>;
  /**
   * Sends a multipart form with `XMLHttpRequest` so that upload progress can be reported (`fetch`
   * cannot); the session's token is attached and renewed once on a 401, as by `request`.
   */
  upload<T>(path: string, form: FormData, options?: UploadOptions): Promise<T>;
  /** `POST /api/v1/auth/login`. */
  login(body: LoginRequest, options?: { signal?: AbortSignal }): Promise<Session>;
  /** `POST /api/v1/auth/refresh`: a new session from the refresh cookie (which rotates). */
  refreshSession(options?: { signal?: AbortSignal }): Promise<Session>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));

  async function send(
    method: HttpMethod,
    path: string,
    init: RequestOptions,
    token: string | null | undefined,
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json, application/problem+json');
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

    try {
      return await fetchImpl(buildUrl(baseUrl, path, init.query), {
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
  }

  async function requestResponse(
    method: HttpMethod,
    path: string,
    init: RequestOptions = {},
  ): Promise<Response> {
    const ownToken = init.accessToken === undefined && init.authenticated !== false;
    let token = init.accessToken ?? (ownToken ? options.getAccessToken?.() : null);
    let response = await send(method, path, init, token);

    // An access token lives 15 minutes: a 401 usually means it expired. Renew it and try once more
    // (a streamed body cannot be sent twice).
    const canResend = !(init.body instanceof ReadableStream);
    if (response.status === 401 && token && ownToken && canResend && options.renewAccessToken) {
      const renewed = await options.renewAccessToken(token);
      if (renewed) {
        await response.body?.cancel();
        token = renewed;
        response = await send(method, path, init, token);
      }
    }

    if (!response.ok) {
      const error = await apiErrorFromResponse(response);
      if (response.status === 401 && token && ownToken) options.onUnauthorized?.();
      throw error;
    }
    return response;
  }

  async function request<T>(method: HttpMethod, path: string, init: RequestOptions = {}): Promise<T> {
    return (await readBody(await requestResponse(method, path, init))) as T;
  }

  async function upload<T>(path: string, form: FormData, init: UploadOptions = {}): Promise<T> {
    const url = buildUrl(baseUrl, path);
    let token = options.getAccessToken?.();
    let response = await sendWithProgress(url, form, init, token);
    if (response.status === 401 && token && options.renewAccessToken) {
      const renewed = await options.renewAccessToken(token);
      if (renewed) {
        token = renewed;
        response = await sendWithProgress(url, form, init, token);
      }
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
    requestResponse,
    upload,
    async login(body, { signal } = {}) {
      const envelope = await request<DataEnvelope<Session>>('POST', '/api/v1/auth/login', {
        body,
        signal,
        authenticated: false,
      });
      return envelope.data;
    },
    async refreshSession({ signal } = {}) {
      const envelope = await request<DataEnvelope<Session>>('POST', '/api/v1/auth/refresh', {
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

/**
 * POSTs the form through `XMLHttpRequest`, reporting upload progress, and answers a `Response` so
 * that success and errors are read as for `fetch`.
 */
function sendWithProgress(
  url: string,
  form: FormData,
  init: UploadOptions,
  token: string | null | undefined,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(init.headers ?? {})) xhr.setRequestHeader(name, value);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) init.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      const headers = new Headers();
      for (const line of xhr
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const body = xhr.status === 204 || xhr.status === 205 ? null : xhr.responseText;
      resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers }));
    };
    xhr.onerror = () => reject(networkError(new Error('The upload could not reach the server.')));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (init.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    init.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
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
