import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conversationParticipants,
  conversations,
  messageAttachments,
  messages,
} from '../../src/db/schema/conversations';
import { folders } from '../../src/db/schema/documents';
import { tasks } from '../../src/db/schema/tasks';
import { type PortalsWorld, portalsWorld } from '../portals/support';
import { makeDocument } from '../support/factories/documents';
import type { SignedIn } from '../support/sessions';

interface Section<T> {
  count: number;
  items: T[];
}
type Named = { id: string; name?: string; subject?: string; matter_id?: string | null };
interface Home {
  view: 'external' | 'firm';
  shared_matters?: Section<Named>;
  recent_documents?: Section<Named>;
  upcoming_events: Section<Named>;
  open_tasks: Section<Named>;
  unread_conversations: Section<Named & { unread_count: number }> & { unread_messages: number };
  portals?: Section<{ id: string; name: string; last_message_at: string; unread_count: number }>;
}

const HOUR_MS = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS);

/**
 * The overview of portal participants: a client sees only its portals (with unread counts) and
 * their documents; co-counsel sees its usual sections plus the portals it takes part in; the
 * firm's overview lists the portals its user takes part in.
 */
describe('GET /api/v1/home with client portals', () => {
  let w: PortalsWorld;
  /** The client's portal: a shared folder, a shared document, an attachment; two unread messages. */
  let clientPortal: { id: string };
  /** A portal of the same matter the client does not take part in (the related contact does). */
  let otherPortal: { id: string };
  /** A portal with the attorney, the client and co-counsel: read by the client, unread for co-counsel. */
  let jointPortal: { id: string };
  let clientParticipantId: string;

  const home = async (session: SignedIn): Promise<Home> => {
    const response = await w.call(session, 'GET', '/api/v1/home');
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data;
  };
  const names = (section: Section<Named> | undefined) =>
    (section?.items ?? []).map((item) => item.name ?? item.subject).sort();
  const document = async (name: string, folderId: string) =>
    (
      await makeDocument(w.db, {
        firmId: w.firmId,
        matterId: w.matter.id,
        folderId,
        uploadedBy: w.attorney.membership.id,
        name,
      })
    ).document.id;
  const folder = async (name: string) => {
    const [row] = await w.db
      .insert(folders)
      .values({ firmId: w.firmId, matterId: w.matter.id, parentId: w.matter.rootFolderId, name })
      .returning();
    return row?.id ?? '';
  };
  /** Posts `[author membership, hours ago]` messages into a conversation and moves its last message time. */
  const thread = async (conversationId: string, posts: [string, number][]) => {
    const rows = await w.db
      .insert(messages)
      .values(
        posts.map(([author, hours]) => ({
          firmId: w.firmId,
          conversationId,
          authorMembershipId: author,
          body: `Posted ${hours} hours ago`,
          createdAt: hoursAgo(hours),
        })),
      )
      .returning();
    const newest = Math.min(...posts.map(([, hours]) => hours));
    await w.db
      .update(conversations)
      .set({ lastMessageAt: hoursAgo(newest) })
      .where(eq(conversations.id, conversationId));
    return rows.map((row) => row.id);
  };
  const readUntil = (conversationId: string, person: { contactId: string }, at: Date | null) =>
    w.db
      .update(conversationParticipants)
      .set({ lastReadAt: at })
      .where(
        and(
          eq(conversationParticipants.conversationId, conversationId),
          eq(conversationParticipants.contactId, person.contactId),
        ),
      );

  beforeAll(async () => {
    w = await portalsWorld('10.98');
    const attorney = w.attorney.membership.id;
    const client = w.client.membership.id;
    const sharedFolder = await folder('For the client');
    const firmFolder = await folder('Firm only');
    await document('In the shared folder.pdf', sharedFolder);
    await document('Firm memo.pdf', firmFolder);
    const sharedAlone = await document('Shared on its own.pdf', w.matter.rootFolderId);
    const attached = await document('Attached to a message.pdf', firmFolder);
    const inOtherPortal = await document('In the other portal.pdf', w.matter.rootFolderId);
    const inJointPortal = await document('For co-counsel and client.pdf', w.matter.rootFolderId);

    clientPortal = await w.portal({
      name: 'Your case',
      folderIds: [sharedFolder],
      documentIds: [sharedAlone],
    });
    const [, , reply] = await thread(clientPortal.id, [
      [attorney, 30],
      [client, 20],
      [attorney, 10],
      [attorney, 2],
    ]);
    await w.db
      .insert(messageAttachments)
      .values({ firmId: w.firmId, messageId: reply ?? '', documentId: attached });
    // Read before its own message: the attorney's two later ones are unread, its own never counts.
    await readUntil(clientPortal.id, { contactId: w.clientContactId }, hoursAgo(25));

    otherPortal = await w.portal({
      name: 'Family matters',
      participants: [{ membershipId: attorney }, { contactId: w.relatedContact.id }],
      documentIds: [inOtherPortal],
    });
    await thread(otherPortal.id, [[attorney, 1]]);

    jointPortal = await w.portal({
      name: 'Working with co-counsel',
      participants: [
        { membershipId: attorney },
        { contactId: w.clientContactId },
        { contactId: w.coCounselContactId },
      ],
      documentIds: [inJointPortal],
    });
    await thread(jointPortal.id, [[attorney, 5]]);
    await readUntil(jointPortal.id, { contactId: w.clientContactId }, new Date());

    // An ordinary conversation with co-counsel and, odd as it is, the client; and a task for the
    // client: both outside what a client may open.
    const [regular] = await w.db
      .insert(conversations)
      .values({ firmId: w.firmId, subject: 'Deposition outline', createdByMembershipId: attorney })
      .returning();
    await w.db.insert(conversationParticipants).values([
      { firmId: w.firmId, conversationId: regular?.id ?? '', membershipId: attorney },
      { firmId: w.firmId, conversationId: regular?.id ?? '', contactId: w.coCounselContactId },
      { firmId: w.firmId, conversationId: regular?.id ?? '', contactId: w.clientContactId },
    ]);
    await thread(regular?.id ?? '', [
      [w.coCounsel.membership.id, 4],
      [attorney, 3],
    ]);
    await w.db.insert(tasks).values({
      firmId: w.firmId,
      matterId: w.matter.id,
      name: 'Send us your March invoices',
      assigneeContactId: w.clientContactId,
      createdByMembershipId: attorney,
    });

    const [participant] = await w.rows<{ id: string }>(
      sql`select id from conversation_participants where conversation_id = ${clientPortal.id} and contact_id = ${w.clientContactId}`,
    );
    clientParticipantId = participant?.id ?? '';
  });
  afterAll(() => w.close());

  it('shows a client its portals with unread counts, most recent first, and not another portal', async () => {
    const overview = await home(w.client);
    expect(overview.view).toBe('external');
    expect(overview.portals).toEqual({
      count: 2,
      items: [
        {
          id: clientPortal.id,
          name: 'Your case',
          last_message_at: expect.any(String),
          unread_count: 2,
        },
        {
          id: jointPortal.id,
          name: 'Working with co-counsel',
          last_message_at: expect.any(String),
          unread_count: 0,
        },
      ],
    });
    expect(overview.portals?.items.map((item) => item.id)).not.toContain(otherPortal.id);
    expect(Date.parse(overview.portals?.items[0]?.last_message_at ?? '')).toBeGreaterThan(
      Date.parse(overview.portals?.items[1]?.last_message_at ?? ''),
    );
  });

  it('lists a client the documents of its portals only, without naming their matter', async () => {
    const overview = await home(w.client);
    expect(overview.recent_documents?.count).toBe(4);
    expect(names(overview.recent_documents)).toEqual([
      'Attached to a message.pdf',
      'For co-counsel and client.pdf',
      'In the shared folder.pdf',
      'Shared on its own.pdf',
    ]);
    expect(overview.recent_documents?.items.map((item) => item.matter_id)).toEqual([null, null, null, null]);
  });

  it('gives a client nothing of matters, events, tasks or conversations', async () => {
    const overview = await home(w.client);
    expect(overview.shared_matters).toEqual({ count: 0, items: [] });
    expect(overview.upcoming_events).toEqual({ count: 0, items: [] });
    expect(overview.open_tasks).toEqual({ count: 0, items: [] });
    expect(overview.unread_conversations).toEqual({ count: 0, items: [], unread_messages: 0 });
  });

  it('shows co-counsel the portals it takes part in beside its unread conversations, which exclude portals', async () => {
    const overview = await home(w.coCounsel);
    expect(overview.view).toBe('external');
    expect(overview.portals).toEqual({
      count: 1,
      items: [
        expect.objectContaining({ id: jointPortal.id, name: 'Working with co-counsel', unread_count: 1 }),
      ],
    });
    expect(overview.unread_conversations).toEqual({
      count: 1,
      unread_messages: 1,
      items: [expect.objectContaining({ subject: 'Deposition outline', unread_count: 1 })],
    });
    expect(names(overview.recent_documents)).toEqual(['For co-counsel and client.pdf']);
    expect(overview.shared_matters).toEqual({ count: 0, items: [] });
  });

  it('lists the portals a firm user takes part in with its own unread counts, never among conversations', async () => {
    const overview = await home(w.attorney);
    expect(overview.view).toBe('firm');
    expect(names(overview.portals)).toEqual(['Family matters', 'Working with co-counsel', 'Your case']);
    // The client's message is unread for the attorney; the attorney's own messages never count.
    expect(overview.portals?.items.map((portal) => [portal.name, portal.unread_count]).sort()).toEqual([
      ['Family matters', 0],
      ['Working with co-counsel', 0],
      ['Your case', 1],
    ]);
    expect(names(overview.unread_conversations)).toEqual(['Deposition outline']);
    // A firm user who takes part in none sees none, though it may open them all.
    expect((await home(w.staff)).portals).toEqual({ count: 0, items: [] });
  });

  it('drops a portal and its documents from the client’s overview once it is removed from it', async () => {
    await w.db.delete(conversationParticipants).where(eq(conversationParticipants.id, clientParticipantId));
    const overview = await home(w.client);
    expect(overview.portals).toEqual({
      count: 1,
      items: [expect.objectContaining({ id: jointPortal.id })],
    });
    expect(names(overview.recent_documents)).toEqual(['For co-counsel and client.pdf']);
  });
});
