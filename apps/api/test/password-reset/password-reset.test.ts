import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { deliveredTo } from '../support/dev-mailbox';
import { errorPaths } from '../support/problems';
import { signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

describe('forgotten password', () => {
  let t: TestApp;
  let ipCounter = 0;
  const nextIp = () => `10.40.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

  const ask = (payload: object, ip = nextIp()) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password_reset', payload, remoteAddress: ip });
  const confirm = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password_reset/confirm',
      payload,
      remoteAddress: nextIp(),
    });
  const login = (email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: nextIp(),
    });

  /** The reset links mailed to `address`, newest first, as [full link, token]. */
  async function linksTo(address: string): Promise<[string, string][]> {
    const mails = await deliveredTo(t.app, address);
    return mails
      .map((mail) => mail.text.match(/\S+\/password-reset\/([A-Za-z0-9_-]+)/))
      .filter((match) => match !== null)
      .map((match) => [match[0], match[1] ?? '']);
  }
  async function tokenFor(address: string): Promise<string> {
    const [link] = await linksTo(address);
    if (!link) throw new Error(`no reset link mailed to ${address}`);
    return link[1];
  }
  const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
  });
  afterAll(() => t.close());

  it('answers a known and an unknown address alike; only the known one gets a link, valid an hour', async () => {
    const known = await ask({ email: 'Staff@Demo-Firm.test' });
    const unknown = await ask({ email: 'nobody@demo-firm.test' });
    for (const response of [known, unknown]) {
      expect(response.statusCode).toBe(202);
      expect(response.body).toBe('');
    }
    expect(await deliveredTo(t.app, 'nobody@demo-firm.test')).toEqual([]);

    const mails = await deliveredTo(t.app, 'staff@demo-firm.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Reset your Chambers password');
    const [[link, token] = ['', '']] = await linksTo('staff@demo-firm.test');
    // Staff sign in to Manage, served at the root.
    expect(link).toBe(`${t.config.publicUrl}/password-reset/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stored = await rows<{ token_hash: string; expires_at: string; used_at: string | null }>(
      sql`select token_hash, expires_at, used_at from password_resets`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
    expect(stored[0]?.used_at).toBeNull();
    const ttl = new Date(String(stored[0]?.expires_at)).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(59 * 60_000);
    expect(ttl).toBeLessThanOrEqual(3600_000);
  });

  it('opens the app of the account used last, unless the request names one', async () => {
    await ask({ email: 'cocounsel@outside-counsel.test' });
    const [[connectLink = ''] = []] = await linksTo('cocounsel@outside-counsel.test');
    expect(connectLink).toMatch(new RegExp(`^${t.config.publicUrl}/connect/password-reset/`));

    await ask({ email: 'cocounsel@outside-counsel.test', app: 'manage' });
    const links = await linksTo('cocounsel@outside-counsel.test');
    expect(links.some(([link]) => link.startsWith(`${t.config.publicUrl}/password-reset/`))).toBe(true);
  });

  it('validates the body', async () => {
    const cases: [object, string][] = [
      [{ email: 'not an email' }, 'body/email'],
      [{ email: 'staff@demo-firm.test', app: 'elsewhere' }, 'body/app'],
      [{ email: 'staff@demo-firm.test', identity_id: 'x' }, 'body'],
      [{}, 'body'],
    ];
    for (const [payload, path] of cases) {
      const response = await ask(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorPaths(response)).toContain(path);
    }
    expect((await confirm({ token: 'x', password: 'long enough pass', email: 'y' })).statusCode).toBe(400);
  });

  it('sets the password once per link, ends every session, tells the owner and each firm', async () => {
    const email = 'morgan@demo-firm.test';
    const phone = await signIn(t.app, email, { ip: nextIp() });
    const laptop = await signIn(t.app, email, { ip: nextIp() });
    await ask({ email });
    const token = await tokenFor(email);

    // Until the link is used, the old password works.
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(200);

    const done = await confirm({ token, password: 'a brand new passphrase' });
    expect(done.statusCode).toBe(204);
    expect((await login(email, 'a brand new passphrase')).statusCode).toBe(200);
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(401);

    for (const session of [phone, laptop]) {
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.auth });
      expect(me.statusCode).toBe(401);
      const renewed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        headers: { cookie: session.cookie },
        remoteAddress: nextIp(),
      });
      expect(renewed.statusCode).toBe(401);
    }

    const again = await confirm({ token, password: 'another new passphrase' });
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().detail).toBe('This link is no longer valid.');
    const unknown = await confirm({ token: 'nothing-like-a-real-token', password: 'another new passphrase' });
    expect(strip(unknown.json())).toEqual(strip(again.json()));
    expect((await login(email, 'another new passphrase')).statusCode).toBe(401);

    const notices = (await deliveredTo(t.app, email)).filter((mail) =>
      /password was changed/.test(mail.subject),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).not.toMatch(/password-reset\//);

    // Morgan works with two firms: each one's log records the change.
    const audited = await rows<{ firm_id: string; details: { via?: string } }>(
      sql`select firm_id, details from audit_events where action = 'identity.password_changed'
          and object_id = (select id from identities where email = ${email})`,
    );
    expect(new Set(audited.map((row) => row.firm_id)).size).toBe(2);
    expect(audited.every((row) => row.details.via === 'password_reset_link')).toBe(true);
  });

  it('keeps only the newest link alive, and refuses an expired one', async () => {
    const email = 'attorney@demo-firm.test';
    await ask({ email });
    const first = await tokenFor(email);
    await ask({ email });
    const second = await tokenFor(email);
    expect(second).not.toBe(first);
    expect((await confirm({ token: first, password: 'a brand new passphrase' })).statusCode).toBe(404);

    await t.database.db.execute(
      sql`update password_resets set expires_at = now() - interval '1 second' where used_at is null`,
    );
    expect((await confirm({ token: second, password: 'a brand new passphrase' })).statusCode).toBe(404);
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('applies the password rules, and a refused password does not spend the link', async () => {
    const email = 'client@client.test';
    await ask({ email });
    const token = await tokenFor(email);
    for (const [password, message] of [
      ['short', 'must be 8 to 128 characters'],
      ['x'.repeat(129), 'must be 8 to 128 characters'],
      ['password123', 'is too common'],
    ] as const) {
      const refused = await confirm({ token, password });
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'body/password', message }],
      });
    }
    expect((await confirm({ token, password: 'ünïcödé passphrase' })).statusCode).toBe(204);
    expect((await login(email, 'ünïcödé passphrase')).statusCode).toBe(200);
  });

  it('limits requests per address, and stops mailing an account after five links an hour without saying so', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await ask({ email: `probe${i}@nowhere.test` }, ip)).statusCode);
    expect(statuses.slice(0, 10).every((status) => status === 202)).toBe(true);
    expect(statuses[10]).toBe(429);

    const email = 'admin@harbor-vale.test';
    for (let i = 0; i < 7; i++) expect((await ask({ email })).statusCode).toBe(202);
    expect(await linksTo(email)).toHaveLength(5);
  });

  it('mails nobody whose every account was deactivated', async () => {
    await t.database.db.execute(
      sql`update memberships set status = 'deactivated'
          where identity_id = (select id from identities where email = 'cocounsel@outside-counsel.test')`,
    );
    const before = (await linksTo('cocounsel@outside-counsel.test')).length;
    expect((await ask({ email: 'cocounsel@outside-counsel.test' })).statusCode).toBe(202);
    expect(await linksTo('cocounsel@outside-counsel.test')).toHaveLength(before);
  });
});
