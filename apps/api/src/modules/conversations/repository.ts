import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { conversationParticipants, conversations, messages } from '../../db/schema/conversations';
import { matters } from '../../db/schema/matters';
import { memberships } from '../../db/schema/memberships';
import type { TimeKey } from '../../lib/cursor';
import type { PersonColumns } from '../practice/people';

export type ConversationRow = typeof conversations.$inferSelect;
export type ParticipantRow = typeof conversationParticipants.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

/** Whose read state a query is about: the caller's participation and its own membership. */
export interface Reader {
  /** How the caller takes part: as its membership (firm users) or its contact card (externals). */
  person: PersonColumns;
  membershipId: string;
}

/** The participation of `person` (membership or contact) in a conversation. */
export function participantIs(person: PersonColumns): SQL {
  return person.membershipId
    ? eq(conversationParticipants.membershipId, person.membershipId)
    : eq(conversationParticipants.contactId, person.contactId ?? '');
}

/** Messages by someone other than the reader that its participation has not read yet. */
const unreadBy = (reader: Reader) =>
  and(
    participantIs(reader.person),
    ne(messages.authorMembershipId, reader.membershipId),
    sql`(${conversationParticipants.lastReadAt} is null or ${messages.createdAt} > ${conversationParticipants.lastReadAt})`,
  );

/** Whether the conversation of the outer query's row has messages the reader has not read. */
const hasUnread = (reader: Reader) =>
  sql`exists (select 1 from ${messages}
      join ${conversationParticipants} on ${conversationParticipants.conversationId} = ${messages.conversationId}
     where ${messages.conversationId} = ${conversations.id} and ${unreadBy(reader)})`;

export type ConversationWithUnread = ConversationRow & { unreadCount: number };

/**
 * How many messages of each conversation the reader has not read. One that does not take part
 * has no read state: none are unread for it.
 */
async function withUnreadCounts(
  db: Db,
  reader: Reader,
  rows: ConversationRow[],
): Promise<ConversationWithUnread[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .select({ conversationId: messages.conversationId, count: sql<number>`count(*)::int` })
    .from(messages)
    .innerJoin(conversationParticipants, eq(conversationParticipants.conversationId, messages.conversationId))
    .where(
      and(
        inArray(
          messages.conversationId,
          rows.map((row) => row.id),
        ),
        unreadBy(reader),
      ),
    )
    .groupBy(messages.conversationId);
  const unread = new Map(counts.map((row) => [row.conversationId, row.count]));
  return rows.map((row) => ({ ...row, unreadCount: unread.get(row.id) ?? 0 }));
}

