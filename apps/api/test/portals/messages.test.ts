import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../conversations/support';
import { makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import type { SignedIn } from '../support/sessions';
import { type PortalsWorld, portalsWorld } from './support';

describe('portal messages', () => {
  let w: PortalsWorld;
  beforeAll(async () => {
    w = await portalsWorld('10.93');
  });
  afterAll(() => w.close());

  const messagesUrl = (portalId: string) => `/api/v1/portals/${portalId}/messages`;
  const post = async (as: SignedIn, portalId: string, payload: object): Promise<Message> => {
    const response = await w.call(as, 'POST', messagesUrl(portalId), payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const list = async (as: SignedIn, portalId: string, query = ''): Promise<Message[]> => {
    const response = await w.call(as, 'GET', `${messagesUrl(portalId)}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data;
  };
  const document = (as: SignedIn, documentId: string) => w.call(as, 'GET', `/api/v1/documents/${documentId}`);
  const unreadCount = async (as: SignedIn, portalId: string): Promise<number> => {
    const response = await w.call(as, 'GET', `/api/v1/portals/${portalId}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data.unread_count;
  };

  it('lets the client and firm users post and read, oldest first, page by page', async () => {
    const portal = await w.portal();
    const first = await post(w.client, portal.id, { body: 'Here are my questions.' });
    expect(first).toMatchObject({
      conversation_id: portal.id,
      body: 'Here are my questions.',
      author: { type: 'contact', id: w.clientContactId },
      attachments: [],
    });
    await post(w.attorney, portal.id, { body: 'Answers below.' });
    // A firm user who does not take part joins by posting.
    await post(w.staff, portal.id, { body: 'Scheduling your visit.' });
    const joined = await w.rows<{ n: number }>(
      sql`select count(*)::int as n from conversation_participants
           where conversation_id = ${portal.id} and membership_id = ${w.staff.membership.id}`,
    );
    expect(joined).toEqual([{ n: 1 }]);

    for (const reader of [w.client, w.attorney, w.admin]) {
      expect((await list(reader, portal.id)).map((m) => m.body)).toEqual([
        'Here are my questions.',
        'Answers below.',
        'Scheduling your visit.',
      ]);
    }
    const page = await w.call(w.client, 'GET', `${messagesUrl(portal.id)}?limit=2`);
    expect(page.json().data).toHaveLength(2);
    const cursor = page.json().meta.next_cursor;
    expect(cursor).toEqual(expect.any(String));
    const rest = await list(w.client, portal.id, `?limit=2&cursor=${cursor}`);
    expect(rest.map((m) => m.body)).toEqual(['Scheduling your visit.']);
  });

  it('is out of sight of another firm, of externals who do not take part, and of removed participants', async () => {
    const portal = await w.portal();
    for (const outsider of [w.otherAdmin, w.coCounsel]) {
      expect((await w.call(outsider, 'GET', messagesUrl(portal.id))).statusCode).toBe(404);
      expect((await w.call(outsider, 'POST', messagesUrl(portal.id), { body: 'Hello?' })).statusCode).toBe(
        404,
      );
      expect((await w.call(outsider, 'POST', `/api/v1/portals/${portal.id}/read`)).statusCode).toBe(404);
    }

    await post(w.client, portal.id, { body: 'Before removal.' });
    await w.rows(
      sql`delete from conversation_participants
           where conversation_id = ${portal.id} and contact_id = ${w.clientContactId}`,
    );
    const after = await w.call(w.client, 'POST', messagesUrl(portal.id), { body: 'After removal.' });
    expect(after.statusCode).toBe(404);
    expect(after.json().detail).toBe('No such portal.');
    expect((await w.call(w.client, 'GET', messagesUrl(portal.id))).statusCode).toBe(404);
    expect((await list(w.attorney, portal.id)).map((m) => m.body)).toEqual(['Before removal.']);
  });

  it('refuses new messages while the portal is closed, and takes them again once reopened', async () => {
    const portal = await w.portal();
    await post(w.client, portal.id, { body: 'Before closing.' });
    await w.rows(
      sql`update conversations set closed_at = now(), closed_by_membership_id = ${w.attorney.membership.id}
           where id = ${portal.id}`,
    );
    for (const author of [w.client, w.attorney]) {
      const refused = await w.call(author, 'POST', messagesUrl(portal.id), { body: 'While closed.' });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    // Still readable while closed.
    expect((await list(w.client, portal.id)).map((m) => m.body)).toEqual(['Before closing.']);

    await w.rows(
      sql`update conversations set closed_at = null, closed_by_membership_id = null where id = ${portal.id}`,
    );
    await post(w.client, portal.id, { body: 'Reopened.' });
    expect((await list(w.attorney, portal.id)).map((m) => m.body)).toEqual(['Before closing.', 'Reopened.']);
  });

  it("shows attachments of the portal's matter to the client until their message is deleted", async () => {
    const portal = await w.portal();
    const will = await w.upload(w.attorney, w.matter.rootFolderId, 'Draft will.txt', 'the draft');
    expect((await document(w.client, will)).statusCode).toBe(404);

    const posted = await post(w.attorney, portal.id, { body: 'Please review.', attachment_ids: [will] });
    expect(posted.attachments).toEqual([
      { document_id: will, name: 'Draft will.txt', content_type: 'text/plain', size: 9 },
    ]);
    const opened = await document(w.client, will);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().data.name).toBe('Draft will.txt');
    expect((await list(w.client, portal.id))[0]?.attachments.map((a) => a.document_id)).toEqual([will]);

    // The client may attach what it can open: the document now in its portal.
    const reply = await post(w.client, portal.id, { body: 'Signed copy back.', attachment_ids: [will] });
    expect(reply.attachments.map((a) => a.document_id)).toEqual([will]);

    const removeFirst = await w.call(w.admin, 'DELETE', `${messagesUrl(portal.id)}/${posted.id}`);
    expect(removeFirst.statusCode, removeFirst.body).toBe(204);
    // Still attached to the client's own message: still visible.
    expect((await document(w.client, will)).statusCode).toBe(200);
    const removeReply = await w.call(w.attorney, 'DELETE', `${messagesUrl(portal.id)}/${reply.id}`);
    expect(removeReply.statusCode, removeReply.body).toBe(204);

    expect((await document(w.client, will)).statusCode).toBe(404);
    // The document stays filed to the matter.
    expect((await document(w.attorney, will)).json().data.matter_id).toBe(w.matter.id);
  });

  it('refuses attachments that are not documents of the portal matter the caller can open', async () => {
    const portal = await w.portal();
    const otherMatter = await makeMatter(w.db, w.firmId, { responsibleAttorneyId: w.attorney.membership.id });
    const elsewhere = await w.upload(w.attorney, otherMatter.rootFolderId, 'Elsewhere.txt', 'other');
    const unseen = await w.upload(w.attorney, w.matter.rootFolderId, 'Unseen.txt', 'not shared');

    const wrongMatter = await w.call(w.attorney, 'POST', messagesUrl(portal.id), {
      body: 'Wrong file.',
      attachment_ids: [elsewhere],
    });
    expect(wrongMatter.statusCode, wrongMatter.body).toBe(422);
    expect(errorPaths(wrongMatter)).toBe('/attachment_ids/0');

    const notVisible = await w.call(w.client, 'POST', messagesUrl(portal.id), {
      body: 'Guessing an id.',
      attachment_ids: [unseen],
    });
    expect(notVisible.statusCode, notVisible.body).toBe(422);
    expect(errorPaths(notVisible)).toBe('/attachment_ids/0');
    expect(await list(w.attorney, portal.id)).toEqual([]);
    expect((await document(w.client, unseen)).statusCode).toBe(404);
  });

  it('lets only firm users delete a message, which disappears for everyone and stays audited', async () => {
    const portal = await w.portal();
    const message = await post(w.client, portal.id, { body: 'My account number is 12345.' });

    const byClient = await w.call(w.client, 'DELETE', `${messagesUrl(portal.id)}/${message.id}`);
    expect(byClient.statusCode).toBe(403);
    const byOtherFirm = await w.call(w.otherAdmin, 'DELETE', `${messagesUrl(portal.id)}/${message.id}`);
    expect(byOtherFirm.statusCode).toBe(404);
    // A message of another portal is not found through this one.
    const other = await w.portal();
    const elsewhere = await w.call(w.admin, 'DELETE', `${messagesUrl(other.id)}/${message.id}`);
    expect(elsewhere.statusCode).toBe(404);
    expect((await list(w.client, portal.id)).map((m) => m.id)).toEqual([message.id]);

    const deleted = await w.call(w.staff, 'DELETE', `${messagesUrl(portal.id)}/${message.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    for (const reader of [w.client, w.attorney, w.staff]) {
      expect(await list(reader, portal.id)).toEqual([]);
    }
    expect((await w.call(w.staff, 'DELETE', `${messagesUrl(portal.id)}/${message.id}`)).statusCode).toBe(404);

    const audit = await w.rows<{
      action: string;
      actor_membership_id: string;
      details: Record<string, unknown>;
    }>(
      sql`select action, actor_membership_id, details from audit_events
           where object_id = ${message.id} and action = 'portal.message_deleted'`,
    );
    expect(audit).toEqual([
      {
        action: 'portal.message_deleted',
        actor_membership_id: w.staff.membership.id,
        details: {
          portal_id: portal.id,
          message_id: message.id,
          author_membership_id: w.client.membership.id,
          created_at: message.created_at,
        },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('12345');
  });

  it('keeps read state: unread counts until the reader marks the portal read', async () => {
    const portal = await w.portal();
    await post(w.attorney, portal.id, { body: 'First.' });
    await post(w.attorney, portal.id, { body: 'Second.' });
    expect(await unreadCount(w.client, portal.id)).toBe(2);
    // Own messages are never unread; posting marks what came before read.
    expect(await unreadCount(w.attorney, portal.id)).toBe(0);

    const read = await w.call(w.client, 'POST', `/api/v1/portals/${portal.id}/read`);
    expect(read.statusCode).toBe(204);
    expect(await unreadCount(w.client, portal.id)).toBe(0);

    await post(w.client, portal.id, { body: 'Thanks.' });
    expect(await unreadCount(w.attorney, portal.id)).toBe(1);
    // A firm user who does not take part has no read state.
    expect((await w.call(w.admin, 'POST', `/api/v1/portals/${portal.id}/read`)).statusCode).toBe(204);
    expect(await unreadCount(w.admin, portal.id)).toBe(0);
  });
});
