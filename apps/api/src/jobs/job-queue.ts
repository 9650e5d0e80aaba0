import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { jobs } from '../db/schema/jobs';
import type { MailMessage } from '../mail/mailer';

/** Job kinds and their payloads; the worker has one handler per kind. */
export interface JobPayloads {
  'mail.send': MailMessage;
  /** Mail one conversation participant about the messages it has not read yet (if any). */
  'conversation.notify': { participant_id: string };
}
export type JobKind = keyof JobPayloads;

/**
 * Enqueues a job. Pass the business transaction as `db` so the job exists if and only if the
 * transaction commits (the outbox pattern).
 */
export async function enqueueJob<K extends JobKind>(
  db: Db,
  kind: K,
  payload: JobPayloads[K],
  options: { runAt?: Date; maxAttempts?: number } = {},
): Promise<string> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind,
      payload,
      ...(options.runAt ? { runAt: options.runAt } : {}),
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    })
    .returning({ id: jobs.id });
  if (!row) throw new Error('job insert returned no row');
  return row.id;
}

export function enqueueMail(db: Db, message: MailMessage): Promise<string> {
  return enqueueJob(db, 'mail.send', message);
}

/**
 * Of `values`, those for which a job of `kind` whose `payload[field]` equals the value is waiting
 * to run: pending and not held by a worker (a claim whose lease ran out counts as waiting, since
 * the job will run again). A job being run right now does not count: it may already be past the
 * point where it would have seen what the caller is about to add.
 */
export async function withWaitingJob<K extends JobKind>(
  db: Db,
  kind: K,
  field: keyof JobPayloads[K] & string,
  values: readonly string[],
): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const value = sql<string>`${jobs.payload} ->> ${field}`;
  const rows = await db
    .select({ value })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, kind),
        eq(jobs.status, 'pending'),
        or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, sql`now()`)),
        inArray(value, [...values]),
      ),
    );
  return new Set(rows.map((row) => row.value));
}
