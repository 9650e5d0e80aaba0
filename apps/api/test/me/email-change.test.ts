import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { deliveredTo } from '../support/dev-mailbox';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

describe('changing the login email', () => {
  let t: TestApp;
  let ipCounter = 0;
  const nextIp = () => `10.30.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

  const request = (who: SignedIn, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/me/email_change',
      headers: who.auth,
      payload,
      remoteAddress: nextIp(),
    });
  const confirm = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/email_change/confirm',
      payload,
      remoteAddress: nextIp(),
    });
  const login = (email: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: DEMO_PASSWORD },
      remoteAddress: nextIp(),
    });

  /** The token of the newest confirmation link mailed to `address`. */
  async function linkTo(address: string): Promise<string> {
    const mails = await deliveredTo(t.app, address);
    const link = mails
      .map((mail) => mail.text.match(/\S+\/connect\/email-change\/([A-Za-z0-9_-]+)/))
      .find((match) => match !== null);
    if (!link?.[1]) throw new Error(`no confirmation link mailed to ${address}`);
    expect(link[0]).toBe(`${t.config.publicUrl}/connect/email-change/${link[1]}`);
    return link[1];
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
  });
  afterAll(() => t.close());

  it('refuses a wrong password with a field error, and changes and sends nothing', async () => {
    const staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    const response = await request(staff, { new_email: 'sam@new.test', current_password: 'not-my-password' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'body/current_password', message: 'is incorrect' }],
    });
    expect(await rows(sql`select id from email_changes`)).toEqual([]);
    expect(await deliveredTo(t.app, 'sam@new.test')).toEqual([]);
  });

  it('validates the body: unknown fields, a malformed address, the current address', async () => {
    const staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    const cases: [object, string][] = [
      [{ new_email: 'sam@new.test', current_password: DEMO_PASSWORD, identity_id: 'x' }, 'body'],
      [{ new_email: 'not an email', current_password: DEMO_PASSWORD }, 'body/new_email'],
      [{ new_email: 'sam@new.test' }, 'body'],
      [{ new_email: 'STAFF@demo-firm.test', current_password: DEMO_PASSWORD }, 'body/new_email'],
    ];
    for (const [payload, path] of cases) {
      const response = await request(staff, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorPaths(response)).toContain(path);
    }
    const confirmExtra = await confirm({ token: 'x', email: 'y' });
    expect(confirmExtra.statusCode).toBe(400);
  });

  it('mails a single-use link to the new address; confirming switches the login and tells the old address', async () => {
    const attorney = await signIn(t.app, 'attorney@demo-firm.test', { ip: nextIp() });
    const accepted = await request(attorney, {
      new_email: 'Ari@New-Firm.test',
      current_password: DEMO_PASSWORD,
    });
    expect(accepted.statusCode).toBe(202);
    expect(accepted.body).toBe('');

    // Nothing changes before the link is used.
    expect((await login('attorney@demo-firm.test')).statusCode).toBe(200);
    const token = await linkTo('ari@new-firm.test');
    const [pending] = await rows<{ token_hash: string; expires_at: string }>(
      sql`select token_hash, expires_at from email_changes`,
    );
    expect(pending?.token_hash).not.toContain(token);
    const ttl = new Date(String(pending?.expires_at)).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(23.9 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(24 * 3600_000);
    // A base64url token of 256 random bits.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const wrong = await confirm({ token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` });
    expect(wrong.statusCode).toBe(404);
    const unknown = await confirm({ token: 'nothing-like-a-real-token' });
    expect(unknown.statusCode).toBe(404);

    const confirmed = await confirm({ token });
    expect(confirmed.statusCode).toBe(204);

    const used = await confirm({ token });
    expect(used.statusCode).toBe(404);
    const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });
    expect(strip(used.json())).toEqual(strip(wrong.json()));

    expect((await login('Ari@New-Firm.test')).statusCode).toBe(200);
    expect((await login('attorney@demo-firm.test')).statusCode).toBe(401);
    // The session that asked keeps working and sees the new address.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: attorney.auth });
    expect(me.json().data.email).toBe('Ari@New-Firm.test');

    const notices = await deliveredTo(t.app, 'attorney@demo-firm.test');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.subject).toMatch(/login email was changed/);
    expect(notices[0]?.text).toContain('Ari@New-Firm.test');
    expect(notices[0]?.text).not.toMatch(/email-change\//);

    const audited = await rows<{ action: string; firm_id: string | null }>(
      sql`select action, firm_id from audit_events where action like 'identity.email_change%' order by id`,
    );
    expect(audited.map((row) => row.action)).toEqual([
      'identity.email_change_requested',
      'identity.email_changed',
    ]);
    expect(audited.every((row) => row.firm_id === attorney.membership.firm_id)).toBe(true);
  });

  it('answers the same for an address another account uses, but mails it a notice instead of a link', async () => {
    const staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    const free = await request(staff, { new_email: 'sam.free@new.test', current_password: DEMO_PASSWORD });
    const taken = await request(staff, {
      new_email: 'Admin@Demo-Firm.test',
      current_password: DEMO_PASSWORD,
    });
    expect(taken.statusCode).toBe(202);
    expect(taken.statusCode).toBe(free.statusCode);
    expect(taken.body).toBe(free.body);
    expect(taken.headers['content-type']).toBe(free.headers['content-type']);

    const toAdmin = await deliveredTo(t.app, 'admin@demo-firm.test');
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]?.subject).toMatch(/tried/);
    expect(toAdmin[0]?.text).not.toMatch(/http|email-change/);
    const pendingForAdmin = await rows(
      sql`select id from email_changes where lower(new_email) = 'admin@demo-firm.test'`,
    );
    expect(pendingForAdmin).toEqual([]);
    // The later request cancelled the earlier one: its link no longer works.
    const earlier = await linkTo('sam.free@new.test');
    expect((await confirm({ token: earlier })).statusCode).toBe(404);
    expect((await login('staff@demo-firm.test')).statusCode).toBe(200);
  });

  it('refuses an expired link', async () => {
    const staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    expect(
      (await request(staff, { new_email: 'sam.late@new.test', current_password: DEMO_PASSWORD })).statusCode,
    ).toBe(202);
    const token = await linkTo('sam.late@new.test');
    await t.database.db.execute(
      sql`update email_changes set expires_at = now() - interval '1 second' where new_email = 'sam.late@new.test'`,
    );
    expect((await confirm({ token })).statusCode).toBe(404);
    expect((await login('staff@demo-firm.test')).statusCode).toBe(200);
  });

  it('answers 409 when another account took the address before the link was used', async () => {
    const staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    expect(
      (await request(staff, { new_email: 'contested@new.test', current_password: DEMO_PASSWORD })).statusCode,
    ).toBe(202);
    const token = await linkTo('contested@new.test');
    await t.database.db.execute(
      sql`update identities set email = 'Contested@New.test' where email = 'client@client.test'`,
    );
    const response = await confirm({ token });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'conflict' });
    expect((await login('staff@demo-firm.test')).statusCode).toBe(200);
    await t.database.db.execute(
      sql`update identities set email = 'client@client.test' where email = 'Contested@New.test'`,
    );
  });

  it("does not rewrite the firm's contact card of an external who changes their login", async () => {
    const coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    expect(
      (await request(coCounsel, { new_email: 'cora@elsewhere.test', current_password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(202);
    expect((await confirm({ token: await linkTo('cora@elsewhere.test') })).statusCode).toBe(204);
    const cards = await rows<{ email: string }>(sql`select email from contacts where name = 'Cora Counsel'`);
    expect(cards).toEqual([{ email: 'cocounsel@outside-counsel.test' }]);
    expect((await login('cora@elsewhere.test')).statusCode).toBe(200);
  });

  it('limits requests per identity, since each one sends a mail', async () => {
    const morgan = await signIn(t.app, 'morgan@demo-firm.test', { ip: nextIp() });
    for (let i = 0; i < 5; i++) {
      expect(
        (await request(morgan, { new_email: `morgan${i}@new.test`, current_password: DEMO_PASSWORD }))
          .statusCode,
      ).toBe(202);
    }
    const limited = await request(morgan, { new_email: 'morgan5@new.test', current_password: DEMO_PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await deliveredTo(t.app, 'morgan5@new.test')).toEqual([]);
  });
});
