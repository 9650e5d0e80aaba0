import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
  });
  afterAll(() => t.close());

  it("shows each firm's admin their own firm's events only, newest first, paginated", async () => {
    const demoAdmin = await signIn(t.app, 'admin@demo-firm.test', { ip: '10.8.0.1' });
    await signIn(t.app, 'attorney@demo-firm.test', { ip: '10.8.0.2' });
    const otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: '10.8.0.3' });

    const page = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit_events?limit=1',
      headers: demoAdmin.auth,
    });
    expect(page.statusCode).toBe(200);
    const first = page.json();
    expect(first.data).toHaveLength(1);
    expect(first.data[0]).toMatchObject({ action: 'auth.login', ip: '10.8.0.2' });
    const rest = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit_events?cursor=${encodeURIComponent(first.meta.next_cursor)}`,
      headers: demoAdmin.auth,
    });
    const actors = rest
      .json()
      .data.map((event: { actor_membership_id: string }) => event.actor_membership_id);
    expect(actors).toContain(demoAdmin.membership.id);
    expect(actors).not.toContain(otherAdmin.membership.id);

    const other = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit_events',
      headers: otherAdmin.auth,
    });
    const otherActors = other
      .json()
      .data.map((event: { actor_membership_id: string }) => event.actor_membership_id);
    expect(otherActors).toEqual([otherAdmin.membership.id]);
  });

  it('is append-only: the database refuses to change or delete an event', async () => {
    await expect(t.database.db.execute(sql`update audit_events set action = 'forged'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    const count = (await t.database.db.execute(
      sql`select count(*)::int as n from audit_events`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(count.rows[0]?.n).toBeGreaterThan(0);
  });
});
