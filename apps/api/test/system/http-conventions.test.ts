import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

describe('HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { CORS_ORIGINS: 'https://app.example.com', TRUST_PROXY: 'true' },
      prepare(app) {
        app.get('/api/v1/test/explode', { config: { permission: 'public' } }, async () => {
          throw new Error('secret internal detail at /srv/chambers');
        });
        app.post('/api/v1/test/echo', { config: { permission: 'public' } }, async (request) => ({
          data: request.body,
        }));
      },
    });
  });
  afterAll(() => t.close());

  it('answers an unknown API route with a problem+json 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({
      type: 'urn:chambers:problem:not_found',
      status: 404,
      code: 'not_found',
      request_id: response.headers['x-request-id'],
    });
  });

  it('hides the internals of an unexpected error behind a 500', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/test/explode' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'internal', status: 500 });
    expect(response.body).not.toContain('secret internal detail');
    expect(response.body).not.toContain('/srv/chambers');
    expect(response.body).not.toMatch(/at .*\.ts/);
  });

  it('sets the security headers on every response and no-store on the API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS only when the request came over TLS', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('allows only configured CORS origins', async () => {
    const allowed = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://app.example.com' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('carries RateLimit headers on API responses', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.headers['ratelimit-limit']).toBe(String(t.config.rateLimit.max));
    expect(Number(response.headers['ratelimit-remaining'])).toBeLessThan(t.config.rateLimit.max);
    expect(response.headers['ratelimit-reset']).toBeDefined();
  });

  it('rejects malformed JSON with 400 and oversized bodies with 413', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'bad_request' });

    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('refuses prototype-poisoning payloads', async () => {
    for (const payload of [
      '{"__proto__": {"admin": true}}',
      '{"constructor": {"prototype": {"admin": true}}}',
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/test/echo',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'whatever',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'unsupported_media_type' });
  });
});

describe('rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once a client exceeds the limit, but never limits liveness', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(limited.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('rate limit exemptions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_EXEMPT: '10.0.0.7' } });
  });
  afterAll(() => t.close());

  it('never limits an exempt address, neither globally nor on sign-in, and still limits the others', async () => {
    let attempt = 0;
    // A new address each time: failures per account are counted apart from the rate limits.
    const login = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { email: `nobody.${++attempt}@example.test`, password: 'not-a-password' },
      });
    const exempt: number[] = [];
    // Past sign-in's own limit (20 a minute, which replaces the global 3 on that route).
    for (let i = 0; i < 25; i++) exempt.push((await login('10.0.0.7')).statusCode);
    expect(new Set(exempt)).toEqual(new Set([401]));
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/ready', remoteAddress: '10.0.0.7' })).statusCode,
      ).toBe(200);
    }

    const other: number[] = [];
    for (let i = 0; i < 21; i++) other.push((await login('10.0.0.8')).statusCode);
    expect(other).toEqual([...Array<number>(20).fill(401), 429]);
  });
});
