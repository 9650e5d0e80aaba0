import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { calendarEntries } from '../../db/schema/calendar';
import { contacts } from '../../db/schema/contacts';
import { documents, folders } from '../../db/schema/documents';
import { matters } from '../../db/schema/matters';
import { memberships } from '../../db/schema/memberships';
import { tasks } from '../../db/schema/tasks';
import { AppError } from '../../errors/app-error';
import { scope } from '../../policy/policy';

/** A record a request points at (`matter_id`, an attendee, an assignee), and where in the body. */
export interface Reference {
  /** JSON pointer into the body, e.g. `/matter_id` or `/attendees/2/id`. */
  path: string;
  kind: 'matter' | 'contact' | 'task' | 'calendar_entry' | 'folder' | 'document' | 'user';
  id: string;
}

const tables: Record<Exclude<Reference['kind'], 'user'>, { table: PgTable; id: PgColumn; noun: string }> = {
  matter: { table: matters, id: matters.id, noun: 'matter' },
  contact: { table: contacts, id: contacts.id, noun: 'contact' },
  task: { table: tasks, id: tasks.id, noun: 'task' },
  calendar_entry: { table: calendarEntries, id: calendarEntries.id, noun: 'calendar entry' },
  folder: { table: folders, id: folders.id, noun: 'folder' },
  document: { table: documents, id: documents.id, noun: 'document' },
};

/** Ids of `kind` among `ids` that the principal may see (users: the firm's active firm users). */
async function visibleIds(db: Db, principal: Principal, kind: Reference['kind'], ids: string[]) {
  if (kind === 'user') {
    const rows = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(inArray(memberships.id, ids), scope(principal, 'user'), eq(memberships.status, 'active')));
    return new Set(rows.map((row) => row.id));
  }
  const { table, id } = tables[kind];
  const rows = await db
    .select({ id })
    .from(table)
    .where(and(inArray(id, ids), scope(principal, kind)));
  return new Set(rows.map((row) => row.id as string));
}

/**
 * Refuses (422, naming each bad path) a request that points at records the caller cannot see:
 * another firm's matter looks exactly like a matter that does not exist, and no row ever links
 * across firms.
 */
export async function assertReferences(db: Db, principal: Principal, references: Reference[]): Promise<void> {
  const errors: { path: string; message: string }[] = [];
  const kinds = [...new Set(references.map((reference) => reference.kind))];
  for (const kind of kinds) {
    const wanted = references.filter((reference) => reference.kind === kind);
    const found = await visibleIds(db, principal, kind, [
      ...new Set(wanted.map((reference) => reference.id)),
    ]);
    for (const reference of wanted) {
      if (!found.has(reference.id)) {
        errors.push({
          path: reference.path,
          message: kind === 'user' ? 'No such active firm user.' : `No such ${tables[kind].noun}.`,
        });
      }
    }
  }
  if (errors.length > 0) {
    throw new AppError('unprocessable', 'The request refers to records that do not exist.', { errors });
  }
}
