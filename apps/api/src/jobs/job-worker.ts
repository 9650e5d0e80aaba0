import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database';
import type { JobKind, JobPayloads } from './job-queue';

export type JobHandlers = { [K in JobKind]: (payload: JobPayloads[K]) => Promise<void> };

interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

export interface JobWorkerOptions {
  db: Db;
  /**
   * What runs each kind. The app's worker handles every kind (`plugins/jobs.ts` checks that); a
   * worker built for one purpose (a test) may take fewer, and a job of a kind it lacks fails.
   */
  handlers: Partial<JobHandlers>;
  log: FastifyBaseLogger;
  pollIntervalMs: number;
  batchSize?: number;
  /** How long a claim hides a job from other workers; a worker that dies mid-job gives it back after this. */
  leaseSeconds?: number;
}

/** Seconds to wait before attempt n+1: exponential from 2 s, capped at an hour, with jitter. */
export function backoffSeconds(attempts: number): number {
  const base = Math.min(2 ** attempts, 3600);
  return Math.ceil(base * (0.75 + Math.random() * 0.5));
}

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED (so workers in several processes never take the
 * same row), runs each handler, deletes finished jobs, and reschedules failed ones with backoff
 * until they run out of attempts.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly options: JobWorkerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Wake an idle worker now (after enqueueing), instead of at the next poll. */
  kick(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** Stops polling and waits for the batch in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Claims and runs one batch; resolves with how many jobs it handled. */
  async runOnce(): Promise<number> {
    const { db, batchSize = 10, leaseSeconds = 300 } = this.options;
    const claimed = await db.execute(sql`
      update jobs
         set attempts = attempts + 1,
             locked_until = now() + make_interval(secs => ${leaseSeconds}),
             updated_at = now()
       where id in (
         select id from jobs
          where status = 'pending'
            and run_at <= now()
            and (locked_until is null or locked_until < now())
          order by run_at, id
          limit ${batchSize}
          for update skip locked)
      returning id, kind, payload, attempts, max_attempts`);
    // RETURNING does not keep the subquery's order; ids are time-ordered, so this is enqueue order.
    const rows = (claimed as unknown as { rows: ClaimedJob[] }).rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const job of rows) await this.runJob(job);
    return rows.length;
  }

  private async runJob(job: ClaimedJob): Promise<void> {
    const { db, handlers, log } = this.options;
    const handler = handlers[job.kind as JobKind] as ((payload: unknown) => Promise<void>) | undefined;
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job.payload);
      await db.execute(sql`delete from jobs where id = ${job.id}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const exhausted = job.attempts >= job.max_attempts;
      log[exhausted ? 'error' : 'warn'](
        { jobId: job.id, kind: job.kind, attempts: job.attempts, err: error },
        'job failed',
      );
      await db.execute(sql`
        update jobs
           set status = ${exhausted ? 'failed' : 'pending'}::job_status,
               run_at = now() + make_interval(secs => ${backoffSeconds(job.attempts)}),
               locked_until = null,
               last_error = ${message.slice(0, 2000)},
               updated_at = now()
         where id = ${job.id}`);
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.loop().finally(() => {
        this.running = null;
      });
    }, delayMs);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    let handled = 0;
    try {
      handled = await this.runOnce();
    } catch (error) {
      this.options.log.warn({ err: error }, 'job worker could not claim jobs');
    }
    if (this.stopped) return;
    // A full batch suggests more are due: go again at once; otherwise wait for the next poll.
    this.schedule(handled > 0 ? 0 : this.options.pollIntervalMs);
  }
}
