/**
 * What a route requires of its caller, declared on every route as `config.permission`.
 * `public` routes skip authentication; the permission vocabulary grows with the policy module.
 */
export type RoutePermission = 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}
