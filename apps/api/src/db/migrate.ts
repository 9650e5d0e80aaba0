import { fileURLToPath } from 'node:url';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './database';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Arbitrary constant naming Chambers' migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK_KEY = 7_315_002_114;

/**
 * Applies the committed drizzle-kit migrations. On PostgreSQL an advisory lock makes replicas
 * starting together take turns, so each migration runs once.
 */
export async function runMigrations(database: Database): Promise<void> {
  if (database.driver === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete PGlite drizzle type.
    await migratePglite(database.db as any, { migrationsFolder });
    return;
  }
  const lockClient = await database.pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete node-postgres drizzle type.
    await migrateNodePg(database.db as any, { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    lockClient.release();
  }
}
