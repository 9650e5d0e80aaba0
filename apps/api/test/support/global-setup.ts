import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { fromPglite, openDatabase } from '../../src/db/database';
import { runMigrations } from '../../src/db/migrate';
import { databaseUrlFor } from './postgres-urls';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a data-directory dump of a migrated database, loaded by each test file. */
    pgliteTemplatePath: string | null;
    /** PostgreSQL: a migrated database each test file copies with CREATE DATABASE … TEMPLATE. */
    postgresTemplate: string | null;
  }
}

/** Migrates one template database per run; every test file starts from a copy of it. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(path.join(tmpdir(), 'chambers-test-'));
    const database = fromPglite(new PGlite());
    await runMigrations(database);
    const dump = await database.client.dumpDataDir('none');
    await database.close();
    const file = path.join(dir, 'template.tar');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplatePath', file);
    project.provide('postgresTemplate', null);
    return async () => rm(dir, { recursive: true, force: true });
  }

  const template = `chambers_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const database = await openDatabase({ driver: 'postgres', url: databaseUrlFor(url, template), poolMax: 2 });
  await runMigrations(database);
  await database.close();
  project.provide('pgliteTemplatePath', null);
  project.provide('postgresTemplate', template);
  return async () => {
    // Drop the template and any per-file database a crashed test left behind.
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 or datname = $2`,
      [`${template.replace('tpl', 'f')}%`, template],
    );
    for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    await admin.end();
  };
}
