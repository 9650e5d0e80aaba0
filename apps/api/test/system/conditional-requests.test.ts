import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

describe('conditional requests (ETag, If-None-Match, If-Match)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
  });
  afterAll(() => t.close());

  it('tags a resource, answers 304 while it is unchanged, and a new tag once it changes', async () => {
    const session = await signIn(t.app, 'attorney@demo-firm.test', { ip: '10.11.0.1' });
    const read = (headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { ...session.auth, ...headers } });

    const first = await read();
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const unchanged = await read({ 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect((await read({ 'if-none-match': `W/${etag}` })).statusCode).toBe(304);

    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: session.auth,
      payload: { name: 'Ari Renamed' },
    });
    const changed = await read({ 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('applies a PATCH only when If-Match names the current version; a stale one gets 412 and changes nothing', async () => {
    const session = await signIn(t.app, 'staff@demo-firm.test', { ip: '10.11.0.2' });
    const read = () => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.auth });
    const patch = (ifMatch: string, name: string) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { ...session.auth, 'if-match': ifMatch },
        payload: { name },
      });

    const seen = String((await read()).headers.etag);
    expect((await patch(seen, 'First Writer')).statusCode).toBe(200);
    const stale = await patch(seen, 'Second Writer');
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'precondition_failed', status: 412 });
    expect((await read()).json().data.name).toBe('First Writer');

    const current = String((await read()).headers.etag);
    expect((await patch(current, 'Second Writer')).statusCode).toBe(200);
    expect((await patch('*', 'Anyone')).statusCode).toBe(200);
  });

  it('guards DELETE the same way', async () => {
    const session = await signIn(t.app, 'admin@demo-firm.test', { ip: '10.11.0.3' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api_tokens',
      headers: session.auth,
      payload: { name: 'conditional test' },
    });
    expect(created.statusCode).toBe(201);
    const url = String(created.headers.location);
    const etag = String((await t.app.inject({ method: 'GET', url, headers: session.auth })).headers.etag);
    const remove = (ifMatch: string) =>
      t.app.inject({ method: 'DELETE', url, headers: { ...session.auth, 'if-match': ifMatch } });
    expect((await remove('"not-the-current-version"')).statusCode).toBe(412);
    expect((await t.app.inject({ method: 'GET', url, headers: session.auth })).statusCode).toBe(200);
    expect((await remove(etag)).statusCode).toBe(204);
  });
});
