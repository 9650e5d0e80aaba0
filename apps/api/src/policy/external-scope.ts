import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from '../auth/principal';
import { activities } from '../db/schema/activities';
import { calendarAttendees, calendarEntries } from '../db/schema/calendar';
import { communications } from '../db/schema/communications';
import { contacts } from '../db/schema/contacts';
import {
  conversationParticipants,
  conversations,
  messageAttachments,
  messages,
} from '../db/schema/conversations';
import { documents, folders } from '../db/schema/documents';
import { matterContacts, matters } from '../db/schema/matters';
import { notes } from '../db/schema/notes';
import { portalSharedResources } from '../db/schema/portals';
import { shares } from '../db/schema/shares';
import { tasks } from '../db/schema/tasks';
import type { PracticeRecordType } from './practice-records';

/**
 * What an external membership sees, as SQL over each record's own columns, evaluated on every
 * request: a share made or stopped, a participant removed, a folder moved, takes effect on the very
 * next call. Read alongside the access contract in DESIGN.md ("What an external sees"); each line
 * there is one condition here. Every condition also pins the principal's firm. Co-counsel see what
 * is shared with them and the portals they take part in; clients only the portals.
 */

/** Matters shared with the principal's contact. */
const sharedMatterIds = (p: Principal) =>
  sql`select ${shares.matterId} from ${shares}
       where ${shares.contactId} = ${p.contactId} and ${shares.firmId} = ${p.firmId} and ${shares.matterId} is not null`;

/**
 * Folders shared with the contact and every folder below them, as they sit now. The children of
 * each level are looked up through the parent index (`offset 0` keeps the lateral lookup from being
 * flattened into a join): planned as a join, the walk may read every folder of every firm once per
 * level, as PostgreSQL chose with 10,000 folders (17 ms instead of 0.3 ms on PGlite).
 */
const sharedFolderIds = (p: Principal) =>
  sql`with recursive shared_tree(id) as (
        select ${shares.folderId} from ${shares}
         where ${shares.contactId} = ${p.contactId} and ${shares.firmId} = ${p.firmId} and ${shares.folderId} is not null
        union
        select child.id from shared_tree
          cross join lateral (select f.id from ${folders} f where f.parent_id = shared_tree.id offset 0) child
      ) select id from shared_tree`;

/** Conversations and portals the principal's contact takes part in. */
const ownConversationIds = (p: Principal) =>
  sql`select ${conversationParticipants.conversationId} from ${conversationParticipants}
       where ${conversationParticipants.contactId} = ${p.contactId} and ${conversationParticipants.firmId} = ${p.firmId}`;

/** Folders shared into the portals the principal takes part in, and every folder below them. */
const portalFolderIds = (p: Principal) =>
  sql`with recursive portal_tree(id) as (
        select ${portalSharedResources.folderId} from ${portalSharedResources}
         where ${portalSharedResources.portalId} in (${ownConversationIds(p)}) and ${portalSharedResources.folderId} is not null
        union
        select child.id from portal_tree
          cross join lateral (select f.id from ${folders} f where f.parent_id = portal_tree.id offset 0) child
      ) select id from portal_tree`;

/**
 * Documents of the portals the principal takes part in: in a shared folder's tree, shared one by
 * one, or attached to a message (of a portal or of a conversation).
 */
const portalDocumentIds = (p: Principal) =>
  sql`select d.id from ${documents} d where d.folder_id in (${portalFolderIds(p)})
      union
      select ${portalSharedResources.documentId} from ${portalSharedResources}
       where ${portalSharedResources.portalId} in (${ownConversationIds(p)}) and ${portalSharedResources.documentId} is not null
      union
      select ${messageAttachments.documentId} from ${messageAttachments}
        join ${messages} on ${messages.id} = ${messageAttachments.messageId}
       where ${messages.conversationId} in (${ownConversationIds(p)})`;

/**
 * Documents visible to co-counsel: in a shared folder's tree, shared one by one, uploaded by it,
 * or of a conversation or portal it takes part in.
 */
const coCounselDocumentIds = (p: Principal) =>
  sql`select d.id from ${documents} d where d.folder_id in (${sharedFolderIds(p)})
      union
      select ${shares.documentId} from ${shares}
       where ${shares.contactId} = ${p.contactId} and ${shares.firmId} = ${p.firmId} and ${shares.documentId} is not null
      union
      select d.id from ${documents} d where d.uploaded_by_membership_id = ${p.membershipId}
      union
      ${portalDocumentIds(p)}`;

