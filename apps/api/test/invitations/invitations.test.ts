import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal';
import { contacts } from '../../src/db/schema/contacts';
import { inviteToFirm } from '../../src/modules/invitations/service';
import { registerSharedResourceLabel } from '../../src/modules/invitations/shared-resources';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { invitationTo } from '../support/invitation-mail';
import { type SignedIn, sessionFrom, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

const NEW_PASSWORD = 'correct horse battery staple';
const SHARED_MATTER_ID = '0190a000-0000-7000-8000-00000000aaaa';

let ipCounter = 0;
/** A fresh address per request group, so the per-address limits only bite where a test wants them. */
const nextIp = () => `10.60.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

type Rows<T> = { rows: T[] };
async function rows<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as Rows<T>).rows;
}

describe('invitations', () => {
  let t: TestApp;
  let admin: SignedIn;
  let adminPrincipal: Principal;

  const preview = (token: string, ip = nextIp()) =>
    t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}`, remoteAddress: ip });
  const accept = (token: string, payload: object, ip = nextIp()) =>
    t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}`, payload, remoteAddress: ip });
  const inviteUser = (email: string, role = 'attorney', name = 'Invited Person') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.auth,
      payload: { email, name, role },
    });
  /** Invites a firm user through the API and returns the link's token from the delivered mail. */
  const invitedToken = async (email: string, role = 'attorney') => {
    const response = await inviteUser(email, role);
    expect(response.statusCode).toBe(201);
    return (await invitationTo(t.app, email)).token;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: 'https://chambers.example' } });
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    const [row] = await rows<{ identity_id: string; id: string; firm_id: string }>(
      t,
      sql`select m.identity_id, m.id, m.firm_id from memberships m join identities i on i.id = m.identity_id
           where i.email = 'admin@demo-firm.test'`,
    );
    if (!row) throw new Error('no demo admin');
    adminPrincipal = {
      identityId: row.identity_id,
      membershipId: row.id,
      firmId: row.firm_id,
      role: 'admin',
      contactId: null,
      sessionId: null,
      apiTokenId: null,
    };
    // Stands in for the matters module: the label of a matter shared with the contact.
    registerSharedResourceLabel('matter', async (_db, shared) =>
      shared.resourceId === SHARED_MATTER_ID ? 'Smith v. Jones' : null,
    );
  });
  afterAll(() => t.close());

  it('mails a firm user a single-use Manage link naming who invited whom, and previews it', async () => {
    const token = await invitedToken('new.attorney@example.test');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { mail, link } = await invitationTo(t.app, 'new.attorney@example.test');
    expect(link).toBe(`https://chambers.example/invitations/${token}`);
    expect(mail.subject).toBe('Avery Admin invited you to Demo Firm LLP on Chambers');
    expect(mail.text).toContain('Hello Invited Person,');
    expect(mail.text).toContain(
      'Avery Admin (admin@demo-firm.test) of Demo Firm LLP invited you (new.attorney@example.test) to Chambers Manage as an attorney.',
    );
    // Only the token's hash is stored.
    const stored = await rows<{ token_hash: string }>(
      t,
      sql`select token_hash from invitations where email = 'new.attorney@example.test'`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const shown = await preview(token);
    expect(shown.statusCode).toBe(200);
    const { data } = shown.json();
    expect(data).toMatchObject({
      firm_name: 'Demo Firm LLP',
      invited_by_name: 'Avery Admin',
      email: 'new.attorney@example.test',
      role: 'attorney',
      portal: 'manage',
      shared: null,
      identity_exists: false,
    });
    const days = (Date.parse(data.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('accepts with a name and a new password: creates the login and the account, and signs in', async () => {
    const token = await invitedToken('nia@example.test', 'staff');
    const accepted = await accept(token, { name: '  Nia New ', password: NEW_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    const session = sessionFrom(accepted);
    expect(session.membership).toMatchObject({ firm_name: 'Demo Firm LLP', role: 'staff', portal: 'manage' });
    expect(String(accepted.headers['set-cookie'])).toContain('HttpOnly');
    const accounts = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/memberships',
      headers: session.auth,
    });
    expect(accounts.json().data).toEqual([session.membership]);
    const created = await rows<{ email: string; name: string }>(
      t,
      sql`select i.email, i.name from identities i join memberships m on m.identity_id = i.id
           where m.id = ${session.membership.id}`,
    );
    expect(created).toEqual([{ email: 'nia@example.test', name: 'Nia New' }]);
    // The password works for a later sign-in, and the audit log tells the story.
    await signIn(t.app, 'nia@example.test', { password: NEW_PASSWORD, ip: nextIp() });
    const events = await rows<{ action: string; object_id: string }>(
      t,
      sql`select action, object_id from audit_events where actor_membership_id = ${session.membership.id} order by id`,
    );
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['invitation.accepted', 'auth.login']),
    );
  });

  it('answers unknown, forged, expired, used and revoked links with the same 404', async () => {
    const used = await invitedToken('used@example.test');
    expect((await accept(used, { name: 'Used', password: NEW_PASSWORD })).statusCode).toBe(200);
    const expired = await invitedToken('expired@example.test');
    await t.database.db.execute(
      sql`update invitations set expires_at = now() - interval '1 second' where email = 'expired@example.test'`,
    );
    const revokedResponse = await inviteUser('revoked@example.test');
    const revoked = (await invitationTo(t.app, 'revoked@example.test')).token;
    const revoke = await t.app.inject({
      method: 'POST',
      url: `${revokedResponse.headers.location}/revoke`,
      headers: admin.auth,
    });
    expect(revoke.json().data.status).toBe('revoked');

    const forged = [
      'A'.repeat(43),
      used.slice(0, -1) + (used.endsWith('A') ? 'B' : 'A'),
      'x',
      '%00',
      "' or 1=1 --",
    ];
    const bodies: unknown[] = [];
    for (const token of [used, expired, revoked, ...forged]) {
      for (const response of [
        await preview(encodeURIComponent(token)),
        await accept(encodeURIComponent(token), { name: 'Mallory', password: NEW_PASSWORD }),
      ]) {
        expect(response.statusCode, token).toBe(404);
        const { request_id: _ignored, ...body } = response.json();
        bodies.push(body);
      }
    }
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    // None of those created anything.
    const mallory = await rows(t, sql`select 1 from identities where name = 'Mallory'`);
    expect(mallory).toHaveLength(0);
  });

  it('refuses a common or too short password (400) and keeps the link usable', async () => {
    const token = await invitedToken('weak@example.test');
    for (const password of ['password', 'Password1', 'short']) {
      const response = await accept(token, { name: 'Weak', password });
      expect(response.statusCode, password).toBe(400);
      expect(response.json().errors[0].path).toBe('body/password');
    }
    const noName = await accept(token, { password: NEW_PASSWORD });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().errors[0].path).toBe('body/name');
    expect((await preview(token)).statusCode).toBe(200);
    expect((await accept(token, { name: 'Strong', password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('rejects unknown body fields with 400', async () => {
    const token = await invitedToken('fields@example.test');
    for (const payload of [
      { name: 'X', password: NEW_PASSWORD, role: 'admin' },
      { name: 'X', password: NEW_PASSWORD, firm_id: adminPrincipal.firmId },
      { name: 'X' },
    ]) {
      const response = await accept(token, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
    expect((await preview(token)).statusCode).toBe(200);
  });

  it('links an existing login: its password is required, a wrong one is 401, then both accounts are listed', async () => {
    // Hana is an admin at Harbor & Vale; Demo Firm invites her address as an attorney.
    const token = await invitedToken('admin@harbor-vale.test');
    const shown = await preview(token);
    expect(shown.json().data.identity_exists).toBe(true);

    const wrong = await accept(token, { password: 'not her password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    const withName = await accept(token, { name: 'Hana Again', password: DEMO_PASSWORD });
    expect(withName.statusCode).toBe(409);
    expect((await preview(token)).statusCode).toBe(200);

    const accepted = await accept(token, { password: DEMO_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    const session = sessionFrom(accepted);
    expect(session.membership).toMatchObject({ firm_name: 'Demo Firm LLP', role: 'attorney' });
    const accounts = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/memberships',
      headers: session.auth,
    });
    expect(
      accounts
        .json()
        .data.map((account: { firm_name: string; role: string }) => `${account.firm_name}:${account.role}`)
        .sort(),
    ).toEqual(['Demo Firm LLP:attorney', 'Harbor & Vale LLP:admin']);
    // Still one login, with its name unchanged.
    const identities = await rows<{ name: string }>(
      t,
      sql`select name from identities where lower(email) = 'admin@harbor-vale.test'`,
    );
    expect(identities).toEqual([{ name: 'Hana Harbor' }]);
    // The failed attempt counts toward the account's sign-in lock, like a failed login.
    const failures = await rows(
      t,
      sql`select 1 from audit_events where action = 'auth.login_failed' and subject = 'admin@harbor-vale.test'`,
    );
    expect(failures).toHaveLength(1);
  });

  it('makes one membership from a double submit: the second answer is 404', async () => {
    const token = await invitedToken('double@example.test');
    const first = await accept(token, { name: 'Double', password: NEW_PASSWORD });
    expect(first.statusCode).toBe(200);
    const second = await accept(token, { name: 'Double', password: NEW_PASSWORD });
    expect(second.statusCode).toBe(404);

    const racing = await invitedToken('race@example.test');
    const both = await Promise.all([
      accept(racing, { name: 'Race', password: NEW_PASSWORD }),
      accept(racing, { name: 'Race', password: NEW_PASSWORD }),
    ]);
    expect(both.map((response) => response.statusCode).sort()).toEqual([200, 404]);
    const made = await rows(
      t,
      sql`select 1 from memberships m join identities i on i.id = m.identity_id where i.email = 'race@example.test'`,
    );
    expect(made).toHaveLength(1);
  });

  it('refuses an invitation for someone who already has an account at the firm (409)', async () => {
    // Invited twice before accepting: once one link is used, the other one dies with it.
    const first = await invitedToken('twice@example.test');
    const second = await invitedToken('twice@example.test');
    expect((await accept(first, { name: 'Twice', password: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await preview(second)).statusCode).toBe(404);

    // An invitation made by another module for an address that already has an account here.
    await t.database.db.transaction(async (tx) => {
      const [contact] = await tx
        .insert(contacts)
        .values({ firmId: adminPrincipal.firmId, name: 'Sam Staff', email: 'staff@demo-firm.test' })
        .returning();
      await inviteToFirm(
        tx,
        {
          firmId: adminPrincipal.firmId,
          email: 'staff@demo-firm.test',
          role: 'co_counsel',
          contactId: contact?.id ?? '',
          invitedBy: adminPrincipal,
        },
        t.config,
      );
    });
    const link = await invitationTo(t.app, 'staff@demo-firm.test');
    const conflict = await accept(link.token, { password: DEMO_PASSWORD });
    expect(conflict.statusCode).toBe(409);
  });

  it('invites an external to Connect with what was shared, and the account points at the contact', async () => {
    const contactId = await t.database.db.transaction(async (tx) => {
      const [contact] = await tx
        .insert(contacts)
        .values({ firmId: adminPrincipal.firmId, name: 'Olga Outside', email: 'olga@outside.test' })
        .returning();
      if (!contact) throw new Error('no contact');
      await inviteToFirm(
        tx,
        {
          firmId: adminPrincipal.firmId,
          email: 'olga@outside.test',
          role: 'co_counsel',
          contactId: contact.id,
          invitedBy: adminPrincipal,
          inviteeName: 'Olga Outside',
          resource: { type: 'matter', id: SHARED_MATTER_ID, label: 'Smith v. Jones' },
        },
        t.config,
      );
      return contact.id;
    });
    const { mail, link, token } = await invitationTo(t.app, 'olga@outside.test');
    expect(link).toBe(`https://chambers.example/connect/invitations/${token}`);
    expect(mail.text).toContain(
      'invited you (olga@outside.test) to Chambers Connect as co-counsel and shared the matter "Smith v. Jones" with you.',
    );
    const shown = (await preview(token)).json().data;
    expect(shown).toMatchObject({
      role: 'co_counsel',
      portal: 'connect',
      shared: { type: 'matter', id: SHARED_MATTER_ID, label: 'Smith v. Jones' },
    });

    const accepted = await accept(token, { name: 'Olga Outside', password: NEW_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    const session = sessionFrom(accepted);
    expect(session.membership).toMatchObject({ role: 'co_counsel', portal: 'connect' });
    const [membership] = await rows<{ contact_id: string }>(
      t,
      sql`select contact_id from memberships where id = ${session.membership.id}`,
    );
    expect(membership?.contact_id).toBe(contactId);
  });

  it('does not name a shared thing the invitee can no longer see', async () => {
    await t.database.db.transaction(async (tx) => {
      const [contact] = await tx
        .insert(contacts)
        .values({ firmId: adminPrincipal.firmId, name: 'Una Unshared', email: 'una@outside.test' })
        .returning();
      await inviteToFirm(
        tx,
        {
          firmId: adminPrincipal.firmId,
          email: 'una@outside.test',
          role: 'client',
          contactId: contact?.id ?? '',
          invitedBy: adminPrincipal,
          // The resolver no longer names this one: as if the share was revoked since.
          resource: { type: 'matter', id: '0190a000-0000-7000-8000-00000000bbbb', label: 'Secret Matter' },
        },
        t.config,
      );
    });
    const { token } = await invitationTo(t.app, 'una@outside.test');
    const shown = (await preview(token)).json().data;
    expect(shown.shared).toBeNull();
    expect(JSON.stringify(shown)).not.toContain('Secret Matter');
  });

  it('sends nothing when the inviting transaction rolls back', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await inviteToFirm(
          tx,
          {
            firmId: adminPrincipal.firmId,
            email: 'ghost@example.test',
            role: 'staff',
            invitedBy: adminPrincipal,
          },
          t.config,
        );
        throw new Error('the share failed');
      }),
    ).rejects.toThrow('the share failed');
    await expect(invitationTo(t.app, 'ghost@example.test')).rejects.toThrow('no invitation mail');
  });

  it('limits both routes per address (429 with Retry-After)', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await preview(`probe-${i}`, ip)).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);

    const postIp = nextIp();
    const posts: number[] = [];
    for (let i = 0; i < 11; i++) {
      posts.push((await accept(`probe-${i}`, { name: 'P', password: NEW_PASSWORD }, postIp)).statusCode);
    }
    expect(posts.slice(0, 10).every((status) => status === 404)).toBe(true);
    const limited = await accept('probe-x', { name: 'P', password: NEW_PASSWORD }, postIp);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
