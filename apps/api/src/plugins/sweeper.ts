import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sweepDocuments } from '../modules/documents/sweeper';

/**
 * Runs the document sweeper every SWEEP_INTERVAL_SECONDS in this process, where the job worker
 * runs (JOBS_ENABLED). Every replica may: an advisory lock lets one sweep at a time. On close it
 * stops between two items and waits for the one in hand.
 */
export default fp(
  async function sweeper(app: FastifyInstance) {
    if (!app.config.jobs.enabled) return;
    const log = app.log.child({ component: 'sweeper' });
    const intervalMs = app.config.jobs.sweepIntervalSeconds * 1000;
    const stop = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;

    const run = async () => {
      try {
        const counts = await sweepDocuments(app, { signal: stop.signal });
        if (counts && Object.values(counts).some((n) => n > 0)) log.info({ counts }, 'swept documents');
      } catch (error) {
        log.warn({ err: error }, 'document sweep failed; retrying at the next interval');
      }
    };
    const schedule = () => {
      timer = setTimeout(() => {
        running = run().finally(() => {
          running = undefined;
          if (!stop.signal.aborted) schedule();
        });
      }, intervalMs);
      timer.unref();
    };

    app.addHook('onReady', async () => schedule());
    // Registered after the services plugin, so this runs before the database is closed.
    app.addHook('preClose', async () => {
      stop.abort();
      clearTimeout(timer);
      await running;
    });
  },
  { name: 'sweeper', dependencies: ['config'] },
);
