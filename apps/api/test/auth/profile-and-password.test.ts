import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

describe('profile and password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
  });
  afterAll(() => t.close());

  it('changes name and time zone, refusing a zone outside the IANA list and fields it does not own', async () => {
    const session = await signIn(t.app, 'attorney@demo-firm.test', { ip: '10.9.0.1' });
    const patch = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: session.auth, payload });

    const updated = await patch({ name: '  Ari Q. Attorney ', time_zone: 'Asia/Kolkata' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().data).toMatchObject({ name: 'Ari Q. Attorney', time_zone: 'Asia/Kolkata' });

    const badZone = await patch({ time_zone: 'Mars/Olympus_Mons' });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().errors).toEqual([{ path: 'body/time_zone', message: 'is not an IANA time zone' }]);
    for (const payload of [{ email: 'x@evil.test' }, { role: 'admin' }, {}, { name: '   ' }]) {
      expect((await patch(payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.auth });
    expect(me.json().data).toMatchObject({
      email: 'attorney@demo-firm.test',
      membership: { role: 'attorney' },
    });
  });

  it('changes the password only with the current one, refuses weak ones, and ends the other sessions', async () => {
    const here = await signIn(t.app, 'staff@demo-firm.test', { ip: '10.9.0.2' });
    const elsewhere = await signIn(t.app, 'staff@demo-firm.test', { ip: '10.9.0.3' });
    const change = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: here.auth, payload });

    const wrong = await change({ current_password: 'not-it', new_password: 'a perfectly long passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body/current_password');
    for (const weak of ['short', 'password1', 'qwerty123', 'x'.repeat(129)]) {
      const response = await change({ current_password: DEMO_PASSWORD, new_password: weak });
      expect(response.statusCode, weak).toBe(400);
      expect(response.json().errors[0].path).toBe('body/new_password');
    }

    const done = await change({
      current_password: DEMO_PASSWORD,
      new_password: 'correct horse battery staple 9',
    });
    expect(done.statusCode).toBe(204);
    const me = (auth: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth });
    expect((await me(here.auth)).statusCode).toBe(200);
    expect((await me(elsewhere.auth)).statusCode).toBe(401);
    await expect(signIn(t.app, 'staff@demo-firm.test', { ip: '10.9.0.4' })).rejects.toThrow(/401/);
    await signIn(t.app, 'staff@demo-firm.test', {
      ip: '10.9.0.5',
      password: 'correct horse battery staple 9',
    });
  });
});
