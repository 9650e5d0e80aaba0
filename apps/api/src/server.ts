import { setTimeout as delay } from 'node:timers/promises';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config/load-config';
import { openDatabase } from './db/database';
import { runMigrations } from './db/migrate';
import { createMailer } from './mail/create-mailer';
import { DEMO_PASSWORD, demoLoginLines, seedDemoFirm } from './seed/demo-firm';
import { createBlobStore } from './storage/create-blob-store';

/** How long in-flight requests get to finish after shutdown began before the process gives up. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config.database, (error) => {
    console.error(`database connection lost: ${error.message}`);
  });
  await runMigrations(database);
  // The blob store comes first: the demo seed stores its documents in it.
  const blobs = createBlobStore(config.storage);
  const seeded = config.seedDemo ? await seedDemoFirm(database.db, { practice: true, blobs }) : false;
  const mailer = createMailer(config.mail, database.db);
  const app = await buildApp({ config, database, blobs, mailer });

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    app.lifecycle.beginShutdown();
    app.log.info({ signal }, 'shutting down: readiness now 503, finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS + config.shutdownDelayMs);
    force.unref();
    await delay(config.shutdownDelayMs);
    await app.close();
    app.log.info('shut down cleanly');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ host: config.host, port: config.port });
  const url = config.publicUrl.startsWith(`http://localhost:${config.port}`) ? address : config.publicUrl;
  const lines = [
    '',
    `Chambers is running at ${url}`,
    `  Manage      ${url}/`,
    `  Connect     ${url}/connect/`,
    `  API docs    ${url}/api/docs`,
  ];
  if (config.mail.transport === 'mailbox') lines.push(`  Dev mailbox ${url}/dev/mailbox`);
  if (config.seedDemo) {
    lines.push(
      '',
      `${seeded ? 'Seeded the demo firms. ' : ''}Demo logins (password "${DEMO_PASSWORD}" for all):`,
    );
    for (const line of demoLoginLines()) lines.push(`  ${line}`);
  }
  console.log(lines.join('\n'));
}

/** The error's message and its causes' (drizzle wraps driver errors), on one line, without a stack. */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (
    let current = error;
    current && messages.length < 4;
    current = (current as { cause?: unknown }).cause
  ) {
    messages.push(current instanceof Error ? (current.message.split('\n')[0] ?? '') : String(current));
  }
  return messages.join(': ');
}

main().catch((error: unknown) => {
  // A bad setting is reported as the one line that names it; anything else as a short message.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Chambers could not start: ${describe(error)}`);
  process.exit(1);
});
