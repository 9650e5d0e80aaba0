import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';

export interface DeliveredMail {
  to: string[];
  subject: string;
  text: string;
}

/**
 * Runs the outbox until it is empty. A job that failed (a connection lost under load) is run
 * again at once, as its backoff would later; one that fails twice fails the test with its error,
 * rather than leaving the mail silently missing.
 */
async function drainOutbox(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  for (let round = 0; ; round++) {
    while ((await app.jobWorker.runOnce()) > 0);
    const result = await db.execute(
      sql`update jobs set run_at = now() where status = 'pending' and last_error is not null
          returning kind, last_error`,
    );
    const failed = (result as unknown as { rows: { kind: string; last_error: string }[] }).rows;
    if (failed.length === 0) return;
    if (round > 0) {
      throw new Error(
        `outbox jobs failed: ${failed.map((job) => `${job.kind}: ${job.last_error}`).join('; ')}`,
      );
    }
  }
}

/** Runs the outbox until it is empty, then returns what the dev mailbox received for `address`. */
export async function deliveredTo(app: FastifyInstance, address: string): Promise<DeliveredMail[]> {
  await drainOutbox(app);
  const response = await app.inject({ method: 'GET', url: '/api/v1/dev/mailbox?limit=200' });
  if (response.statusCode !== 200) throw new Error(`dev mailbox answered ${response.statusCode}`);
  const mails: DeliveredMail[] = response.json().data;
  return mails.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}
