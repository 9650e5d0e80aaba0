/** What the list bench sections share: their database, the app over it, and a sign-in. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config/load-config';
import { type Database, openDatabase } from '../src/db/database';
import { createMailer } from '../src/mail/create-mailer';
import { createBlobStore } from '../src/storage/create-blob-store';
import { databaseUrlFor } from '../test/support/postgres-urls';

export interface BenchDatabase {
  database: Database;
  /** The settings that point the app under test at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A bench section's database: a scratch PostgreSQL database named `name` when DATABASE_URL is
 * set (dropped and re-created), else PGlite in a temporary directory.
 */
export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'chambers-bench-db-'));
    const database = await openDatabase({ driver: 'pglite', dataDir: dir });
    return { database, env: { DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = databaseUrlFor(serverUrl, name);
  const database = await openDatabase({ driver: 'postgres', url, poolMax: 10 });
  return {
    database,
    env: { DATABASE_URL: url },
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * The app on the bench database, listening on a free local port, quiet and without limits that
 * would throttle the load generator.
 */
export async function startBenchApp(
  bench: BenchDatabase,
): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    SEED_DEMO: 'false',
    RATE_LIMIT_MAX: '1000000',
    DATA_DIR: await mkdtemp(join(tmpdir(), 'chambers-bench-app-')),
    ...bench.env,
  });
  const app = await buildApp({
    config,
    database: bench.database,
    blobs: createBlobStore(config.storage),
    mailer: createMailer(config.mail, bench.database.db),
  });
  return { app, baseUrl: await app.listen({ host: '127.0.0.1', port: 0 }) };
}

/** A bearer token for `login`, through the real sign-in route. */
export async function signInToken(
  app: FastifyInstance,
  login: { email: string; password: string },
): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: login });
  if (response.statusCode !== 200) throw new Error(`bench sign-in failed: ${response.body}`);
  return response.json().data.access_token;
}
