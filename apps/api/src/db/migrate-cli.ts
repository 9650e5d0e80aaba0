import { ConfigError, loadConfig } from '../config/load-config';
import { openDatabase } from './database';
import { runMigrations } from './migrate';

/** `pnpm db:migrate`: apply pending migrations to the configured database and exit. */
try {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await runMigrations(database);
    console.log(`Migrations applied (${config.database.driver}).`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(
    error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
}
