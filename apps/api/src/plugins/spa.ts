import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './error-handler';

const appsDir = fileURLToPath(new URL('../../../', import.meta.url));

/** The two SPAs, each built by Vite into its own `dist/`. Connect comes first: its prefix is longer. */
const spas = [
  { name: 'connect', prefix: '/connect/', root: path.join(appsDir, 'connect', 'dist') },
  { name: 'manage', prefix: '/', root: path.join(appsDir, 'manage', 'dist') },
] as const;

/** Hashed asset names never change content; index.html must be revalidated so deploys show up. */
function cacheHeaders(reply: FastifyReply, filePath: string) {
  const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
  reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * Serves Manage at `/` and Connect at `/connect/` from their builds, with client-side routes
 * falling back to each app's index.html. Unknown `/api` paths answer problem+json 404.
 */
export default fp(
  async function spa(app: FastifyInstance) {
    const built = spas.filter((entry) => existsSync(path.join(entry.root, 'index.html')));
    for (const entry of spas) {
      if (!built.includes(entry)) {
        app.log.warn(`${entry.name} is not built (run "pnpm build"); ${entry.prefix} will answer 404`);
      }
    }
    built.forEach((entry, i) => {
      app.register(fastifyStatic, {
        root: entry.root,
        prefix: entry.prefix,
        decorateReply: i === 0,
        wildcard: true,
        index: 'index.html',
        setHeaders: cacheHeaders,
      });
    });

    app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      // A missing file (it has an extension) is a 404; any other path is a client-side route.
      const wantsPage =
        (request.method === 'GET' || request.method === 'HEAD') && !/\.[a-z0-9]+$/i.test(pathname);
      const target = wantsPage ? built.find((entry) => `${pathname}/`.startsWith(entry.prefix)) : undefined;
      if (!target || pathname.startsWith('/api')) {
        return sendProblem(request, reply, 'not_found', {
          detail: `No route for ${request.method} ${pathname}.`,
        });
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', target.root);
    });
  },
  { name: 'spa' },
);
