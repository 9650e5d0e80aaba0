import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { errorPaths } from '../support/problems';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('API tokens', () => {
  let t: TestApp;
  let admin: SignedIn;
  let staff: SignedIn;
  let ipCounter = 0;
  /** A fresh client address per call, so the per-address creation limit only bites where tested. */
  const nextIp = () => `10.20.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

  const create = (who: SignedIn | { auth: Record<string, string> }, payload: object, ip = nextIp()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/api_tokens',
      headers: who.auth,
      payload,
      remoteAddress: ip,
    });

  async function createToken(who: SignedIn, name: string, extra: object = {}) {
    const response = await create(who, { name, ...extra });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data as { id: string; secret: string; prefix: string; name: string };
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
  });
  afterAll(() => t.close());

  it('creates a token whose secret is shown once and stored only as a hash', async () => {
    const expiresAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    const response = await create(admin, { name: 'Billing sync', expires_at: expiresAt });
    expect(response.statusCode).toBe(201);
    const { data } = response.json();
    expect(data.secret).toMatch(/^chm_[A-Za-z0-9_-]{43}$/);
    expect(data).toMatchObject({
      name: 'Billing sync',
      prefix: data.secret.slice(0, 10),
      last_used_at: null,
    });
    expect(new Date(data.expires_at).toISOString()).toBe(expiresAt);
    expect(response.headers.location).toBe(`/api/v1/api_tokens/${data.id}`);

    const [stored] = await rows<Record<string, unknown>>(sql`select * from api_tokens where id = ${data.id}`);
    expect(stored?.token_hash).toBe(createHash('sha256').update(data.secret).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(data.secret.slice(10));

    const audited = await rows<{ action: string; actor_membership_id: string }>(
      sql`select action, actor_membership_id from audit_events where object_id = ${data.id}`,
    );
    expect(audited).toEqual([{ action: 'api_token.created', actor_membership_id: admin.membership.id }]);
  });

  it('authenticates as the membership that made it, stamping last_used_at at most once a minute', async () => {
    const token = await createToken(admin, 'Reporting');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token.secret) });
    expect(me.statusCode).toBe(200);
    expect(me.json().data).toMatchObject({
      email: 'admin@demo-firm.test',
      membership: { id: admin.membership.id, role: 'admin' },
    });
    // It holds its membership's permissions: an admin's token reads the audit log.
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit_events',
      headers: bearer(token.secret),
    });
    expect(audit.statusCode).toBe(200);

    const stamp = async () =>
      (
        await rows<{ last_used_at: string | null }>(
          sql`select last_used_at from api_tokens where id = ${token.id}`,
        )
      )[0]?.last_used_at;
    const first = await stamp();
    expect(first).not.toBeNull();
    await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token.secret) });
    expect(await stamp()).toEqual(first);
    await t.database.db.execute(
      sql`update api_tokens set last_used_at = now() - interval '2 minutes' where id = ${token.id}`,
    );
    const older = await stamp();
    await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token.secret) });
    expect(new Date(String(await stamp())).getTime()).toBeGreaterThan(new Date(String(older)).getTime());

    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/api_tokens', headers: admin.auth });
    const entry = listed.json().data.find((item: { id: string }) => item.id === token.id);
    expect(entry.last_used_at).not.toBeNull();
  });

  it("lists only the caller's membership's tokens, newest first, paged, never with a secret", async () => {
    const secrets: string[] = [];
    for (const name of ['one', 'two', 'three'])
      secrets.push((await createToken(staff, `staff ${name}`)).secret);
    const seen: { name: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({
        method: 'GET',
        url: `/api/v1/api_tokens?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: staff.auth,
      });
      expect(response.statusCode).toBe(200);
      for (const secret of secrets) expect(response.body).not.toContain(secret.slice(10));
      expect(response.body).not.toMatch(/secret|token_hash/);
      const page: { data: { name: string }[]; meta: { next_cursor: string | null } } = response.json();
      seen.push(...page.data);
      cursor = page.meta.next_cursor;
      pages += 1;
    } while (cursor && pages < 5);
    expect(pages).toBe(2);
    expect(seen.map((item) => item.name)).toEqual(['staff three', 'staff two', 'staff one']);
    expect(Object.keys(seen[0] ?? {}).sort()).toEqual(
      ['created_at', 'expires_at', 'id', 'last_used_at', 'name', 'prefix'].sort(),
    );

    const adminList = await t.app.inject({ method: 'GET', url: '/api/v1/api_tokens', headers: admin.auth });
    expect(adminList.json().data.some((item: { name: string }) => item.name.startsWith('staff'))).toBe(false);
  });

  it("answers 404 for another membership's token, and leaves it working", async () => {
    const token = await createToken(staff, 'staff private');
    for (const method of ['GET', 'DELETE'] as const) {
      const response = await t.app.inject({
        method,
        url: `/api/v1/api_tokens/${token.id}`,
        headers: admin.auth,
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
    }
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api_tokens/0190a000-0000-7000-8000-000000000000',
      headers: staff.auth,
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token.secret) })).statusCode,
    ).toBe(200);
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/api_tokens/${token.id}`,
      headers: staff.auth,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().data).toMatchObject({ id: token.id, name: 'staff private' });
    expect(own.body).not.toContain(token.secret.slice(10));
  });

  it('revokes: the token answers 401 on the very next request, and is gone from the list', async () => {
    const token = await createToken(staff, 'to revoke');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token.secret) })).statusCode,
    ).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api_tokens/${token.id}`,
      headers: staff.auth,
    });
    expect(revoked.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token.secret) });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'unauthenticated' });
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/api_tokens/${token.id}`, headers: staff.auth }))
        .statusCode,
    ).toBe(404);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api_tokens?limit=200',
      headers: staff.auth,
    });
    expect(list.json().data.some((item: { id: string }) => item.id === token.id)).toBe(false);
    const audited = await rows<{ action: string }>(
      sql`select action from audit_events where object_id = ${token.id} order by id`,
    );
    expect(audited.map((row) => row.action)).toEqual(['api_token.created', 'api_token.revoked']);
  });

  it('lets a token revoke itself', async () => {
    const token = await createToken(staff, 'self-revoking');
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api_tokens/${token.id}`,
      headers: bearer(token.secret),
    });
    expect(response.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token.secret) })).statusCode,
    ).toBe(401);
  });

  it('refuses expired, forged, unknown and malformed tokens, and tokens of a deactivated membership', async () => {
    const expired = await createToken(staff, 'short-lived', {
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
    });
    await t.database.db.execute(
      sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${expired.id}`,
    );
    const real = await createToken(admin, 'real');
    const forged = `chm_${randomBytes(32).toString('base64url')}`;
    const tampered = `${real.secret.slice(0, -2)}${real.secret.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const secret of [expired.secret, forged, tampered, 'chm_', 'chm_short', `${real.secret}x`]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
      expect(response.statusCode, secret).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthenticated' });
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }

    const client = await signIn(t.app, 'attorney@demo-firm.test', { ip: nextIp() });
    const attorneyToken = await createToken(client, 'attorney script');
    await t.database.db.execute(
      sql`update memberships set status = 'deactivated' where id = ${client.membership.id}`,
    );
    try {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(attorneyToken.secret),
      });
      expect(response.statusCode).toBe(401);
    } finally {
      await t.database.db.execute(
        sql`update memberships set status = 'active' where id = ${client.membership.id}`,
      );
    }
    // Reactivated: the token works again (it was never revoked).
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(attorneyToken.secret) }))
        .statusCode,
    ).toBe(200);
  });

  it('cannot manage credentials: switch, password, email change and new tokens answer 403', async () => {
    const token = await createToken(admin, 'no credentials');
    const headers = bearer(token.secret);
    const calls = [
      { url: '/api/v1/auth/switch', payload: { membership_id: admin.membership.id } },
      {
        url: '/api/v1/me/password',
        payload: { current_password: DEMO_PASSWORD, new_password: 'a-new-password-1' },
      },
      {
        url: '/api/v1/me/email_change',
        payload: { new_email: 'x@demo-firm.test', current_password: DEMO_PASSWORD },
      },
      { url: '/api/v1/api_tokens', payload: { name: 'minted by a token' } },
    ];
    for (const call of calls) {
      const response = await t.app.inject({ method: 'POST', url: call.url, headers, payload: call.payload });
      expect(response.statusCode, call.url).toBe(403);
      expect(response.json()).toMatchObject({ code: 'forbidden' });
    }
    // Nothing changed: the password still works, no token was minted, no session was opened.
    await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    const minted = await rows<{ n: number }>(
      sql`select count(*)::int as n from api_tokens where name = 'minted by a token'`,
    );
    expect(minted[0]?.n).toBe(0);
  });

  it('is for firm users only: externals are told the routes do not exist', async () => {
    const coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    expect((await create(coCounsel, { name: 'nope' })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/api_tokens', headers: coCounsel.auth })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api_tokens' })).statusCode).toBe(401);
  });

  it('validates the body: unknown fields, blank names, past or far expiries', async () => {
    const cases: [object, string][] = [
      [{ name: 'x', membership_id: admin.membership.id }, 'body'],
      [{ name: 'x', secret: 'chm_chosen' }, 'body'],
      [{}, 'body'],
      [{ name: '   ' }, 'body/name'],
      [{ name: 'x', expires_at: new Date(Date.now() - 1000).toISOString() }, 'body/expires_at'],
      [
        { name: 'x', expires_at: new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString() },
        'body/expires_at',
      ],
      [{ name: 'x', expires_at: 'tomorrow' }, 'body/expires_at'],
    ];
    for (const [payload, path] of cases) {
      const response = await create(admin, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().code).toBe('validation_failed');
      expect(errorPaths(response)).toContain(path);
    }
    const almostAYear = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();
    expect((await create(admin, { name: 'a year', expires_at: almostAYear })).statusCode).toBe(201);
  });

  it('limits creation per address and per identity (429 with Retry-After)', async () => {
    const morgan = await signIn(t.app, 'morgan@demo-firm.test', { ip: nextIp() });
    const hana = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    // Per address: 10 a minute, whoever asks.
    const ip = '10.99.0.1';
    for (let i = 0; i < 5; i++) expect((await create(morgan, { name: `m${i}` }, ip)).statusCode).toBe(201);
    for (let i = 0; i < 5; i++) expect((await create(hana, { name: `h${i}` }, ip)).statusCode).toBe(201);
    const byAddress = await create(hana, { name: 'h5' }, ip);
    expect(byAddress.statusCode).toBe(429);
    expect(Number(byAddress.headers['retry-after'])).toBeGreaterThan(0);

    // Per identity: 10 an hour, from any address.
    for (let i = 5; i < 10; i++) expect((await create(hana, { name: `h${i}` })).statusCode).toBe(201);
    const byIdentity = await create(hana, { name: 'h10' });
    expect(byIdentity.statusCode).toBe(429);
    expect(byIdentity.json()).toMatchObject({ code: 'rate_limited' });
    const retryAfter = Number(byIdentity.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // Another identity is not affected.
    expect((await create(morgan, { name: 'm5' })).statusCode).toBe(201);
  });
});
