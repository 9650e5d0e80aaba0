import type { Permission } from './permissions';

/**
 * What a route requires of its caller, declared on every route as `config.permission`:
 * `public` routes skip authentication; any other permission needs a principal whose role
 * holds it (see `permissions.ts`), otherwise the route answers 404.
 */
export type RoutePermission = 'public' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /**
     * Managing credentials (switching account, changing the password or login email, minting API
     * tokens) needs a person's session: an API token calling such a route gets 403.
     */
    sessionOnly?: boolean;
    /** The answer carries a secret (a feed URL): never kept for Idempotency-Key replays. */
    answersSecret?: boolean;
  }
}
