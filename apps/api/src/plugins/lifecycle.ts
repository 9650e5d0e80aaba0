import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface Lifecycle {
  /** True from the moment shutdown begins: readiness answers 503 so load balancers stop routing here. */
  readonly shuttingDown: boolean;
  beginShutdown(): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle;
  }
}

export default fp(
  async function lifecycle(app: FastifyInstance) {
    let shuttingDown = false;
    app.decorate('lifecycle', {
      get shuttingDown() {
        return shuttingDown;
      },
      beginShutdown() {
        shuttingDown = true;
      },
    });
    app.addHook('preClose', async () => {
      shuttingDown = true;
    });
    // While draining, each response closes its connection: keep-alive sockets would otherwise hold
    // the server open after the in-flight requests finished, and clients reconnect elsewhere.
    app.addHook('onSend', async (_request, reply, payload) => {
      if (shuttingDown) reply.header('connection', 'close');
      return payload;
    });
  },
  { name: 'lifecycle' },
);
