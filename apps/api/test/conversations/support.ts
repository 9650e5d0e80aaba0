import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { shares } from '../../src/db/schema/shares';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeMatter } from '../support/factories/practice';
import { multipartForm } from '../support/multipart';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

export interface Person {
  type: 'user' | 'contact';
  id: string;
  name: string;
}
export interface Conversation {
  id: string;
  subject: string;
  matter_id: string | null;
  participants: { id: string; person: Person }[];
  last_message_at: string;
  unread_count: number;
  created_by: Person;
  created_at: string;
  updated_at: string;
}
export interface Message {
  id: string;
  conversation_id: string;
  body: string;
  author: Person;
  created_at: string;
  attachments: { document_id: string; name: string; content_type: string; size: number }[];
}

export const CO_COUNSEL_EMAIL = 'cocounsel@outside-counsel.test';

/**
 * The demo firms (without practice data, so lists start empty), sessions for the demo firm's
 * users and co-counsel and the second firm's admin, and two demo matters with the attorney
 * responsible: one shared with the co-counsel by the admin, one not.
 */
export async function conversationsWorld(network: string, env: Record<string, string> = {}) {
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
  const otherAdmin = await session('admin@harbor-vale.test');
  const firmId = admin.membership.firm_id;
  const [coCounselRow] = await rows<{ contact_id: string }>(
    sql`select contact_id from memberships where id = ${coCounsel.membership.id}`,
  );
  const coCounselContactId = coCounselRow?.contact_id ?? '';
  const sharedMatter = await makeMatter(db, firmId, { responsibleAttorneyId: attorney.membership.id });
  const unsharedMatter = await makeMatter(db, firmId, { responsibleAttorneyId: attorney.membership.id });
  await db.insert(shares).values({
    firmId,
    contactId: coCounselContactId,
    resourceType: 'matter',
    matterId: sharedMatter.id,
    createdByMembershipId: admin.membership.id,
  });

  const user = (signedIn: SignedIn) => ({ type: 'user' as const, id: signedIn.membership.id });
  const contact = (id: string) => ({ type: 'contact' as const, id });

  return {
    t,
    db,
    call,
    rows,
    nextIp,
    admin,
    attorney,
    staff,
    coCounsel,
    otherAdmin,
    firmId,
    coCounselContactId,
    sharedMatter,
    unsharedMatter,
    user,
    contact,
    /** Starts a conversation as `as` (201 expected). */
    async start(as: SignedIn, payload: object): Promise<Conversation> {
      const response = await call(as, 'POST', '/api/v1/conversations', payload);
      expect(response.statusCode, response.body).toBe(201);
      return response.json().data;
    },
    /** Posts a message as `as` (201 expected). */
    async post(as: SignedIn, conversationId: string, payload: object): Promise<Message> {
      const response = await call(as, 'POST', `/api/v1/conversations/${conversationId}/messages`, payload);
      expect(response.statusCode, response.body).toBe(201);
      return response.json().data;
    },
    /** The conversation as `as` reads it (200 expected). */
    async read(as: SignedIn, conversationId: string): Promise<Conversation> {
      const response = await call(as, 'GET', `/api/v1/conversations/${conversationId}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().data;
    },
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

export type ConversationsWorld = Awaited<ReturnType<typeof conversationsWorld>>;
