import { Problem } from '@chambers/contracts/problem';
import { ref, type SharedSchema } from '@chambers/contracts/schema-ref';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';

/** Documents (and bounds) the header the idempotency plugin reads. */
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      description:
        'Makes a retry safe: the first answer is replayed for 24 hours to the same request with the same key.',
    }),
  ),
});

/**
 * Registers the shared schemas (each once, by `$id`) and generates the OpenAPI 3.1 document from
 * the route schemas. Component names are the schemas' `$id`s, so they stay stable.
 */
export default fp(
  async function openapi(app: FastifyInstance, options: { schemas: SharedSchema[] }) {
    for (const schema of [Problem, ...options.schemas]) app.addSchema(schema);

    // The documented security requirement follows the declared permission, so the two never disagree.
    app.addHook('onRoute', (route) => {
      if (!route.schema || route.config?.permission === undefined) return;
      // The conditional-requests plugin's answers, documented on every route it applies to.
      const conditional =
        !route.url.startsWith('/api/v1/') || route.schema.hide
          ? {}
          : route.method === 'GET'
            ? { 304: { description: 'Not modified: the If-None-Match ETag is current.', type: 'null' } }
            : route.method === 'PATCH' || route.method === 'DELETE'
              ? { 412: ref(Problem) }
              : {};
      // The idempotency plugin's header and answers, on the POSTs it applies to.
      const idempotent =
        route.method === 'POST' &&
        route.url.startsWith('/api/v1/') &&
        route.config.permission !== 'public' &&
        !route.config.sessionOnly &&
        !route.config.answersSecret &&
        !route.schema.headers;
      route.schema = {
        ...route.schema,
        security: route.config.permission === 'public' ? [] : [{ bearerAuth: [] }],
        ...(idempotent ? { headers: IdempotencyHeaders } : {}),
        ...(route.schema.response
          ? {
              response: {
                ...conditional,
                ...(idempotent ? { 409: ref(Problem), 422: ref(Problem) } : {}),
                ...(route.schema.response as object),
              },
            }
          : {}),
      };
    });

    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Chambers API',
          version: '1.0.0',
          description:
            'The REST API of Chambers, used by the Manage and Connect apps and by integrators. ' +
            'Conventions: JSON with snake_case fields, `{data}` envelopes, cursor pagination, ' +
            'RFC 9457 problem details for every error.',
        },
        servers: [{ url: '/' }],
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT or API token' },
          },
        },
        security: [{ bearerAuth: [] }],
      },
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) =>
          typeof json.$id === 'string' ? json.$id : `def-${i}`,
      },
    });

    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      uiConfig: { docExpansion: 'list', deepLinking: true },
    });

    app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () =>
      app.swagger(),
    );
  },
  { name: 'openapi' },
);
