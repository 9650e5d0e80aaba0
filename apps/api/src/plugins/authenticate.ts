import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import { API_TOKEN_PREFIX, principalFromApiToken } from '../modules/api-tokens/service';
import { findLiveSession } from '../modules/auth/repository';
import { hasPermission } from '../policy/permissions';

const unauthenticated = (detail: string) =>
  new AppError('unauthenticated', detail, { headers: { 'www-authenticate': 'Bearer' } });

async function principalFrom(app: FastifyInstance, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer ([A-Za-z0-9._~+/=-]+)$/);
  if (!match?.[1]) throw unauthenticated('Send an access token: Authorization: Bearer <token>.');
  if (match[1].startsWith(API_TOKEN_PREFIX)) {
    // An integrator's token: checked on every request, so revocation and expiry hold at once.
    const principal = await principalFromApiToken(app.database.db, match[1]);
    if (!principal) throw unauthenticated('The API token is invalid, expired or revoked.');
    return principal;
  }
  let claims: { sub: string; mid: string; sid: string };
  try {
    claims = app.jwt.verify(match[1]);
  } catch {
    throw unauthenticated('The access token is invalid or has expired.');
  }
  // Checked on every request, so a revoked session or a deactivated membership stops at once.
  const live = await findLiveSession(app.database.db, claims.sid);
  if (!live || live.membership.id !== claims.mid || live.session.identityId !== claims.sub) {
    throw unauthenticated('The session has ended; sign in again.');
  }
  return {
    identityId: live.session.identityId,
    membershipId: live.membership.id,
    firmId: live.membership.firmId,
    role: live.membership.role,
    contactId: live.membership.contactId,
    sessionId: live.session.id,
    apiTokenId: null,
  };
}

/**
 * Authentication happens once, here: every route that is not `public` gets `request.principal`
 * or a 401. A principal whose role lacks the route's permission is told the route is not found.
 * An API route that declares no permission is closed (the route-permission test names it).
 */
export default fp(
  async function authenticate(app: FastifyInstance) {
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      const permission = request.routeOptions.config?.permission;
      if (permission === 'public') return;
      if (permission === undefined) {
        // CORS preflights are answered by the CORS plugin's own route.
        if (request.url.startsWith('/api/v1/') && request.method !== 'OPTIONS')
          throw new AppError('not_found');
        return;
      }
      const principal = await principalFrom(app, request);
      // Set before the checks, so the external audit knows who was refused.
      request.principal = principal;
      if (!hasPermission(principal, permission)) throw new AppError('not_found');
      if (request.routeOptions.config.sessionOnly && principal.apiTokenId) {
        throw new AppError('forbidden', 'API tokens cannot manage credentials; sign in to do this.');
      }
    });
  },
  { name: 'authenticate', dependencies: ['auth', 'config'] },
);

/** The principal of a non-public route (the hook guarantees it). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated');
  return request.principal;
}
