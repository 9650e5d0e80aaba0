import { sql } from 'drizzle-orm';
import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { sessionFrom, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

const login = (t: TestApp, payload: object, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: ip });
const me = (t: TestApp, token: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
const refresh = (t: TestApp, cookie: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie, ...headers } });

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
  });
  afterAll(() => t.close());

  it('signs in with a 15-minute token naming identity, membership and session, and a strict refresh cookie', async () => {
    const response = await login(t, { email: 'Admin@Demo-Firm.test', password: DEMO_PASSWORD });
    expect(response.statusCode).toBe(200);
    const { data } = response.json();
    expect(data).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      membership: { firm_name: 'Demo Firm LLP', role: 'admin', portal: 'manage' },
    });
    const claims = t.app.jwt.verify<{
      sub: string;
      mid: string;
      sid: string;
      exp: number;
      iat: number;
      aud: string;
      iss: string;
    }>(data.access_token);
    expect(claims).toMatchObject({ mid: data.membership.id, aud: 'chambers-api', iss: 'chambers' });
    expect(claims.exp - claims.iat).toBe(900);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^chambers_refresh=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/v1/auth');
    expect((await me(t, data.access_token)).json().data).toMatchObject({
      email: 'admin@demo-firm.test',
      name: 'Avery Admin',
    });
  });

  it('answers a wrong password and an unknown email identically, and logs both failures', async () => {
    const wrong = await login(t, { email: 'staff@demo-firm.test', password: 'not-the-password' }, '10.0.0.2');
    const unknown = await login(
      t,
      { email: 'nobody@demo-firm.test', password: 'not-the-password' },
      '10.0.0.2',
    );
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    const logged = await t.database.db.execute(
      sql`select subject from audit_events where action = 'auth.login_failed' order by id`,
    );
    expect((logged as unknown as { rows: { subject: string }[] }).rows.map((row) => row.subject)).toEqual(
      expect.arrayContaining(['staff@demo-firm.test', 'nobody@demo-firm.test']),
    );
  });

  it('rejects unknown fields and malformed input with 400', async () => {
    const extra = await login(
      t,
      { email: 'admin@demo-firm.test', password: DEMO_PASSWORD, role: 'admin' },
      '10.0.0.3',
    );
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ code: 'validation_failed' });
    const badEmail = await login(t, { email: 'not-an-email', password: 'x' }, '10.0.0.3');
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors[0].path).toContain('email');
  });

  it('locks one account for a while after 10 failures from anywhere, without touching other accounts', async () => {
    for (let i = 0; i < 10; i++) {
      expect(
        (await login(t, { email: 'attorney@demo-firm.test', password: 'guess' }, `10.1.0.${i}`)).statusCode,
      ).toBe(401);
    }
    const locked = await login(t, { email: 'attorney@demo-firm.test', password: DEMO_PASSWORD }, '10.1.1.1');
    expect(locked.statusCode).toBe(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(
      (await login(t, { email: 'admin@demo-firm.test', password: DEMO_PASSWORD }, '10.1.1.1')).statusCode,
    ).toBe(200);
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (await login(t, { email: `probe${i}@demo-firm.test`, password: 'guess' }, '10.0.0.9')).statusCode,
      );
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('refuses requests without a token, with a forged, tampered, unsigned or expired token', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');

    const { token } = await signIn(t.app, 'staff@demo-firm.test', { ip: '10.2.0.1' });
    const claims = t.app.jwt.decode<Record<string, unknown>>(token) ?? {};
    const forged = createSigner({ key: 'another-secret-of-sufficient-length-0123456789' })({
      ...claims,
      exp: undefined,
    });
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, mid: '0190a000-0000-7000-8000-000000000000' })).toString('base64url')}.${signature}`;
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const expired = t.app.jwt.sign(
      { sub: String(claims.sub), mid: String(claims.mid), sid: String(claims.sid) },
      { expiresIn: 1 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (const bad of [forged, tampered, unsigned, expired, 'not-a-jwt']) {
      const response = await me(t, bad);
      expect(response.statusCode, bad.slice(0, 20)).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('rotates the refresh cookie, and a replayed old cookie ends the whole session', async () => {
    const first = await signIn(t.app, 'staff@demo-firm.test', { ip: '10.3.0.1' });
    const rotated = await refresh(t, first.cookie);
    expect(rotated.statusCode).toBe(200);
    const second = sessionFrom(rotated);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await me(t, second.token)).statusCode).toBe(200);

    const replay = await refresh(t, first.cookie);
    expect(replay.statusCode).toBe(401);
    // The thief's replay revoked the family: the legitimate holder's tokens die too.
    expect((await refresh(t, second.cookie)).statusCode).toBe(401);
    expect((await me(t, second.token)).statusCode).toBe(401);
    const replays = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'auth.refresh_replayed'`,
    );
    expect((replays as unknown as { rows: { n: number }[] }).rows[0]?.n).toBeGreaterThan(0);
  });

  it('refuses a cross-site refresh (CSRF) and a refresh without a cookie', async () => {
    const session = await signIn(t.app, 'staff@demo-firm.test', { ip: '10.3.0.2' });
    const crossSite = await refresh(t, session.cookie, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.statusCode).toBe(403);
    expect((await refresh(t, session.cookie)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh' })).statusCode).toBe(401);
  });

  it('signs out: the access token and the refresh cookie stop working at once', async () => {
    const session = await signIn(t.app, 'staff@demo-firm.test', { ip: '10.3.0.3' });
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/chambers_refresh=;/);
    expect((await me(t, session.token)).statusCode).toBe(401);
    expect((await refresh(t, session.cookie)).statusCode).toBe(401);
  });

  it('switches between the accounts of one identity without a password, and only to those', async () => {
    const morgan = await signIn(t.app, 'morgan@demo-firm.test', { ip: '10.4.0.1' });
    const accounts = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/memberships',
      headers: morgan.auth,
    });
    expect(accounts.statusCode).toBe(200);
    const list: { id: string; firm_name: string; portal: string }[] = accounts.json().data;
    expect(list.map((account) => account.firm_name).sort()).toEqual(['Demo Firm LLP', 'Harbor & Vale LLP']);
    const other = list.find((account) => account.id !== morgan.membership.id);
    if (!other) throw new Error('morgan has two accounts');

    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch',
      headers: morgan.auth,
      payload: { membership_id: other.id },
    });
    expect(switched.statusCode).toBe(200);
    const next = sessionFrom(switched);
    expect(next.membership).toMatchObject({ id: other.id, firm_name: other.firm_name });
    expect((await me(t, next.token)).json().data.membership.id).toBe(other.id);
    expect((await me(t, morgan.token)).statusCode).toBe(401);

    // Another identity's membership, or a made-up one, is simply not found.
    const admin = await signIn(t.app, 'admin@demo-firm.test', { ip: '10.4.0.2' });
    for (const membershipId of [admin.membership.id, '0190a000-0000-7000-8000-000000000009']) {
      const denied = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/switch',
        headers: next.auth,
        payload: { membership_id: membershipId },
      });
      expect(denied.statusCode).toBe(404);
    }
    expect((await me(t, admin.token)).json().data.membership.id).toBe(admin.membership.id);
  });

  it('ends the sessions of a deactivated membership at once', async () => {
    const session = await signIn(t.app, 'client@client.test', { ip: '10.5.0.1' });
    expect((await me(t, session.token)).statusCode).toBe(200);
    await t.database.db.execute(
      sql`update memberships set status = 'deactivated' where id = ${session.membership.id}`,
    );
    expect((await me(t, session.token)).statusCode).toBe(401);
    expect((await refresh(t, session.cookie)).statusCode).toBe(401);
    expect(
      (await login(t, { email: 'client@client.test', password: DEMO_PASSWORD }, '10.5.0.2')).statusCode,
    ).toBe(401);
  });
});
