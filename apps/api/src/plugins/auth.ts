import jwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { resolveJwtSecret } from '../auth/jwt-secret';

/** Access tokens live 15 minutes (SECURITY.md); refresh tokens renew them. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'chambers';
const AUDIENCE = 'chambers-api';

/** What an access token names: the identity and the one membership the session acts as. */
export interface AccessClaims {
  sub: string;
  mid: string;
  fid: string;
  role: string;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

/** Signs and verifies access tokens: HS256 only, with issuer, audience and expiry checked. */
export default fp(
  async function auth(app: FastifyInstance) {
    const secret = await resolveJwtSecret(app.config.jwtSecret, app.config.dataDir);
    await app.register(jwt, {
      secret,
      sign: { algorithm: 'HS256', iss: ISSUER, aud: AUDIENCE, expiresIn: ACCESS_TOKEN_TTL_SECONDS },
      verify: { algorithms: ['HS256'], allowedIss: ISSUER, allowedAud: AUDIENCE },
    });
  },
  { name: 'auth', dependencies: ['config'] },
);
