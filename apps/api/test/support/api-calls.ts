import type { sql } from 'drizzle-orm';
import type { SignedIn } from './sessions';
import type { TestApp } from './test-app';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/**
 * Calls to one test app as a signed-in person (or anonymously), each from a fresh client address
 * on `network` (e.g. `10.64`) so the per-address limits never interfere, and raw row reads.
 */
export function apiCalls(app: () => TestApp, network: string) {
  let ipCounter = 0;
  const nextIp = () => {
    ipCounter += 1;
    return `${network}.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
  };
  const call = (
    session: SignedIn | null,
    method: Method,
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    app().app.inject({
      method,
      url,
      headers: { ...(session ? session.auth : {}), ...headers },
      ...(payload ? { payload } : {}),
      remoteAddress: nextIp(),
    });
  const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> =>
    ((await app().database.db.execute(query)) as unknown as { rows: T[] }).rows;
  /** Every page of a list route, following `next_cursor`; fails on an answer other than 200 or an overfull page. */
  const walkPages = async <T>(session: SignedIn, path: string, limit: number): Promise<T[][]> => {
    const pages: T[][] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const url = `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await call(session, 'GET', url);
      if (response.statusCode !== 200)
        throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
      const page = response.json() as { data: T[]; meta: { next_cursor: string | null } };
      if (page.data.length > limit)
        throw new Error(`GET ${url} answered ${page.data.length} rows, over its limit`);
      pages.push(page.data);
      cursor = page.meta.next_cursor;
    } while (cursor);
    return pages;
  };
  return { nextIp, call, rows, walkPages };
}
