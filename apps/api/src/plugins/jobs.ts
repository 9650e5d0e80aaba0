import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type JobHandlers, JobWorker } from '../jobs/job-worker';
import { notifyParticipant } from '../modules/conversations/notifications';

declare module 'fastify' {
  interface FastifyInstance {
    jobWorker: JobWorker;
  }
}

/** Runs the outbox worker in this process (every replica may; SKIP LOCKED keeps them apart). */
export default fp(
  async function jobs(app: FastifyInstance) {
    const worker = new JobWorker({
      db: app.database.db,
      log: app.log.child({ component: 'jobs' }),
      pollIntervalMs: app.config.jobs.pollIntervalMs,
      // Every kind has its handler here: a kind added without one fails to compile.
      handlers: {
        'mail.send': (message) => app.mailer.send(message),
        'conversation.notify': (payload) => notifyParticipant(app, payload.participant_id),
      } satisfies JobHandlers,
    });
    app.decorate('jobWorker', worker);
    if (!app.config.jobs.enabled) return;
    app.addHook('onReady', async () => worker.start());
    // Registered after the services plugin, so this runs before the database is closed.
    app.addHook('preClose', async () => worker.stop());
  },
  { name: 'jobs', dependencies: ['config'] },
);
