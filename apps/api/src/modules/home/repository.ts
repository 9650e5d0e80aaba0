import { MAX_ENTRY_DAYS } from '@chambers/contracts/calendar';
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { EXTERNAL_ROLES, type Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { calendarAttendees, calendarEntries } from '../../db/schema/calendar';
import { conversationParticipants, conversations, messages } from '../../db/schema/conversations';
import { documents } from '../../db/schema/documents';
import { matters } from '../../db/schema/matters';
import { memberships } from '../../db/schema/memberships';
import { tasks } from '../../db/schema/tasks';
import { DAY_MS } from '../calendar/timing';
import { type DocumentRow, visibleDocuments } from '../documents/lookup';

/**
 * The overview's queries. Each takes the policy's `scope` for its record type, so a section can
 * only ever hold what the caller may open; each answers its first rows and how many rows there
 * are in all (a window count over the same query, except for documents: see `recentDocuments`).
 */

/** Every row of a section's query carries the section's total. */
const total = sql<number>`count(*) over ()`.mapWith(Number);

/** The caller on a person column pair: its contact card for externals, its membership for firm users. */
export type PersonKey = { contactId: string } | { membershipId: string };

const isPerson = (columns: { membershipId: PgColumn; contactId: PgColumn }, person: PersonKey): SQL =>
  'contactId' in person
    ? eq(columns.contactId, person.contactId)
    : eq(columns.membershipId, person.membershipId);

/** Matters within `scope`, most recently changed first. */
export function recentMatters(db: Db, scope: SQL, limit: number) {
  return db
    .select({
      id: matters.id,
      number: matters.number,
      description: matters.description,
      status: matters.status,
      updatedAt: matters.updatedAt,
      total,
    })
    .from(matters)
    .where(scope)
    .orderBy(desc(matters.updatedAt), desc(matters.id))
    .limit(limit);
}

/**
 * Documents the principal may see, narrowed by `where`, `newest` first by that column, and how
 * many there are. Both reuse the documents module's own query (in scope, live, with an available
 * version), so the overview can never disagree with the documents list; it selects whole rows, so
 * the total is counted over it as a subquery instead of with a window.
 */
export async function recentDocuments(
  db: Db,
  principal: Principal,
  where: SQL | undefined,
  newest: 'createdAt' | 'updatedAt',
  limit: number,
): Promise<{ rows: DocumentRow[]; total: number }> {
  const rows = await visibleDocuments(db, principal, where)
    .orderBy(desc(documents[newest]), desc(documents.id))
    .limit(limit);
  const [counted] = await db
    .select({ n: count() })
    .from(visibleDocuments(db, principal, where).as('visible'));
  return { rows, total: counted?.n ?? 0 };
}

/** Documents whose uploader is one of the firm's externals (co-counsel or clients). */
export function uploadedByExternals(firmId: string): SQL {
  return sql`${documents.uploadedByMembershipId} in (
    select ${memberships.id} from ${memberships}
     where ${memberships.firmId} = ${firmId} and ${inArray(memberships.role, [...EXTERNAL_ROLES])})`;
}

/**
 * Entries within `scope` that `person` attends and that are not over at `now`, soonest first. An
 * entry lasts at most MAX_ENTRY_DAYS, so the start is bounded below too and the (firm, starts_at)
 * index serves the range.
 */
export function upcomingEvents(db: Db, scope: SQL, person: PersonKey, now: Date, limit: number) {
  return db
    .select({
      id: calendarEntries.id,
      title: calendarEntries.title,
      startsAt: calendarEntries.startsAt,
      endsAt: calendarEntries.endsAt,
      allDay: calendarEntries.allDay,
      timeZone: calendarEntries.timeZone,
      matterId: calendarEntries.matterId,
      total,
    })
    .from(calendarEntries)
    .where(
      and(
        scope,
        gt(calendarEntries.endsAt, now),
        gte(calendarEntries.startsAt, new Date(now.getTime() - MAX_ENTRY_DAYS * DAY_MS)),
        sql`exists (select 1 from ${calendarAttendees}
                     where ${calendarAttendees.entryId} = ${calendarEntries.id}
                       and ${isPerson(calendarAttendees, person)})`,
      ),
    )
    .orderBy(asc(calendarEntries.startsAt), asc(calendarEntries.id))
    .limit(limit);
}

/** Tasks within `scope` assigned to `person` and not completed, by due date (undated last). */
export function openTasks(db: Db, scope: SQL, person: PersonKey, limit: number) {
  return db
    .select({
      id: tasks.id,
      name: tasks.name,
      dueDate: tasks.dueDate,
      priority: tasks.priority,
      status: tasks.status,
      matterId: tasks.matterId,
      total,
    })
    .from(tasks)
    .where(
      and(
        scope,
        isPerson({ membershipId: tasks.assigneeMembershipId, contactId: tasks.assigneeContactId }, person),
        ne(tasks.status, 'completed'),
      ),
    )
    .orderBy(sql`${tasks.dueDate} asc nulls last`, asc(tasks.id))
    .limit(limit);
}

/**
 * Conversations within `scope` where `person` takes part and has unread messages: posted after
 * its `last_read_at` (all of them if it never read) by anyone but `membershipId`, the caller's
 * own account. Most recent message first, with the unread count of each and of all.
 */
export function unreadConversations(
  db: Db,
  scope: SQL,
  person: PersonKey,
  membershipId: string,
  limit: number,
) {
  const unread = db
    .select({ conversationId: messages.conversationId, unread: count().as('unread') })
    .from(messages)
    .innerJoin(
      conversationParticipants,
      and(
        eq(conversationParticipants.conversationId, messages.conversationId),
        isPerson(conversationParticipants, person),
      ),
    )
    .where(
      and(
        ne(messages.authorMembershipId, membershipId),
        or(
          isNull(conversationParticipants.lastReadAt),
          gt(messages.createdAt, conversationParticipants.lastReadAt),
        ),
      ),
    )
    .groupBy(messages.conversationId)
    .as('unread');
  return db
    .select({
      id: conversations.id,
      subject: conversations.subject,
      matterId: conversations.matterId,
      lastMessageAt: conversations.lastMessageAt,
      unread: unread.unread,
      total,
      totalUnread: sql<number>`sum(${unread.unread}) over ()`.mapWith(Number),
    })
    .from(conversations)
    .innerJoin(unread, eq(unread.conversationId, conversations.id))
    .where(scope)
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(limit);
}

/**
 * Portals within `scope` where `person` takes part, most recent message first, each with how many
 * messages by anyone but `membershipId` (the caller's own account) it has not read yet.
 */
export function ownPortals(db: Db, scope: SQL, person: PersonKey, membershipId: string, limit: number) {
  const unread = sql<number>`(select count(*) from ${messages}
      where ${messages.conversationId} = ${conversations.id}
        and ${messages.authorMembershipId} <> ${membershipId}
        and (${conversationParticipants.lastReadAt} is null or ${messages.createdAt} > ${conversationParticipants.lastReadAt}))`;
  return db
    .select({
      id: conversations.id,
      name: conversations.subject,
      lastMessageAt: conversations.lastMessageAt,
      unread: unread.mapWith(Number),
      total,
    })
    .from(conversations)
    .innerJoin(
      conversationParticipants,
      and(
        eq(conversationParticipants.conversationId, conversations.id),
        isPerson(conversationParticipants, person),
      ),
    )
    .where(scope)
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(limit);
}
