import { HOME_SECTION_ITEMS, type Home, type HomeDocument } from '@chambers/contracts/home';
import type { FastifyInstance } from 'fastify';
import { isExternal, type Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { scope } from '../../policy/policy';
import type { DocumentRow } from '../documents/lookup';
import { matterMask } from '../practice/matter-mask';
import { loadMembersAsPeople, memberAsPerson } from '../practice/members-as-people';
import * as repo from './repository';

const LIMIT = HOME_SECTION_ITEMS;

/** The caller as attendee, assignee and participant: externals by their contact card, firm users by membership. */
const personOf = (principal: Principal): repo.PersonKey =>
  principal.contactId === null
    ? { membershipId: principal.membershipId }
    : { contactId: principal.contactId };

/** The sections every caller has: its own upcoming events, open tasks and unread conversations. */
async function ownSections(db: Db, principal: Principal) {
  const person = personOf(principal);
  const [events, tasks, conversations] = await Promise.all([
    repo.upcomingEvents(db, scope(principal, 'calendar_entry'), person, new Date(), LIMIT),
    repo.openTasks(db, scope(principal, 'task'), person, LIMIT),
    repo.unreadConversations(db, scope(principal, 'conversation'), person, principal.membershipId, LIMIT),
  ]);
  return { events, tasks, conversations };
}

const section = <Row extends { total: number }, Item>(rows: Row[], shape: (row: Row) => Item) => ({
  count: rows[0]?.total ?? 0,
  items: rows.map(shape),
});

function toHomeDocument(
  { document, version }: DocumentRow,
  matterOf: (id: string) => string | null,
): HomeDocument {
  return {
    id: document.id,
    name: document.name,
    matter_id: matterOf(document.matterId),
    content_type: version.contentType,
    created_at: document.createdAt.toISOString(),
    updated_at: document.updatedAt.toISOString(),
  };
}

/**
 * The caller's overview. Externals get what is shared with them, their own events, tasks and
 * conversations, and the portals they take part in; a client's policy scope holds only its portals
 * and their documents, so its other sections come out empty. Firm users get their own events,
 * tasks, conversations and portals, and the latest uploads by externals. Every query goes through the policy's
 * `scope`, so nothing listed is something the caller cannot open.
 */
export async function getHome(app: FastifyInstance, principal: Principal): Promise<Home> {
  const db = app.database.db;
  const external = isExternal(principal.role);
  const [own, matters, portals, documents] = await Promise.all([
    ownSections(db, principal),
    external ? repo.recentMatters(db, scope(principal, 'matter'), LIMIT) : [],
    repo.ownPortals(db, scope(principal, 'portal'), personOf(principal), principal.membershipId, LIMIT),
    external
      ? repo.recentDocuments(db, principal, undefined, 'updatedAt', LIMIT)
      : repo.recentDocuments(db, principal, repo.uploadedByExternals(principal.firmId), 'createdAt', LIMIT),
  ]);
  const matterOf = await matterMask(db, principal, [
    ...own.events.map((row) => row.matterId),
    ...own.tasks.map((row) => row.matterId),
    ...own.conversations.map((row) => row.matterId),
    ...documents.rows.map((row) => row.document.matterId),
  ]);

  const common = {
    upcoming_events: section(own.events, (row) => ({
      id: row.id,
      title: row.title,
      starts_at: row.startsAt.toISOString(),
      ends_at: row.endsAt.toISOString(),
      all_day: row.allDay,
      time_zone: row.timeZone,
      matter_id: matterOf(row.matterId),
    })),
    open_tasks: section(own.tasks, (row) => ({
      id: row.id,
      name: row.name,
      due_date: row.dueDate,
      priority: row.priority,
      status: row.status,
      matter_id: matterOf(row.matterId),
    })),
    unread_conversations: {
      ...section(own.conversations, (row) => ({
        id: row.id,
        subject: row.subject,
        matter_id: matterOf(row.matterId),
        last_message_at: row.lastMessageAt.toISOString(),
        unread_count: row.unread,
      })),
      unread_messages: own.conversations[0]?.totalUnread ?? 0,
    },
    portals: section(portals, (row) => ({
      id: row.id,
      name: row.name,
      last_message_at: row.lastMessageAt.toISOString(),
      unread_count: row.unread,
    })),
  };
  const recent = { count: documents.total, items: documents.rows };

  if (external) {
    return {
      view: 'external',
      shared_matters: section(matters, (row) => ({
        id: row.id,
        number: row.number,
        description: row.description,
        status: row.status,
        updated_at: row.updatedAt.toISOString(),
      })),
      recent_documents: { ...recent, items: recent.items.map((row) => toHomeDocument(row, matterOf)) },
      ...common,
    };
  }
  // Uploaders are externals: named as the contact cards the firm knows them by.
  const uploaders = await loadMembersAsPeople(
    db,
    recent.items.map((row) => row.document.uploadedByMembershipId),
  );
  return {
    view: 'firm',
    ...common,
    external_uploads: {
      ...recent,
      items: recent.items.map((row) => ({
        ...toHomeDocument(row, matterOf),
        uploaded_by: memberAsPerson(uploaders, row.document.uploadedByMembershipId),
      })),
    },
  };
}
