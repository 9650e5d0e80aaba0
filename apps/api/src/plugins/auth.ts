import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { resolveJwtSecret } from '../auth/jwt-secret';

/** Access tokens live 15 minutes (SECURITY.md); the refresh cookie renews them. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'chambers';
const AUDIENCE = 'chambers-api';

/** What an access token names: the identity, the membership it acts as, and its session. */
export interface AccessClaims {
  sub: string;
  mid: string;
  sid: string;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

/** Signs and verifies access tokens (HS256 only; issuer, audience and expiry checked) and reads cookies. */
export default fp(
  async function auth(app: FastifyInstance) {
    const secret = await resolveJwtSecret(app.config.jwtSecret, app.config.dataDir);
    await app.register(cookie);
    await app.register(jwt, {
      secret,
      sign: { algorithm: 'HS256', iss: ISSUER, aud: AUDIENCE, expiresIn: ACCESS_TOKEN_TTL_SECONDS },
      verify: { algorithms: ['HS256'], allowedIss: ISSUER, allowedAud: AUDIENCE },
    });
  },
  { name: 'auth', dependencies: ['config'] },
);