/** Folders visible to co-counsel: in a shared folder's tree, made by it (its uploads), or in a portal's. */
const coCounselFolderIds = (p: Principal) =>
  sql`select tree.id from (${sharedFolderIds(p)}) tree
      union
      select f.id from ${folders} f where f.created_by_membership_id = ${p.membershipId}
      union
      select portal.id from (${portalFolderIds(p)}) portal`;

/** Its own card, and the client and related contacts of the matters shared with it. */
const visibleContactIds = (p: Principal) =>
  sql`select ${p.contactId}::uuid
      union
      select ${matters.clientId} from ${matters} where ${matters.id} in (${sharedMatterIds(p)})
      union
      select ${matterContacts.contactId} from ${matterContacts} where ${matterContacts.matterId} in (${sharedMatterIds(p)})`;

/**
 * `column` is one of `ids`. With `in (union …)` or an OR of sources PostgreSQL cannot estimate how
 * few rows match (a recursive folder walk always looks big), so it walks the firm's table in id
 * order testing each row until the page is full: 110,000 documents read for the first page of a
 * co-counsel with twenty shares among a million (39 ms). `= any(array(…))` works the visible ids
 * out once and fetches exactly those rows by index, already in id order (1.5 ms;
 * `pnpm bench co-counsel`).
 */
const among = (column: PgColumn, ids: SQL) => sql`${column} = any(array(${ids}))`;

/** The rows of `type` an external principal may see (the policy adds the type's `kind`). */
export function externalScope(p: Principal, type: PracticeRecordType): SQL {
  return p.role === 'co_counsel' ? coCounselScope(p, type) : clientScope(p, type);
}

/** A client sees the portals it takes part in, and their documents and folders; nothing else. */
function clientScope(p: Principal, type: PracticeRecordType): SQL {
  switch (type) {
    case 'portal':
      return sql`(${conversations.firmId} = ${p.firmId} and ${conversations.id} in (${ownConversationIds(p)}))`;
    case 'folder':
      return sql`(${folders.firmId} = ${p.firmId} and ${among(folders.id, portalFolderIds(p))})`;
    case 'document':
      return sql`(${documents.firmId} = ${p.firmId} and ${among(documents.id, portalDocumentIds(p))})`;
    default:
      return sql`false`;
  }
}

function coCounselScope(p: Principal, type: PracticeRecordType): SQL {
  switch (type) {
    case 'matter':
      return sql`(${matters.firmId} = ${p.firmId} and ${matters.id} in (${sharedMatterIds(p)}))`;
    case 'contact':
      return sql`(${contacts.firmId} = ${p.firmId} and ${among(contacts.id, visibleContactIds(p))})`;
    case 'note':
      return sql`(${notes.firmId} = ${p.firmId} and ${notes.matterId} in (${sharedMatterIds(p)}))`;
    case 'communication':
      return sql`(${communications.firmId} = ${p.firmId} and ${communications.matterId} in (${sharedMatterIds(p)}))`;
    case 'calendar_entry':
      return sql`(${calendarEntries.firmId} = ${p.firmId} and ${calendarEntries.id} in (
        select ${calendarAttendees.entryId} from ${calendarAttendees} where ${calendarAttendees.contactId} = ${p.contactId}))`;
    case 'task':
      return sql`(${tasks.firmId} = ${p.firmId} and ${tasks.assigneeContactId} = ${p.contactId})`;
    case 'activity':
      return sql`(${activities.firmId} = ${p.firmId} and ${activities.authorMembershipId} = ${p.membershipId})`;
    case 'folder':
      return sql`(${folders.firmId} = ${p.firmId} and ${among(folders.id, coCounselFolderIds(p))})`;
    case 'document':
      return sql`(${documents.firmId} = ${p.firmId} and ${among(documents.id, coCounselDocumentIds(p))})`;
    case 'conversation':
    case 'portal':
      return sql`(${conversations.firmId} = ${p.firmId} and ${conversations.id} in (${ownConversationIds(p)}))`;
    case 'bill':
    case 'share':
      return sql`false`;
  }
}
