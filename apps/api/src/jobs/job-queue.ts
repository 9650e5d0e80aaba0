import type { Db } from '../db/database';
import { jobs } from '../db/schema/jobs';
import type { MailMessage } from '../mail/mailer';

/** Job kinds and their payloads; the worker has one handler per kind. */
export interface JobPayloads {
  'mail.send': MailMessage;
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
