import { expect } from 'vitest';
import { shares } from '../../src/db/schema/shares';
import { demoWorld } from '../support/demo-world';
import { makeMatter } from '../support/factories/practice';
import type { SignedIn } from '../support/sessions';

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

export { CO_COUNSEL_EMAIL } from '../support/demo-world';

/**
 * The demo world (see `demoWorld`) and two demo matters with the attorney responsible: one shared
 * with the co-counsel by the admin, one not.
 */
export async function conversationsWorld(network: string, env: Record<string, string> = {}) {
  const base = await demoWorld(network, env);
  const { db, firmId, admin, attorney, call } = base;
  const sharedMatter = await makeMatter(db, firmId, { responsibleAttorneyId: attorney.membership.id });
  const unsharedMatter = await makeMatter(db, firmId, { responsibleAttorneyId: attorney.membership.id });
  await db.insert(shares).values({
    firmId,
    contactId: base.coCounselContactId,
    resourceType: 'matter',
    matterId: sharedMatter.id,
    createdByMembershipId: admin.membership.id,
  });

  return {
    ...base,
    sharedMatter,
    unsharedMatter,
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
  };
}

export type ConversationsWorld = Awaited<ReturnType<typeof conversationsWorld>>;
