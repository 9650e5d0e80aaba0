import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config';

/** The drizzle handle services and repositories use; a transaction is one too. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's schema parameter; we query tables directly, not by schema name.
export type Db = PgDatabase<PgQueryResultHKT, any>;

/** An open database: PGlite in-process, or a node-postgres pool. */
export type Database =
  | { driver: 'pglite'; db: Db; client: PGlite; close(): Promise<void> }
  | { driver: 'postgres'; db: Db; pool: pg.Pool; close(): Promise<void> };

/** PostgreSQL `bigint`/`numeric` arrive as strings from node-postgres; we map them where we read them. */
export async function openDatabase(
  config: DatabaseConfig,
  onPoolError: (error: Error) => void = () => {},
): Promise<Database> {
  if (config.driver === 'pglite') {
    if (config.dataDir === null) return fromPglite(new PGlite());
    await mkdir(config.dataDir, { recursive: true });
    const client = new PGlite(config.dataDir);
    await client.waitReady;
    return fromPglite(client);
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolMax,
    // Fail fast instead of hanging when the server is down; the error handler answers 503.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (e.g. a database restart) must not crash the process.
  pool.on('error', onPoolError);
  const db = drizzleNodePg({ client: pool }) as unknown as Db;
  return { driver: 'postgres', db, pool, close: () => pool.end() };
}

export function fromPglite(client: PGlite): Extract<Database, { driver: 'pglite' }> {
  const db = drizzlePglite({ client }) as unknown as Db;
  return { driver: 'pglite', db, client, close: () => client.close() };
}

/** Throws unless the database answers a trivial query. */
export async function pingDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`);
}
