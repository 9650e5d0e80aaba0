import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { createTestApp, type TestApp } from '../support/test-app';

const login = (t: TestApp, payload: object, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: ip });

describe('POST /api/v1/auth/login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
  });
  afterAll(() => t.close());

  it('opens a session as the identity’s membership with a short-lived, verifiable token', async () => {
    const response = await login(t, { email: 'Admin@Demo-Firm.test', password: 'chambers-demo' });
    expect(response.statusCode).toBe(200);
    const { data } = response.json();
    expect(data).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      membership: { firm_name: 'Demo Firm LLP', role: 'admin', portal: 'manage' },
    });
    const claims = t.app.jwt.verify<{ sub: string; mid: string; fid: string; exp: number; iat: number }>(
      data.access_token,
    );
    expect(claims.mid).toBe(data.membership.id);
    expect(claims.fid).toBe(data.membership.firm_id);
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await login(t, { email: 'admin@demo-firm.test', password: 'not-the-password' }, '10.0.0.2');
    const unknown = await login(
      t,
      { email: 'nobody@demo-firm.test', password: 'not-the-password' },
      '10.0.0.2',
    );
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('rejects unknown fields and malformed input with 400 and field errors', async () => {
    const extra = await login(
      t,
      { email: 'admin@demo-firm.test', password: 'chambers-demo', role: 'admin' },
      '10.0.0.3',
    );
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ code: 'validation_failed' });
    const badEmail = await login(t, { email: 'not-an-email', password: 'x' }, '10.0.0.3');
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors[0].path).toContain('email');
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await login(t, { email: 'admin@demo-firm.test', password: 'guess' }, '10.0.0.9')).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another address is not affected.
    expect(
      (await login(t, { email: 'admin@demo-firm.test', password: 'chambers-demo' }, '10.0.0.10')).statusCode,
    ).toBe(200);
  });
});
