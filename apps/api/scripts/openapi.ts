import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config/load-config';
import { fromPglite } from '../src/db/database';
import { createMailer } from '../src/mail/create-mailer';
import { createBlobStore } from '../src/storage/create-blob-store';

/**
 * `pnpm openapi` writes the OpenAPI document the code generates to docs/openapi.json;
 * `pnpm openapi --check` fails when the committed copy differs (the CI drift check).
 */
const target = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

async function generate(): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    // Set so that nothing is generated into a data directory: this script signs nothing.
    JWT_SECRET: 'unused-by-openapi-generation-0123456789',
  });
  // Generating the document runs no query: an empty in-memory database is enough.
  const database = fromPglite(new PGlite());
  const app = await buildApp({
    config,
    database,
    blobs: createBlobStore({ driver: 'disk', diskPath: config.dataDir }),
    mailer: createMailer(config.mail, database.db),
  });
  await app.ready();
  const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  return document;
}

const document = await generate();
if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== document) {
    console.error('docs/openapi.json is out of date: run "pnpm openapi" and commit the result.');
    process.exit(1);
  }
  console.log('docs/openapi.json matches the code.');
} else {
  await writeFile(target, document);
  console.log('Wrote docs/openapi.json');
}
