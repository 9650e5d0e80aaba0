import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error';

/**
 * Headers on every response (CSP, nosniff, Referrer-Policy; HSTS only over TLS), CORS for the
 * configured origins only, `Cache-Control: no-store` on the API, and a global per-client rate
 * limit with the RateLimit-* headers on every API response.
 */
export default fp(
  async function security(app: FastifyInstance) {
    const { config } = app;
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine sets CSS variables and positions through inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          // Document previews: a PDF fetched with the session's token is shown from a `blob:` URL.
          frameSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      // Sent below only when the request came over TLS.
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
    });

    await app.register(cors, {
      origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
      credentials: true,
      exposedHeaders: [
        'Location',
        'ETag',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'Retry-After',
        // Downloads: the file's name and the part of it a range request got.
        'Content-Disposition',
        'Content-Range',
        'Accept-Ranges',
      ],
    });

    await app.register(rateLimit, {
      max: config.rateLimit.max,
      timeWindow: config.rateLimit.windowSeconds * 1000,
      enableDraftSpec: true,
      // The SPAs' static files and the health probes are not API calls; exempt clients are trusted.
      // Routes' own limits (sign-in, tokens) inherit this list.
      allowList: (request) =>
        !request.url.startsWith('/api/') ||
        request.url.startsWith('/api/health') ||
        config.rateLimit.exempt.includes(request.ip),
      errorResponseBuilder: (_request, context) =>
        new AppError('rate_limited', `Rate limit exceeded; retry in ${context.after}.`, {
          headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
        }),
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
        reply.header('cache-control', 'no-store');
      }
      if (request.protocol === 'https') {
        reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
      }
      reply.header('x-request-id', request.id);
      return payload;
    });
  },
  { name: 'security', dependencies: ['config'] },
);
