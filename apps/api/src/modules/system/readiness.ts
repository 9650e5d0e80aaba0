import type { Readiness } from '@chambers/contracts/system';
import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../db/database';

const CHECK_TIMEOUT_MS = 2_000;

async function passes(check: () => Promise<unknown>): Promise<'ok' | 'failing'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('check timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch {
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}

/** Ready when not shutting down and both the database and the blob store answer in time. */
export async function readiness(app: FastifyInstance): Promise<Readiness> {
  const [database, storage] = await Promise.all([
    passes(() => pingDatabase(app.database)),
    passes(() => app.blobs.check()),
  ]);
  const shuttingDown = app.lifecycle.shuttingDown;
  const ready = !shuttingDown && database === 'ok' && storage === 'ok';
  return {
    status: ready ? 'ready' : 'unavailable',
    checks: { database, storage, shutting_down: shuttingDown },
  };
}
