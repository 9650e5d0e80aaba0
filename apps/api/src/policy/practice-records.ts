import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { activities } from '../db/schema/activities';
import { bills } from '../db/schema/bills';
import { calendarEntries } from '../db/schema/calendar';
import { communications } from '../db/schema/communications';
import { contacts } from '../db/schema/contacts';
import { conversations } from '../db/schema/conversations';
import { documents, folders } from '../db/schema/documents';
import { matters } from '../db/schema/matters';
import { notes } from '../db/schema/notes';
import { shares } from '../db/schema/shares';
import { tasks } from '../db/schema/tasks';
import type { Permission } from './permissions';

/**
 * The firm's records, each with the column that names its firm and the permissions to read it and
 * to change it; `kind` narrows a table that holds two types (conversations and portals). Firm users
 * see all of their firm's; externals see what `external-scope.ts` allows.
 */
export const practiceRecords = {
  contact: { firmId: contacts.firmId, read: 'contacts:read', write: 'contacts:write' },
  matter: { firmId: matters.firmId, read: 'matters:read', write: 'matters:write' },
  note: { firmId: notes.firmId, read: 'notes:read', write: 'notes:write' },
  communication: {
    firmId: communications.firmId,
    read: 'communications:read',
    write: 'communications:write',
  },
  calendar_entry: { firmId: calendarEntries.firmId, read: 'calendar:read', write: 'calendar:write' },
  task: { firmId: tasks.firmId, read: 'tasks:read', write: 'tasks:write' },
  activity: { firmId: activities.firmId, read: 'activities:read', write: 'activities:write' },
  bill: { firmId: bills.firmId, read: 'bills:read', write: 'bills:manage' },
  folder: { firmId: folders.firmId, read: 'documents:read', write: 'documents:write' },
  document: { firmId: documents.firmId, read: 'documents:read', write: 'documents:write' },
  share: { firmId: shares.firmId, read: 'shares:read', write: 'shares:write' },
  conversation: {
    firmId: conversations.firmId,
    read: 'conversations:read',
    write: 'conversations:write',
    kind: eq(conversations.kind, 'conversation'),
  },
  portal: {
    firmId: conversations.firmId,
    read: 'portals:read',
    write: 'portals:write',
    kind: eq(conversations.kind, 'portal'),
  },
} as const satisfies Record<string, { firmId: PgColumn; read: Permission; write: Permission; kind?: SQL }>;

export type PracticeRecordType = keyof typeof practiceRecords;

/**
 * A practice record as the policy sees it. The optional facts are what an external's rights
 * depend on; services pass them for the types where they matter.
 */
export interface PracticeResource {
  type: PracticeRecordType;
  firmId: string;
  /** Who logged a time entry (co-counsel change only their own). */
  authorMembershipId?: string;
  /** The contact a task is assigned to (co-counsel complete only their own). */
  assigneeContactId?: string | null;
}
