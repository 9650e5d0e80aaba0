import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from './api-calls';
import { multipartForm } from './multipart';
import { type SignedIn, signIn } from './sessions';
import { createTestApp, type TestApp } from './test-app';

export const CO_COUNSEL_EMAIL = 'cocounsel@outside-counsel.test';
export const CLIENT_EMAIL = 'client@client.test';

/**
 * A test app on the demo firms (without practice data, so lists start empty), with calls from
 * fresh addresses on `network` and sessions for the demo firm's users, its co-counsel and client,
 * and the second firm's admin. The start of the conversations and portals worlds.
 */
export async function demoWorld(network: string, env: Record<string, string> = {}) {
  let t: TestApp | undefined;
  const app = () => {
    if (!t) throw new Error('world not started');
    return t;
  };
  const { nextIp, call, rows } = apiCalls(app, network);
  t = await createTestApp({ env });
  const db = t.database.db;
  await seedDemoFirm(db);
  const session = (email: string) => signIn(app().app, email, { ip: nextIp() });
  const admin = await session('admin@demo-firm.test');
  const attorney = await session('attorney@demo-firm.test');
  const staff = await session('staff@demo-firm.test');
  const coCounsel = await session(CO_COUNSEL_EMAIL);
  const client = await session(CLIENT_EMAIL);
  const otherAdmin = await session('admin@harbor-vale.test');
  /** The contact card an external signs in through. */
  const contactOf = async (signedIn: SignedIn) =>
    (
      await rows<{ contact_id: string }>(
        sql`select contact_id from memberships where id = ${signedIn.membership.id}`,
      )
    )[0]?.contact_id ?? '';
  return {
    t,
    db,
    app,
    call,
    rows,
    nextIp,
    admin,
    attorney,
    staff,
    coCounsel,
    client,
    otherAdmin,
    firmId: admin.membership.firm_id,
    coCounselContactId: await contactOf(coCounsel),
    clientContactId: await contactOf(client),
    user: (signedIn: SignedIn) => ({ type: 'user' as const, id: signedIn.membership.id }),
    contact: (id: string) => ({ type: 'contact' as const, id }),
    /** Uploads one file into a folder through `POST /documents` and answers its id. */
    async upload(as: SignedIn, folderId: string, name: string, data: string): Promise<string> {
      const form = multipartForm([
        { name: 'folder_id', data: folderId },
        { name: 'file', filename: name, data, contentType: 'text/plain' },
      ]);
      const response = await app().app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: { ...as.auth, ...form.headers },
        payload: form.payload,
        remoteAddress: nextIp(),
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().data[0].id;
    },
    close: () => app().close(),
  };
}
