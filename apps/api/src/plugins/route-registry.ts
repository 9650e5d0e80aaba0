import type { FastifyInstance, HTTPMethods } from 'fastify';
import fp from 'fastify-plugin';
import type { RoutePermission } from '../policy/route-permission';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered, with its declared permission: what the access tests enumerate. */
    routeRegistry: RegisteredRoute[];
  }
}

export default fp(
  async function routeRegistry(app: FastifyInstance) {
    const routes: RegisteredRoute[] = [];
    app.decorate('routeRegistry', routes);
    app.addHook('onRoute', (route) => {
      const methods = ([] as HTTPMethods[]).concat(route.method);
      for (const method of methods) {
        routes.push({ method, url: route.url, permission: route.config?.permission });
      }
    });
  },
  { name: 'route-registry' },
);
