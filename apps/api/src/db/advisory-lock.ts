import { sql } from 'drizzle-orm';
import type { Database } from './database';

/**
 * Runs `work` while holding the session-level advisory lock `key`, if no other session holds it;
 * resolves `null` without running it otherwise. On PostgreSQL the lock lives on a connection of
 * its own for the whole run (so `work` may use the pool freely) and dies with it, so a crashed
 * holder never keeps others out. PGlite is one session: the lock is re-entrant there, so callers
 * in one process still need their own guard.
 */
export async function withTryAdvisoryLock<T>(
  database: Database,
  key: number,
  work: () => Promise<T>,
): Promise<T | null> {
  if (database.driver === 'pglite') {
    const result = (await database.db.execute(
      sql`select pg_try_advisory_lock(${key}) as locked`,
    )) as unknown as {
      rows: { locked: boolean }[];
    };
    if (!result.rows[0]?.locked) return null;
    try {
      return await work();
    } finally {
      await database.db.execute(sql`select pg_advisory_unlock(${key})`);
    }
  }
  const client = await database.pool.connect();
  // A lock connection whose query failed is destroyed rather than handed back to the pool.
  let broken: Error | undefined;
  const query = (text: string) =>
    client.query<{ locked: boolean }>(text, [key]).catch((error: Error) => {
      broken = error;
      throw error;
    });
  try {
    const { rows } = await query('select pg_try_advisory_lock($1) as locked');
    if (!rows[0]?.locked) return null;
    try {
      return await work();
    } finally {
      // Should the connection be gone, the lock went with it.
      await query('select pg_advisory_unlock($1) as locked').catch(() => {});
    }
  } finally {
    client.release(broken);
  }
}
