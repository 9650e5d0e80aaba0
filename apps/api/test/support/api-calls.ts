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
  return { nextIp, call, rows };
}