/** Conversations within `scope`, newest activity first, after the keyset position `after`. */
export async function listConversations(
  db: Db,
  scope: SQL,
  reader: Reader,
  options: { limit: number; after?: TimeKey; matterId?: string; unread?: boolean },
): Promise<ConversationWithUnread[]> {
  const rows = await db
    .select()
    .from(conversations)
    .where(
      and(
        scope,
        options.matterId ? eq(conversations.matterId, options.matterId) : undefined,
        options.unread ? hasUnread(reader) : undefined,
        options.after
          ? sql`(${conversations.lastMessageAt}, ${conversations.id}) < (${options.after.at.toISOString()}::timestamptz, ${options.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(options.limit);
  return withUnreadCounts(db, reader, rows);
}

export async function findConversation(
  db: Db,
  scope: SQL,
  reader: Reader,
  conversationId: string,
): Promise<ConversationWithUnread | null> {
  const rows = await db
    .select()
    .from(conversations)
    .where(and(scope, eq(conversations.id, conversationId)))
    .limit(1);
  const [row] = await withUnreadCounts(db, reader, rows);
  return row ?? null;
}

/**
 * Holds the conversation's row until the transaction ends. Posting, managing participants and
 * the notification job all take it first, so a job never counts messages while one is being
 * posted (see `./notifications.ts`). `share` lets jobs of one conversation run side by side.
 */
export async function lockConversation(db: Db, conversationId: string, mode: 'update' | 'share') {
  await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .for(mode);
}

/** Whether a conversation is a `conversation` or a `portal` (null once gone). */
export async function conversationKind(
  db: Db,
  conversationId: string,
): Promise<ConversationRow['kind'] | null> {
  const [row] = await db
    .select({ kind: conversations.kind })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .limit(1);
  return row?.kind ?? null;
}

export async function insertConversation(
  db: Db,
  values: typeof conversations.$inferInsert,
): Promise<ConversationRow> {
  const [row] = await db.insert(conversations).values(values).returning();
  if (!row) throw new Error('conversation not inserted');
  return row;
}

export async function updateConversation(
  db: Db,
  conversationId: string,
  values: Partial<Pick<typeof conversations.$inferInsert, 'subject' | 'lastMessageAt'>>,
): Promise<void> {
  await db.update(conversations).set(values).where(eq(conversations.id, conversationId));
}

/** The participants of some conversations, oldest first. */
export function participantsOf(db: Db, conversationIds: readonly string[]): Promise<ParticipantRow[]> {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(conversationParticipants)
    .where(inArray(conversationParticipants.conversationId, [...conversationIds]))
    .orderBy(asc(conversationParticipants.createdAt), asc(conversationParticipants.id));
}

export async function findParticipant(
  db: Db,
  where: { conversationId: string } & ({ person: PersonColumns } | { participantId: string }),
  lock = false,
): Promise<ParticipantRow | null> {
  const query = db
    .select()
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, where.conversationId),
        'person' in where
          ? participantIs(where.person)
          : eq(conversationParticipants.id, where.participantId),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findParticipantById(db: Db, participantId: string): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(conversationParticipants)
    .where(eq(conversationParticipants.id, participantId))
    .limit(1);
  return row ?? null;
}

export async function insertParticipants(
  db: Db,
  values: (typeof conversationParticipants.$inferInsert)[],
): Promise<ParticipantRow[]> {
  if (values.length === 0) return [];
  return db.insert(conversationParticipants).values(values).returning();
}

export async function deleteParticipant(db: Db, participantId: string): Promise<void> {
  await db.delete(conversationParticipants).where(eq(conversationParticipants.id, participantId));
}

/** Moves a participant's read state forward to `at` (never back). */
export async function markReadUntil(db: Db, participantId: string, at: Date): Promise<void> {
  await db
    .update(conversationParticipants)
    .set({
      lastReadAt: sql`greatest(${conversationParticipants.lastReadAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(eq(conversationParticipants.id, participantId));
}

/**
 * Marks everything the caller can see as read: up to the conversation's newest message as this
 * transaction sees it, so a message still being posted stays unread.
 */
export async function markAllRead(db: Db, conversationId: string, person: PersonColumns): Promise<void> {
  await db
    .update(conversationParticipants)
    .set({
      lastReadAt: sql`greatest(${conversationParticipants.lastReadAt},
        (select ${conversations.lastMessageAt} from ${conversations} where ${conversations.id} = ${conversationId}))`,
    })
    .where(and(eq(conversationParticipants.conversationId, conversationId), participantIs(person)));
}

export async function setNotifiedAt(db: Db, participantId: string, at: Date): Promise<void> {
  await db
    .update(conversationParticipants)
    .set({ notifiedAt: at })
    .where(eq(conversationParticipants.id, participantId));
}

/**
 * Inserts a message stamped with the database clock at this statement (not the transaction's
 * start): the caller holds the conversation lock, so every message committed before has an
 * earlier time, which the read and notification marks rely on.
 */
export async function insertMessage(
  db: Db,
  values: Pick<typeof messages.$inferInsert, 'firmId' | 'conversationId' | 'authorMembershipId' | 'body'>,
): Promise<MessageRow> {
  const [row] = await db
    .insert(messages)
    .values({ ...values, createdAt: sql`clock_timestamp()` })
    .returning();
  if (!row) throw new Error('message not inserted');
  return row;
}

/** A conversation's messages, oldest first, after the keyset position `after`. */
export function listMessages(
  db: Db,
  conversationId: string,
  options: { limit?: number; after?: TimeKey },
): Promise<MessageRow[]> {
  const query = db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        options.after
          ? sql`(${messages.createdAt}, ${messages.id}) > (${options.after.at.toISOString()}::timestamptz, ${options.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return options.limit === undefined ? query : query.limit(options.limit);
}

/** One message of a conversation (none if it belongs to another). */
export async function findMessage(
  db: Db,
  conversationId: string,
  messageId: string,
): Promise<MessageRow | null> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.id, messageId)))
    .limit(1);
  return row ?? null;
}

/** Deletes a message; its attachment rows go with it, the documents stay where they are filed. */
export async function deleteMessage(db: Db, messageId: string): Promise<void> {
  await db.delete(messages).where(eq(messages.id, messageId));
}

/**
 * How many messages of a conversation a participant has neither read nor been mailed about, and
 * the newest one's time. Its own messages do not count (an external writes as its membership).
 */
export async function unnotifiedMessages(
  db: Db,
  participant: ParticipantRow,
): Promise<{ count: number; newest: Date | null }> {
  const seen = [participant.lastReadAt, participant.notifiedAt]
    .filter((at): at is Date => at !== null)
    .reduce<Date | null>((latest, at) => (latest === null || at > latest ? at : latest), null);
  const ownMembership = participant.membershipId
    ? ne(messages.authorMembershipId, participant.membershipId)
    : sql`${messages.authorMembershipId} not in (select ${memberships.id} from ${memberships} where ${memberships.contactId} = ${participant.contactId})`;
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      newest: sql<Date | null>`max(${messages.createdAt})`.mapWith(messages.createdAt),
    })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, participant.conversationId),
        ownMembership,
        seen ? sql`${messages.createdAt} > ${seen.toISOString()}::timestamptz` : undefined,
      ),
    );
  return { count: row?.count ?? 0, newest: row?.newest ?? null };
}

/** A matter's number, if `matterScope` (the caller's) lets it see the matter. */
export async function visibleMatterNumber(
  db: Db,
  matterScope: SQL,
  matterId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ number: matters.number })
    .from(matters)
    .where(and(matterScope, eq(matters.id, matterId)))
    .limit(1);
  return row?.number ?? null;
}
