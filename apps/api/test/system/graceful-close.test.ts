import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

describe('closing the app', () => {
  let t: TestApp;
  let release: (() => void) | null = null;
  beforeAll(async () => {
    t = await createTestApp({
      prepare(app) {
        app.get('/api/v1/test/slow', { config: { permission: 'public' } }, async () => {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return { data: 'finished' };
        });
      },
    });
  });
  afterAll(() => t.close());

  it('lets an in-flight request finish before the database closes', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${address}/api/v1/test/slow`);
    await expect.poll(() => release !== null, { timeout: 5000 }).toBe(true);

    let closed = false;
    const closing = t.app.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);

    release?.();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: 'finished' });
    await closing;
    expect(closed).toBe(true);
  });
});
