import { ref } from '@chambers/contracts/schema-ref';
import { Health, Readiness } from '@chambers/contracts/system';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { readiness } from './readiness';

/** Liveness and readiness probes for load balancers and orchestrators. */
const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        operationId: 'getHealth',
        tags: ['System'],
        summary: 'Liveness: the process is up and serving',
        response: { 200: ref(Health) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      config: { permission: 'public' },
      schema: {
        operationId: 'getReadiness',
        tags: ['System'],
        summary: 'Readiness: the database and blob store are reachable and the process is not shutting down',
        response: { 200: ref(Readiness), 503: ref(Readiness) },
      },
    },
    async (_request, reply) => {
      const result = await readiness(app);
      return reply.code(result.status === 'ready' ? 200 : 503).send(result);
    },
  );
};

export default systemRoutes;
