import type {
  CalendarEntry,
  CalendarEntryPage,
  CalendarEntryQuery,
  CreateCalendarEntry,
  UpdateCalendarEntry,
} from '@chambers/contracts/calendar';
import type { PersonRef } from '@chambers/contracts/people';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { decodeTimeCursor, pageOfTimeKeyed } from '../../lib/cursor';
import { authorize, authorizeCreate, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { type MatterMask, matterMask } from '../practice/matter-mask';
import { loadPeopleNames, personColumns, toPerson } from '../practice/people';
import { assertReferences, type Reference } from '../practice/references';
import type { IcsEvent } from './ics';
import * as repo from './repository';
import { assertTimeZone, assertTiming, queryInstant, type Timing } from './timing';

const noSuchEntry = () => new AppError('not_found', 'No such calendar entry.');

/** An entry with its attendees and the names of everyone on it, ready to answer or export. */
export type LoadedEntry = IcsEvent & {
  matterId: string | null;
  createdBy: CalendarEntry['created_by'];
};

/** Loads the attendees of `rows` in one query and every name on them in two more. */
export async function loadEntries(db: Db, rows: repo.EntryRow[]): Promise<LoadedEntry[]> {
  const attendees = await repo.listAttendees(
    db,
    rows.map((row) => row.id),
  );
  const creators = rows.map((row) => ({ membershipId: row.createdByMembershipId, contactId: null }));
  const names = await loadPeopleNames(db, [...attendees, ...creators]);
  const byEntry = new Map<string, repo.AttendeeRow[]>();
  for (const attendee of attendees) {
    const list = byEntry.get(attendee.entryId);
    if (list) list.push(attendee);
    else byEntry.set(attendee.entryId, [attendee]);
  }
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    location: row.location,
    conferenceUrl: row.conferenceUrl,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    allDay: row.allDay,
    matterId: row.matterId,
    attendees: (byEntry.get(row.id) ?? []).map((attendee) => toPerson(attendee, names)),
    createdBy: toPerson({ membershipId: row.createdByMembershipId, contactId: null }, names),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

function toCalendarEntry(entry: LoadedEntry, matterOf: MatterMask = (id) => id): CalendarEntry {
  return {
    id: entry.id,
    title: entry.title,
    description: entry.description,
    location: entry.location,
    conference_url: entry.conferenceUrl,
    starts_at: entry.startsAt.toISOString(),
    ends_at: entry.endsAt.toISOString(),
    time_zone: entry.timeZone,
    all_day: entry.allDay,
    matter_id: matterOf(entry.matterId),
    attendees: [...entry.attendees],
    created_by: entry.createdBy,
    created_at: entry.createdAt.toISOString(),
    updated_at: entry.updatedAt.toISOString(),
  };
}

async function loadOne(db: Db, row: repo.EntryRow): Promise<LoadedEntry> {
  const [entry] = await loadEntries(db, [row]);
  if (!entry) throw new Error('calendar entry not loaded');
  return entry;
}

export async function listCalendarEntries(
  app: FastifyInstance,
  principal: Principal,
  query: CalendarEntryQuery,
): Promise<CalendarEntryPage> {
  const limit = query.limit ?? 50;
  const from = queryInstant(query.from, 'from');
  const to = queryInstant(query.to, 'to');
  // Compared as sent, before clamping: [from, to) must not be empty.
  if (query.from && query.to && Date.parse(query.to) <= Date.parse(query.from)) {
    throw new AppError('validation_failed', 'to must be after from.', {
      errors: [{ path: 'querystring/to', message: 'must be after from' }],
    });
  }
  const updatedSince = queryInstant(query.updated_since, 'updated_since');
  const db = app.database.db;
  const rows = await repo.listEntries(
    db,
    scope(principal, 'calendar_entry'),
    {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(query.matter_id ? { matterId: query.matter_id } : {}),
      ...(query.attendee_user_id ? { attendeeMembershipId: query.attendee_user_id } : {}),
      ...(query.attendee_contact_id ? { attendeeContactId: query.attendee_contact_id } : {}),
      ...(updatedSince ? { updatedSince } : {}),
    },
    { limit: limit + 1, ...(query.cursor === undefined ? {} : { after: decodeTimeCursor(query.cursor) }) },
  );
  const { items, nextCursor } = pageOfTimeKeyed(rows, limit, (row) => row.startsAt);
  const entries = await loadEntries(db, items);
  const matterOf = await matterMask(
    db,
    principal,
    entries.map((entry) => entry.matterId),
  );
  return {
    data: entries.map((entry) => toCalendarEntry(entry, matterOf)),
    meta: { next_cursor: nextCursor },
  };
}

/** An entry the principal may read, or 404 (another firm's looks like none at all). */
export async function readableEntry(db: Db, principal: Principal, entryId: string): Promise<LoadedEntry> {
  const row = await repo.findEntry(db, scope(principal, 'calendar_entry'), entryId);
  if (!row) throw noSuchEntry();
  return loadOne(db, row);
}

export async function getCalendarEntry(app: FastifyInstance, principal: Principal, entryId: string) {
  const db = app.database.db;
  const entry = await readableEntry(db, principal, entryId);
  return toCalendarEntry(entry, await matterMask(db, principal, [entry.matterId]));
}

/** An entry the principal may change, locked for the transaction: 404 out of sight, 403 read-only. */
async function writableEntry(tx: Db, principal: Principal, entryId: string): Promise<repo.EntryRow> {
  const row = await repo.findEntry(tx, scope(principal, 'calendar_entry'), entryId, { lock: true });
  if (!row) throw noSuchEntry();
  authorize(principal, { type: 'calendar_entry', firmId: row.firmId }, 'No such calendar entry.');
  return row;
}

/** `matter_id` and attendees as references to check (422 for any the caller cannot see). */
function referencesOf(matterId: string | null | undefined, attendees: readonly PersonRef[]): Reference[] {
  return [
    ...(matterId ? [{ path: '/matter_id', kind: 'matter' as const, id: matterId }] : []),
    ...attendees.map((attendee, index) => ({
      path: `/attendees/${index}/id`,
      kind: attendee.type,
      id: attendee.id,
    })),
  ];
}

export async function createCalendarEntry(
  app: FastifyInstance,
  principal: Principal,
  body: CreateCalendarEntry,
  ip: string,
): Promise<CalendarEntry> {
  authorizeCreate(principal, 'calendar_entry');
  assertTimeZone(body.time_zone);
  const timing: Timing = {
    startsAt: new Date(body.starts_at),
    endsAt: new Date(body.ends_at),
    timeZone: body.time_zone,
    allDay: body.all_day ?? false,
  };
  assertTiming(timing);
  const attendees = body.attendees ?? [];
  return app.database.db.transaction(async (tx) => {
    await assertReferences(tx, principal, referencesOf(body.matter_id, attendees));
    const row = await repo.insertEntry(tx, {
      firmId: principal.firmId,
      matterId: body.matter_id ?? null,
      title: body.title,
      description: body.description ?? '',
      location: body.location ?? null,
      conferenceUrl: body.conference_url ?? null,
      ...timing,
      createdByMembershipId: principal.membershipId,
    });
    await repo.replaceAttendees(tx, row, attendees.map(personColumns));
    await recordAudit(tx, {
      action: 'calendar_entry.created',
      ...actedBy(principal),
      objectType: 'calendar_entry',
      objectId: row.id,
      ip,
    });
    return toCalendarEntry(await loadOne(tx, row));
  });
}

/**
 * Applies a partial change. The timing rules are checked on the entry as it would be after it;
 * the attendee list, when sent, replaces the old one — people already on it may stay even if
 * their account was deactivated meanwhile, new ones must be active firm users or contacts.
 */
export async function updateCalendarEntry(
  app: FastifyInstance,
  principal: Principal,
  entryId: string,
  body: UpdateCalendarEntry,
  ip: string,
): Promise<CalendarEntry> {
  return app.database.db.transaction(async (tx) => {
    const before = await writableEntry(tx, principal, entryId);
    if (body.time_zone !== undefined) assertTimeZone(body.time_zone);
    const timing: Timing = {
      startsAt: body.starts_at === undefined ? before.startsAt : new Date(body.starts_at),
      endsAt: body.ends_at === undefined ? before.endsAt : new Date(body.ends_at),
      timeZone: body.time_zone ?? before.timeZone,
      allDay: body.all_day ?? before.allDay,
    };
    const timingChanges =
      body.starts_at !== undefined ||
      body.ends_at !== undefined ||
      body.time_zone !== undefined ||
      body.all_day !== undefined;
    if (timingChanges) assertTiming(timing);

    const current = body.attendees ? await repo.listAttendees(tx, [before.id]) : [];
    const alreadyOn = (reference: Reference) =>
      current.some((person) =>
        reference.kind === 'user' ? person.membershipId === reference.id : person.contactId === reference.id,
      );
    await assertReferences(
      tx,
      principal,
      referencesOf(body.matter_id, body.attendees ?? []).filter(
        (reference) => reference.kind === 'matter' || !alreadyOn(reference),
      ),
    );
    const row = await repo.updateEntry(tx, before.id, {
      ...(body.title === undefined ? {} : { title: body.title }),
      ...(body.description === undefined ? {} : { description: body.description }),
      ...(body.location === undefined ? {} : { location: body.location }),
      ...(body.conference_url === undefined ? {} : { conferenceUrl: body.conference_url }),
      ...(body.matter_id === undefined ? {} : { matterId: body.matter_id }),
      ...(timingChanges ? timing : {}),
    });
    if (body.attendees) await repo.replaceAttendees(tx, row, body.attendees.map(personColumns));
    await recordAudit(tx, {
      action: 'calendar_entry.updated',
      ...actedBy(principal),
      objectType: 'calendar_entry',
      objectId: row.id,
      ip,
      details: { fields: Object.keys(body).sort() },
    });
    return toCalendarEntry(await loadOne(tx, row));
  });
}

export async function deleteCalendarEntry(
  app: FastifyInstance,
  principal: Principal,
  entryId: string,
  ip: string,
): Promise<void> {
  await app.database.db.transaction(async (tx) => {
    const row = await writableEntry(tx, principal, entryId);
    await repo.deleteEntry(tx, row.id);
    await recordAudit(tx, {
      action: 'calendar_entry.deleted',
      ...actedBy(principal),
      objectType: 'calendar_entry',
      objectId: row.id,
      ip,
      details: { title: row.title },
    });
  });
}
