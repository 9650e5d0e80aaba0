import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

async function count(t: TestApp, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await t.database.db.execute(query)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

describe('Idempotency-Key', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: '10.12.0.1' });
  });
  afterAll(() => t.close());

  const invite = (session: SignedIn, key: string | undefined, email: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...session.auth, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: { email, name: 'New Person', role: 'staff' },
    });
  const invitations = (email: string) =>
    count(t, sql`select count(*)::int as n from invitations where email = ${email}`);

  it('replays the first answer to a retry with the same key and body, creating one thing', async () => {
    const first = await invite(admin, 'retry-1', 'retry@demo-firm.test');
    expect(first.statusCode).toBe(201);
    const retry = await invite(admin, 'retry-1', 'retry@demo-firm.test');
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await invitations('retry@demo-firm.test')).toBe(1);
  });

  it('refuses the same key with a different body (422) and keys that are not visible ASCII (400)', async () => {
    expect((await invite(admin, 'retry-2', 'a@demo-firm.test')).statusCode).toBe(201);
    const other = await invite(admin, 'retry-2', 'b@demo-firm.test');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'unprocessable' });
    expect(await invitations('b@demo-firm.test')).toBe(0);
    for (const bad of ['', 'x'.repeat(256), 'has space']) {
      expect((await invite(admin, bad, 'c@demo-firm.test')).statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect(await invitations('c@demo-firm.test')).toBe(0);
  });

  it('keeps keys per caller, says 409 while the first request runs, and frees expired keys', async () => {
    const otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: '10.12.0.2' });
    expect((await invite(admin, 'shared-key', 'd@demo-firm.test')).statusCode).toBe(201);
    expect((await invite(otherAdmin, 'shared-key', 'd@demo-firm.test')).statusCode).toBe(201);

    await t.database.db.execute(sql`
      insert into idempotency_keys (id, owner_id, key, request_hash, expires_at)
      values ('0190a000-0000-7000-8000-0000000000aa', ${admin.membership.id}, 'in-flight', 'h', now() + interval '1 day')`);
    const running = await invite(admin, 'in-flight', 'e@demo-firm.test');
    expect(running.statusCode).toBe(409);

    await t.database.db.execute(
      sql`update idempotency_keys set expires_at = now() - interval '1 second' where key = 'retry-1'`,
    );
    await t.database.db.execute(
      sql`update invitations set revoked_at = now() where email = 'retry@demo-firm.test'`,
    );
    const again = await invite(admin, 'retry-1', 'retry@demo-firm.test');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('never stores answers of routes that hand out credentials', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api_tokens',
      headers: { ...admin.auth, 'idempotency-key': 'token-1' },
      payload: { name: 'integration' },
    });
    expect(created.statusCode).toBe(201);
    expect(await count(t, sql`select count(*)::int as n from idempotency_keys where key = 'token-1'`)).toBe(
      0,
    );
  });
});
