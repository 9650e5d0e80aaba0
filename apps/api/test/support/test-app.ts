import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import type { Config } from '../../src/config/config';
import { loadConfig } from '../../src/config/load-config';
import type { Database } from '../../src/db/database';
import { createMailer } from '../../src/mail/create-mailer';
import type { Mailer } from '../../src/mail/mailer';
import { createBlobStore } from '../../src/storage/create-blob-store';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real app on a fresh migrated database (PGlite, or PostgreSQL when DATABASE_URL is set) and
 * a disk blob store in a temporary directory. `env` overrides settings as the environment would.
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    mailer?: (database: Database, config: Config) => Mailer;
    /** Extra routes a test needs (a slow or failing one), added before the app is ready. */
    prepare?: (app: FastifyInstance) => void;
  } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chambers-app-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    JOBS_ENABLED: 'false',
    SEED_DEMO: 'false',
    ...options.env,
  });
  const database = await createTestDatabase();
  const blobs = createBlobStore(config.storage);
  const mailer = options.mailer ? options.mailer(database, config) : createMailer(config.mail, database.db);
  const app = await buildApp({ config, database, blobs, mailer });
  options.prepare?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
