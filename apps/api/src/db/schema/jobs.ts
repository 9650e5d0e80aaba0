import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';

/** A finished job is deleted; one that ran out of attempts stays as `failed` for an operator to see. */
export const jobStatus = pgEnum('job_status', ['pending', 'failed']);

/**
 * The outbox: work enqueued inside a business transaction and run after it commits by a worker
 * that claims rows with FOR UPDATE SKIP LOCKED, so several API processes never run one job twice.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: jobStatus('status').notNull().default('pending'),
    runAt: instant('run_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    /** A claimed job is invisible to other workers until this passes (a crashed worker's job comes back). */
    lockedUntil: instant('locked_until'),
    lastError: text('last_error'),
    ...timestamps(),
  },
  (table) => [index('jobs_due_idx').on(table.runAt, table.id).where(sql`${table.status} = 'pending'`)],
);
