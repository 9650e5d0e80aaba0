import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, fromPglite, openDatabase } from '../../src/db/database';
import { databaseUrlFor } from './postgres-urls';

/**
 * A fresh, migrated database for one test file: a PGlite loaded from the run's template dump, or
 * — when DATABASE_URL is set — a new PostgreSQL database copied from the run's template.
 * Closing it also drops the PostgreSQL copy.
 */
export async function createTestDatabase(): Promise<Database & { url: string | null }> {
  const templatePath = inject('pgliteTemplatePath');
  if (templatePath) {
    const dump = new Blob([await readFile(templatePath)]);
    const client = new PGlite({ loadDataDir: dump });
    await client.waitReady;
    return { ...fromPglite(client), url: null };
  }

  const template = inject('postgresTemplate');
  const url = process.env.DATABASE_URL;
  if (!template || !url) throw new Error('global setup provided no template database');
  const name = `${template.replace('tpl', 'f')}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `create database ${name} template ${template}`);
  const fileUrl = databaseUrlFor(url, name);
  const database = await openDatabase({ driver: 'postgres', url: fileUrl, poolMax: 5 });
  return {
    ...database,
    url: fileUrl,
    async close() {
      await database.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
