import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database';
import { enqueueMail } from '../../src/jobs/job-queue';
import { backoffSeconds, JobWorker } from '../../src/jobs/job-worker';
import type { MailMessage } from '../../src/mail/mailer';
import { createTestDatabase } from '../support/test-database';

const log = pino({ level: 'silent' });

async function jobRows(database: Database) {
  const result = await database.db.execute(
    sql`select status, attempts, last_error, run_at > now() as later from jobs order by created_at`,
  );
  return (
    result as unknown as {
      rows: { status: string; attempts: number; last_error: string | null; later: boolean }[];
    }
  ).rows;
}

describe('job worker', () => {
  let database: Database & { url: string | null };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('backs off exponentially, capped at an hour', () => {
    expect(backoffSeconds(1)).toBeGreaterThanOrEqual(1);
    expect(backoffSeconds(1)).toBeLessThanOrEqual(3);
    expect(backoffSeconds(5)).toBeGreaterThanOrEqual(24);
    expect(backoffSeconds(5)).toBeLessThanOrEqual(40);
    expect(backoffSeconds(30)).toBeLessThanOrEqual(4500);
  });

  it('reschedules a failed job with its error, then marks it failed when attempts run out', async () => {
    await database.db.execute(sql`delete from jobs`);
    const worker = new JobWorker({
      db: database.db,
      log,
      pollIntervalMs: 50,
      handlers: {
        'mail.send': async () => {
          throw new Error('smtp down');
        },
      },
    });
    await database.db.transaction((tx) =>
      enqueueMail(tx, { to: ['x@client.test'], subject: 'retry me', text: '...' }).then(() => undefined),
    );
    await database.db.execute(sql`update jobs set max_attempts = 2`);

    expect(await worker.runOnce()).toBe(1);
    expect(await jobRows(database)).toEqual([
      { status: 'pending', attempts: 1, last_error: 'smtp down', later: true },
    ]);
    // Not due yet: nothing to claim.
    expect(await worker.runOnce()).toBe(0);

    await database.db.execute(sql`update jobs set run_at = now() - interval '1 second'`);
    expect(await worker.runOnce()).toBe(1);
    expect(await jobRows(database)).toMatchObject([
      { status: 'failed', attempts: 2, last_error: 'smtp down' },
    ]);
    await database.db.execute(sql`update jobs set run_at = now() - interval '1 second'`);
    expect(await worker.runOnce()).toBe(0);
  });

  it('lets several workers in separate processes’ pools run every job exactly once', async () => {
    await database.db.execute(sql`delete from jobs`);
    const total = 60;
    for (let i = 0; i < total; i++) {
      await enqueueMail(database.db, { to: [`p${i}@client.test`], subject: `mail ${i}`, text: '.' });
    }
    // On PostgreSQL each worker gets its own pool, as separate API processes would.
    const pools =
      database.url === null
        ? [database, database, database]
        : await Promise.all(
            [1, 2, 3].map(() => openDatabase({ driver: 'postgres', url: database.url ?? '', poolMax: 2 })),
          );
    const delivered: string[] = [];
    const workers = pools.map(
      (pool) =>
        new JobWorker({
          db: pool.db,
          log,
          pollIntervalMs: 10,
          batchSize: 4,
          handlers: {
            'mail.send': async (message: MailMessage) => {
              await new Promise((resolve) => setTimeout(resolve, 2));
              delivered.push(message.subject);
            },
          },
        }),
    );
    try {
      await Promise.all(
        workers.map(async (worker) => {
          while ((await worker.runOnce()) > 0);
        }),
      );
    } finally {
      if (database.url !== null) await Promise.all(pools.map((pool) => pool.close()));
    }
    expect(delivered).toHaveLength(total);
    expect(new Set(delivered).size).toBe(total);
    expect(await jobRows(database)).toEqual([]);
  });

  it('runs jobs on its own once started, and stops cleanly', async () => {
    const delivered: string[] = [];
    const worker = new JobWorker({
      db: database.db,
      log,
      pollIntervalMs: 20,
      handlers: {
        'mail.send': async (message) => {
          delivered.push(message.subject);
        },
      },
    });
    worker.start();
    await enqueueMail(database.db, { to: ['q@client.test'], subject: 'background', text: '.' });
    worker.kick();
    await expect.poll(() => delivered, { timeout: 5000 }).toEqual(['background']);
    await worker.stop();
  });
});
