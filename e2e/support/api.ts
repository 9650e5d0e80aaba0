import { expect } from 'vitest';

/** The API as one demo login sees it, for a journey's setup and for checking what a screen did. */
export interface ApiAs {
  /** Calls a route; resolves to the status and the parsed body (`undefined` when empty). */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Calls a route that must succeed (2xx) and resolves to the body's `data`. */
  data<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Every row of a paginated list (`{ data, meta: { next_cursor } }`). */
  all<T = unknown>(path: string): Promise<T[]>;
}

/** Signs in through `POST /api/v1/auth/login` and answers calls with that session's token. */
export async function apiAs(baseUrl: string, who: { email: string; password: string }): Promise<ApiAs> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  expect(login.status, `sign-in of ${who.email}`).toBe(200);
  const { data: session } = (await login.json()) as { data: { access_token: string } };

  async function call<T>(method: string, path: string, body?: unknown) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${session.access_token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  return {
    call,
    async data<T>(method: string, path: string, body?: unknown) {
      const response = await call<{ data: T }>(method, path, body);
      expect(
        response.status >= 200 && response.status < 300,
        `${method} ${path} answered ${response.status}`,
      ).toBe(true);
      return response.body?.data as T;
    },
    async all<T>(path: string) {
      const rows: T[] = [];
      let cursor: string | null = null;
      do {
        const separator = path.includes('?') ? '&' : '?';
        const page: { status: number; body: { data: T[]; meta: { next_cursor: string | null } } } =
          await call<{ data: T[]; meta: { next_cursor: string | null } }>(
            'GET',
            `${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
        expect(page.status, `GET ${path}`).toBe(200);
        rows.push(...page.body.data);
        cursor = page.body.meta.next_cursor;
      } while (cursor);
      return rows;
    },
  };
}
