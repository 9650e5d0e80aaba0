import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

/** Routes the API reference plugin registers for its own static pages: public by nature. */
const isReferenceAsset = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

describe('route permissions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has a declared permission on every API and dev route', () => {
    const routes = t.app.routeRegistry.filter(
      (route) =>
        (route.url.startsWith('/api') || route.url.startsWith('/dev')) && !isReferenceAsset(route.url),
    );
    expect(routes.length).toBeGreaterThan(3);
    const undeclared = routes.filter((route) => route.permission === undefined);
    expect(undeclared).toEqual([]);
  });
});
