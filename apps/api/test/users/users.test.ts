import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { invitationTo } from '../support/invitation-mail';
import { type SignedIn, sessionFrom, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

let ipCounter = 0;
const nextIp = () => `10.61.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

interface User {
  id: string;
  name: string;
  email: string;
  role: string;
  status: string;
  last_used_at: string | null;
}

async function rows<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe('firm users', () => {
  let t: TestApp;
  let admin: SignedIn;
  let attorney: SignedIn;
  let coCounsel: SignedIn;
  let otherAdmin: SignedIn;

  const call = (session: SignedIn | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: session ? session.auth : {},
      ...(payload ? { payload } : {}),
      remoteAddress: nextIp(),
    });
  const listAll = async (session: SignedIn, query = ''): Promise<User[]> => {
    const response = await call(session, 'GET', `/api/v1/users?limit=200${query}`);
    expect(response.statusCode).toBe(200);
    return response.json().data;
  };
  const userId = async (email: string) => {
    const [row] = await rows<{ id: string }>(
      t,
      sql`select m.id from memberships m join identities i on i.id = m.identity_id
           join firms f on f.id = m.firm_id where i.email = ${email} and f.name = 'Demo Firm LLP'`,
    );
    if (!row) throw new Error(`no membership for ${email}`);
    return row.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    attorney = await signIn(t.app, 'attorney@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
  });
  afterAll(() => t.close());

  it("lists the firm's own users only, to its firm users, with name, email, role, status and last use", async () => {
    const users = await listAll(admin);
    expect(users.map((user) => user.email).sort()).toEqual([
      'admin@demo-firm.test',
      'attorney@demo-firm.test',
      'morgan@demo-firm.test',
      'staff@demo-firm.test',
    ]);
    expect(users.find((user) => user.email === 'admin@demo-firm.test')).toMatchObject({
      name: 'Avery Admin',
      role: 'admin',
      status: 'active',
      last_used_at: expect.any(String),
    });
    expect(users.find((user) => user.email === 'staff@demo-firm.test')?.last_used_at).toBeNull();
    expect(Object.keys(users[0] ?? {}).sort()).toEqual(
      ['created_at', 'email', 'id', 'last_used_at', 'name', 'role', 'status', 'updated_at'].sort(),
    );
    // An attorney reads the list too; the other firm's admin sees only their own firm.
    expect((await listAll(attorney)).map((user) => user.id).sort()).toEqual(
      users.map((user) => user.id).sort(),
    );
    expect((await listAll(otherAdmin)).map((user) => user.email)).toEqual(['admin@harbor-vale.test']);
    // Externals have no such list; without a token, 401.
    expect((await call(coCounsel, 'GET', '/api/v1/users')).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/v1/users')).statusCode).toBe(401);
  });

  it('pages with a cursor and filters by status', async () => {
    const first = await call(admin, 'GET', '/api/v1/users?limit=3');
    const page1 = first.json();
    expect(page1.data).toHaveLength(3);
    expect(page1.meta.next_cursor).toEqual(expect.any(String));
    const second = await call(
      admin,
      'GET',
      `/api/v1/users?limit=3&cursor=${encodeURIComponent(page1.meta.next_cursor)}`,
    );
    const page2 = second.json();
    expect(page2.data).toHaveLength(1);
    expect(page2.meta.next_cursor).toBeNull();
    const all = [...page1.data, ...page2.data].map((user: User) => user.id);
    expect(new Set(all).size).toBe(4);
    expect(await listAll(admin, '&status=deactivated')).toEqual([]);
    expect((await call(admin, 'GET', '/api/v1/users?status=gone')).statusCode).toBe(400);
    expect((await call(admin, 'GET', '/api/v1/users?cursor=bm9wZQ')).statusCode).toBe(400);
    expect((await call(admin, 'GET', '/api/v1/users?limit=500')).statusCode).toBe(400);
  });

  it("shows one user by membership id; another firm's user or an external is not found", async () => {
    const staffId = await userId('staff@demo-firm.test');
    const one = await call(attorney, 'GET', `/api/v1/users/${staffId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().data).toMatchObject({ id: staffId, email: 'staff@demo-firm.test', role: 'staff' });

    const [harbor] = await rows<{ id: string }>(
      t,
      sql`select m.id from memberships m join identities i on i.id = m.identity_id where i.email = 'admin@harbor-vale.test'`,
    );
    const coCounselId = coCounsel.membership.id;
    for (const id of [harbor?.id ?? '', coCounselId, '0190a000-0000-7000-8000-0000000000ff']) {
      const response = await call(admin, 'GET', `/api/v1/users/${id}`);
      expect(response.statusCode, id).toBe(404);
    }
    expect((await call(otherAdmin, 'GET', `/api/v1/users/${staffId}`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', '/api/v1/users/not-an-id')).statusCode).toBe(400);
  });

  it('invites a firm user: 201 with Location and the pending invitation, the mail sent, no secret returned', async () => {
    const response = await call(admin, 'POST', '/api/v1/users', {
      email: 'paula@example.test',
      name: 'Paula Paralegal',
      role: 'staff',
    });
    expect(response.statusCode).toBe(201);
    const { data } = response.json();
    expect(data).toMatchObject({ email: 'paula@example.test', role: 'staff', status: 'pending' });
    expect(response.headers.location).toBe(`/api/v1/users/invitations/${data.id}`);
    expect(response.body).not.toMatch(/token/i);

    const shown = await call(attorney, 'GET', String(response.headers.location));
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toEqual(data);

    const { mail, token } = await invitationTo(t.app, 'paula@example.test');
    expect(mail.text).toContain('Hello Paula Paralegal,');
    expect(mail.text).toContain('to Chambers Manage as a staff member');
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}`,
      payload: { name: 'Paula P.', password: 'a long enough passphrase' },
      remoteAddress: nextIp(),
    });
    expect(accepted.statusCode).toBe(200);
    expect((await call(admin, 'GET', String(response.headers.location))).json().data.status).toBe('accepted');
    expect((await listAll(admin)).find((user) => user.email === 'paula@example.test')).toMatchObject({
      name: 'Paula P.',
      role: 'staff',
      status: 'active',
    });
    const audited = await rows<{ action: string }>(
      t,
      sql`select action from audit_events where object_id = ${data.id} order by id`,
    );
    expect(audited.map((event) => event.action)).toEqual(['user.invited', 'invitation.accepted']);
  });

  it('answers an address with a login elsewhere like an unknown one, and a member of this firm with 409', async () => {
    const elsewhere = await call(admin, 'POST', '/api/v1/users', {
      email: 'admin@harbor-vale.test',
      name: 'Hana',
      role: 'attorney',
    });
    const unknown = await call(admin, 'POST', '/api/v1/users', {
      email: 'nobody-yet@example.test',
      name: 'Nobody',
      role: 'attorney',
    });
    expect(elsewhere.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(201);
    expect(Object.keys(elsewhere.json().data)).toEqual(Object.keys(unknown.json().data));

    for (const email of ['staff@demo-firm.test', 'STAFF@demo-firm.test', 'cocounsel@outside-counsel.test']) {
      const taken = await call(admin, 'POST', '/api/v1/users', { email, name: 'Again', role: 'staff' });
      expect(taken.statusCode, email).toBe(409);
    }
  });

  it('refuses unknown fields, external roles and malformed input (400), and roles without the permission (404)', async () => {
    const base = { email: 'x@example.test', name: 'X', role: 'staff' };
    for (const payload of [
      { ...base, firm_id: otherAdmin.membership.firm_id },
      { ...base, status: 'active' },
      { ...base, role: 'co_counsel' },
      { ...base, email: 'not-an-email' },
      { email: 'x@example.test', role: 'staff' },
    ]) {
      expect((await call(admin, 'POST', '/api/v1/users', payload)).statusCode).toBe(400);
    }
    const staffId = await userId('staff@demo-firm.test');
    expect(
      (await call(admin, 'PATCH', `/api/v1/users/${staffId}`, { role: 'staff', status: 'x' })).statusCode,
    ).toBe(400);
    expect((await call(admin, 'PATCH', `/api/v1/users/${staffId}`, { role: 'client' })).statusCode).toBe(400);

    for (const [method, url, payload] of [
      ['POST', '/api/v1/users', base],
      ['PATCH', `/api/v1/users/${staffId}`, { role: 'admin' }],
      ['POST', `/api/v1/users/${staffId}/deactivate`, undefined],
      ['POST', `/api/v1/users/${staffId}/reactivate`, undefined],
    ] as const) {
      for (const session of [attorney, coCounsel]) {
        expect((await call(session, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
      }
      // The other firm's admin holds the permission but cannot see this firm's user.
      if (url !== '/api/v1/users') {
        expect((await call(otherAdmin, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect((await listAll(admin)).find((user) => user.id === staffId)).toMatchObject({
      role: 'staff',
      status: 'active',
    });
    expect(await rows(t, sql`select 1 from invitations where email = 'x@example.test'`)).toHaveLength(0);
  });

  it("changes a user's role among firm roles, audited", async () => {
    const staffId = await userId('staff@demo-firm.test');
    const changed = await call(admin, 'PATCH', `/api/v1/users/${staffId}`, { role: 'attorney' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().data).toMatchObject({ id: staffId, role: 'attorney' });
    const back = await call(admin, 'PATCH', `/api/v1/users/${staffId}`, { role: 'staff' });
    expect(back.json().data.role).toBe('staff');
    const events = await rows<{ action: string; details: { from: string; to: string } }>(
      t,
      sql`select action, details from audit_events where object_id = ${staffId} and action = 'user.role_changed' order by id`,
    );
    expect(events.map((event) => event.details)).toEqual([
      { from: 'staff', to: 'attorney' },
      { from: 'attorney', to: 'staff' },
    ]);
  });

  it('never leaves the firm without an active admin (422), but a second admin makes it possible', async () => {
    const adminId = admin.membership.id;
    const demote = await call(admin, 'PATCH', `/api/v1/users/${adminId}`, { role: 'attorney' });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().code).toBe('unprocessable');
    expect((await call(admin, 'POST', `/api/v1/users/${adminId}/deactivate`)).statusCode).toBe(422);
    expect((await call(admin, 'GET', `/api/v1/users/${adminId}`)).json().data).toMatchObject({
      role: 'admin',
      status: 'active',
    });

    // With Morgan as a second admin, Avery may step down, and Morgan can restore her.
    const morganId = await userId('morgan@demo-firm.test');
    expect((await call(admin, 'PATCH', `/api/v1/users/${morganId}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await call(admin, 'PATCH', `/api/v1/users/${adminId}`, { role: 'attorney' })).statusCode).toBe(
      200,
    );
    const morgan = await signIn(t.app, 'morgan@demo-firm.test', { ip: nextIp() });
    const morganAtDemo =
      morgan.membership.id === morganId
        ? morgan
        : sessionFrom(await call(morgan, 'POST', '/api/v1/auth/switch', { membership_id: morganId }));
    expect(
      (await call(morganAtDemo, 'PATCH', `/api/v1/users/${morganId}`, { role: 'attorney' })).statusCode,
    ).toBe(422);
    expect(
      (await call(morganAtDemo, 'PATCH', `/api/v1/users/${adminId}`, { role: 'admin' })).statusCode,
    ).toBe(200);
    expect(
      (await call(morganAtDemo, 'PATCH', `/api/v1/users/${morganId}`, { role: 'attorney' })).statusCode,
    ).toBe(200);

    // Two admins demoting each other at once: one wins, the other is refused, one admin remains.
    expect((await call(admin, 'PATCH', `/api/v1/users/${morganId}`, { role: 'admin' })).statusCode).toBe(200);
    const race = await Promise.all([
      call(admin, 'PATCH', `/api/v1/users/${morganId}`, { role: 'attorney' }),
      call(morganAtDemo, 'PATCH', `/api/v1/users/${adminId}`, { role: 'attorney' }),
    ]);
    // The loser is refused by the last-admin guard (422) or, when the winner's change landed before
    // its request was authenticated, no longer holds the permission at all (404).
    const [won, lost] = race.map((response) => response.statusCode).sort();
    expect(won).toBe(200);
    expect([404, 422]).toContain(lost);
    const admins = await rows<{ id: string }>(
      t,
      sql`select id from memberships where firm_id = ${admin.membership.firm_id} and role = 'admin' and status = 'active'`,
    );
    expect(admins).toHaveLength(1);
    if (admins[0]?.id === morganId) {
      expect(
        (await call(morganAtDemo, 'PATCH', `/api/v1/users/${adminId}`, { role: 'admin' })).statusCode,
      ).toBe(200);
      expect((await call(admin, 'PATCH', `/api/v1/users/${morganId}`, { role: 'attorney' })).statusCode).toBe(
        200,
      );
    }
  });

  it("deactivation ends the user's sessions at once; reactivation lets them sign in again", async () => {
    const staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    const second = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    expect((await call(staff, 'GET', '/api/v1/me/memberships')).statusCode).toBe(200);

    const staffId = staff.membership.id;
    const deactivated = await call(admin, 'POST', `/api/v1/users/${staffId}/deactivate`);
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().data.status).toBe('deactivated');
    for (const session of [staff, second]) {
      expect((await call(session, 'GET', '/api/v1/me/memberships')).statusCode).toBe(401);
      const renewed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        headers: { cookie: session.cookie },
      });
      expect(renewed.statusCode).toBe(401);
    }
    const live = await rows(
      t,
      sql`select 1 from sessions where membership_id = ${staffId} and revoked_at is null`,
    );
    expect(live).toHaveLength(0);
    await expect(signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() })).rejects.toThrow('401');
    expect((await listAll(admin, '&status=deactivated')).map((user) => user.id)).toEqual([staffId]);
    // Twice is harmless and audited once.
    expect((await call(admin, 'POST', `/api/v1/users/${staffId}/deactivate`)).statusCode).toBe(200);

    const reactivated = await call(admin, 'POST', `/api/v1/users/${staffId}/reactivate`);
    expect(reactivated.json().data.status).toBe('active');
    expect((await call(staff, 'GET', '/api/v1/me/memberships')).statusCode).toBe(401);
    const again = await signIn(t.app, 'staff@demo-firm.test', { password: DEMO_PASSWORD, ip: nextIp() });
    expect((await call(again, 'GET', '/api/v1/me/memberships')).statusCode).toBe(200);
    const events = await rows<{ action: string }>(
      t,
      sql`select action from audit_events where object_id = ${staffId} and action like 'user.%activated' order by id`,
    );
    expect(events.map((event) => event.action)).toEqual(['user.deactivated', 'user.reactivated']);
  });

  it('revokes a pending invitation: the link stops working; an accepted one cannot be revoked', async () => {
    const invited = await call(admin, 'POST', '/api/v1/users', {
      email: 'revoke-me@example.test',
      name: 'Rev',
      role: 'attorney',
    });
    const location = String(invited.headers.location);
    const { token } = await invitationTo(t.app, 'revoke-me@example.test');
    expect((await call(attorney, 'POST', `${location}/revoke`)).statusCode).toBe(404);
    expect((await call(otherAdmin, 'POST', `${location}/revoke`)).statusCode).toBe(404);
    expect((await call(otherAdmin, 'GET', location)).statusCode).toBe(404);
    const revoked = await call(admin, 'POST', `${location}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().data.status).toBe('revoked');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}`, remoteAddress: nextIp() }))
        .statusCode,
    ).toBe(404);

    const [accepted] = await rows<{ id: string }>(
      t,
      sql`select id from invitations where email = 'paula@example.test'`,
    );
    const refused = await call(admin, 'POST', `/api/v1/users/invitations/${accepted?.id}/revoke`);
    expect(refused.statusCode).toBe(409);
  });
});
