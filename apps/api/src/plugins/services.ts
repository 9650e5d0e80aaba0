import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import type { Mailer } from '../mail/mailer';
import type { BlobStore } from '../storage/blob-store';

/** What the app runs on, built by the server entry (or a test) and handed to `buildApp`. */
export interface Services {
  config: Config;
  database: Database;
  blobs: BlobStore;
  mailer: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    blobs: BlobStore;
    mailer: Mailer;
  }
}

/**
 * Decorates the app with its services and closes them when the app closes, after in-flight
 * requests have finished (onClose runs once the server stopped accepting and drained).
 */
export default fp(
  async function servicesPlugin(app: FastifyInstance, services: Services) {
    app.decorate('config', services.config);
    app.decorate<Database>('database', services.database);
    app.decorate('blobs', services.blobs);
    app.decorate('mailer', services.mailer);
    app.addHook('onClose', async () => {
      await Promise.allSettled([services.mailer.close(), services.blobs.close()]);
      await services.database.close();
    });
  },
  { name: 'config' },
);
