import type { CreateNote, Note, NotePage, NoteQuery, UpdateNote } from '@chambers/contracts/notes';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { authorize, authorizeCreate, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { loadPeopleNames, type PeopleNames, toPerson } from '../practice/people';
import { assertReferences } from '../practice/references';
import * as repo from './repository';

const NOT_FOUND = 'No such note.';

function toNote(row: repo.NoteRow, names: PeopleNames): Note {
  return {
    id: row.id,
    matter_id: row.matterId,
    subject: row.subject,
    body: row.body,
    author: toPerson({ membershipId: row.authorMembershipId, contactId: null }, names),
    date: row.date,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** Notes as answered, with their authors' names loaded in one go. */
async function toNotes(db: Db, rows: repo.NoteRow[]): Promise<Note[]> {
  const names = await loadPeopleNames(
    db,
    rows.map((row) => ({ membershipId: row.authorMembershipId, contactId: null })),
  );
  return rows.map((row) => toNote(row, names));
}

async function toOneNote(db: Db, row: repo.NoteRow): Promise<Note> {
  const [note] = await toNotes(db, [row]);
  if (!note) throw new Error('note not shaped');
  return note;
}

export async function listNotes(
  app: FastifyInstance,
  principal: Principal,
  query: NoteQuery,
): Promise<NotePage> {
  const db = app.database.db;
  const limit = query.limit ?? 50;
  const rows = await repo.listNotes(db, scope(principal, 'note'), {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
    ...(query.matter_id ? { matterId: query.matter_id } : {}),
    ...(query.updated_since ? { updatedSince: new Date(query.updated_since) } : {}),
  });
  const { items, nextCursor } = pageOf(rows, limit);
  return { data: await toNotes(db, items), meta: { next_cursor: nextCursor } };
}

/** A note the principal can see, or 404. */
async function visibleNote(db: Db, principal: Principal, noteId: string) {
  const row = await repo.findNote(db, scope(principal, 'note'), noteId);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

/** A note the principal may change: 404 when out of sight, 403 when only readable. */
async function writableNote(db: Db, principal: Principal, noteId: string) {
  const row = await visibleNote(db, principal, noteId);
  authorize(principal, { type: 'note', firmId: row.firmId }, NOT_FOUND);
  return row;
}

export async function getNote(app: FastifyInstance, principal: Principal, noteId: string): Promise<Note> {
  const db = app.database.db;
  return toOneNote(db, await visibleNote(db, principal, noteId));
}

/** Today's date in UTC, the default date of a note. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

export async function createNote(
  app: FastifyInstance,
  principal: Principal,
  body: CreateNote,
  ip: string,
): Promise<Note> {
  authorizeCreate(principal, 'note');
  return app.database.db.transaction(async (tx) => {
    await assertReferences(tx, principal, [{ path: '/matter_id', kind: 'matter', id: body.matter_id }]);
    const row = await repo.insertNote(tx, {
      firmId: principal.firmId,
      matterId: body.matter_id,
      subject: body.subject,
      body: body.body ?? '',
      authorMembershipId: principal.membershipId,
      date: body.date ?? todayUtc(),
    });
    await recordAudit(tx, {
      action: 'note.created',
      ...actedBy(principal),
      objectType: 'note',
      objectId: row.id,
      ip,
      details: { matter_id: row.matterId },
    });
    return toOneNote(tx, row);
  });
}

export async function updateNote(
  app: FastifyInstance,
  principal: Principal,
  noteId: string,
  body: UpdateNote,
  ip: string,
): Promise<Note> {
  return app.database.db.transaction(async (tx) => {
    await writableNote(tx, principal, noteId);
    const row = await repo.updateNote(tx, noteId, {
      ...(body.subject === undefined ? {} : { subject: body.subject }),
      ...(body.body === undefined ? {} : { body: body.body }),
      ...(body.date === undefined ? {} : { date: body.date }),
    });
    await recordAudit(tx, {
      action: 'note.updated',
      ...actedBy(principal),
      objectType: 'note',
      objectId: row.id,
      ip,
      details: { fields: Object.keys(body) },
    });
    return toOneNote(tx, row);
  });
}

export async function deleteNote(app: FastifyInstance, principal: Principal, noteId: string, ip: string) {
  await app.database.db.transaction(async (tx) => {
    const row = await writableNote(tx, principal, noteId);
    await repo.deleteNote(tx, row.id);
    await recordAudit(tx, {
      action: 'note.deleted',
      ...actedBy(principal),
      objectType: 'note',
      objectId: row.id,
      ip,
      details: { matter_id: row.matterId },
    });
  });
}
