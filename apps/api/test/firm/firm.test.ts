import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

describe('firm settings', () => {
  let t: TestApp;
  let admin: SignedIn;
  let attorney: SignedIn;
  let staff: SignedIn;
  let coCounsel: SignedIn;
  let otherAdmin: SignedIn;
  const { nextIp, call, rows } = apiCalls(() => t, '10.84');

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    const as = (email: string) => signIn(t.app, email, { ip: nextIp() });
    admin = await as('admin@demo-firm.test');
    attorney = await as('attorney@demo-firm.test');
    staff = await as('staff@demo-firm.test');
    coCounsel = await as('cocounsel@outside-counsel.test');
    otherAdmin = await as('admin@harbor-vale.test');
  });
  afterAll(() => t.close());

  it('shows every firm user its own firm, share notices on by default; externals get 404', async () => {
    for (const session of [admin, attorney, staff]) {
      const response = await call(session, 'GET', '/api/v1/firm');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        data: { id: admin.membership.firm_id, name: 'Demo Firm LLP', share_notice_mails: true },
      });
      expect(response.headers.etag).toMatch(/^"/);
    }
    const theirs = await call(otherAdmin, 'GET', '/api/v1/firm');
    expect(theirs.json().data).toMatchObject({
      id: otherAdmin.membership.firm_id,
      name: 'Harbor & Vale LLP',
    });
    expect((await call(coCounsel, 'GET', '/api/v1/firm')).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/v1/firm')).statusCode).toBe(401);
  });

  it('lets admins rename the firm and turn share notices off, audited, leaving other firms alone', async () => {
    const changed = await call(admin, 'PATCH', '/api/v1/firm', {
      name: 'Demo & Partners LLP',
      share_notice_mails: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data).toEqual({
      id: admin.membership.firm_id,
      name: 'Demo & Partners LLP',
      share_notice_mails: false,
    });
    expect((await call(staff, 'GET', '/api/v1/firm')).json().data.share_notice_mails).toBe(false);
    expect((await call(otherAdmin, 'GET', '/api/v1/firm')).json().data).toMatchObject({
      name: 'Harbor & Vale LLP',
      share_notice_mails: true,
    });

    const events = await rows<{
      action: string;
      actor_membership_id: string;
      object_id: string;
      details: object;
    }>(
      sql`select action, actor_membership_id, object_id, details from audit_events where action = 'firm.updated'`,
    );
    expect(events).toEqual([
      {
        action: 'firm.updated',
        actor_membership_id: admin.membership.id,
        object_id: admin.membership.firm_id,
        details: { fields: ['name', 'share_notice_mails'], share_notice_mails: { from: true, to: false } },
      },
    ]);
    await call(admin, 'PATCH', '/api/v1/firm', { name: 'Demo Firm LLP', share_notice_mails: true });
  });

  it('applies If-Match: a stale tag is 412 and changes nothing', async () => {
    const etag = String((await call(admin, 'GET', '/api/v1/firm')).headers.etag);
    const fresh = await call(
      admin,
      'PATCH',
      '/api/v1/firm',
      { share_notice_mails: false },
      { 'if-match': etag },
    );
    expect(fresh.statusCode).toBe(200);
    const stale = await call(
      admin,
      'PATCH',
      '/api/v1/firm',
      { share_notice_mails: true },
      { 'if-match': etag },
    );
    expect(stale.statusCode).toBe(412);
    expect((await call(admin, 'GET', '/api/v1/firm')).json().data.share_notice_mails).toBe(false);
    await call(admin, 'PATCH', '/api/v1/firm', { share_notice_mails: true });
  });

  it('refuses non-admins (404) and malformed changes (400), changing nothing', async () => {
    const before = await rows(sql`select name, share_notice_mails, updated_at from firms order by id`);
    for (const session of [attorney, staff, coCounsel]) {
      const response = await call(session, 'PATCH', '/api/v1/firm', { share_notice_mails: false });
      expect(response.statusCode).toBe(404);
    }
    for (const payload of [
      {},
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(201) },
      { share_notice_mails: 'no' },
      { id: otherAdmin.membership.firm_id, name: 'Hijack' },
      { matter_counter: 0 },
    ]) {
      const response = await call(admin, 'PATCH', '/api/v1/firm', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await rows(sql`select name, share_notice_mails, updated_at from firms order by id`)).toEqual(
      before,
    );
  });
});
