import type {
  Communication,
  CommunicationPage,
  CommunicationQuery,
  CreateCommunication,
  UpdateCommunication,
} from '@chambers/contracts/communications';
import type { PersonRef } from '@chambers/contracts/people';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError, type FieldError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { authorize, authorizeCreate, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { loadPeopleNames, personColumns, toPerson } from '../practice/people';
import { assertReferences, type Reference } from '../practice/references';
import * as repo from './repository';

const NOT_FOUND = 'No such communication.';

/** Logs as answered: their senders and receivers, and everyone's names, loaded for all at once. */
async function toCommunications(db: Db, rows: repo.CommunicationRow[]): Promise<Communication[]> {
  const participants = await repo.listParticipants(
    db,
    rows.map((row) => row.id),
  );
  const creators = rows.map((row) => ({ membershipId: row.createdByMembershipId, contactId: null }));
  const names = await loadPeopleNames(db, [...participants, ...creators]);
  const byCommunication = new Map<string, repo.ParticipantRow[]>();
  for (const participant of participants) {
    const list = byCommunication.get(participant.communicationId) ?? [];
    list.push(participant);
    byCommunication.set(participant.communicationId, list);
  }
  return rows.map((row) => {
    const own = byCommunication.get(row.id) ?? [];
    const people = (role: repo.ParticipantRole) =>
      own
        .filter((participant) => participant.role === role)
        .map((participant) => toPerson(participant, names));
    return {
      id: row.id,
      matter_id: row.matterId,
      type: row.type,
      subject: row.subject,
      body: row.body,
      occurred_at: row.occurredAt.toISOString(),
      senders: people('sender'),
      receivers: people('receiver'),
      created_by: toPerson({ membershipId: row.createdByMembershipId, contactId: null }, names),
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    };
  });
}

async function toOneCommunication(db: Db, row: repo.CommunicationRow): Promise<Communication> {
  const [communication] = await toCommunications(db, [row]);
  if (!communication) throw new Error('communication not shaped');
  return communication;
}

export async function listCommunications(
  app: FastifyInstance,
  principal: Principal,
  query: CommunicationQuery,
): Promise<CommunicationPage> {
  const db = app.database.db;
  const limit = query.limit ?? 50;
  const rows = await repo.listCommunications(db, scope(principal, 'communication'), {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
    ...(query.matter_id ? { matterId: query.matter_id } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.contact_id ? { contactId: query.contact_id } : {}),
    ...(query.updated_since ? { updatedSince: new Date(query.updated_since) } : {}),
  });
  const { items, nextCursor } = pageOf(rows, limit);
  return { data: await toCommunications(db, items), meta: { next_cursor: nextCursor } };
}

async function visibleCommunication(db: Db, principal: Principal, communicationId: string) {
  const row = await repo.findCommunication(db, scope(principal, 'communication'), communicationId);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

/** A log the principal may change: 404 when out of sight, 403 when only readable. */
async function writableCommunication(db: Db, principal: Principal, communicationId: string) {
  const row = await visibleCommunication(db, principal, communicationId);
  authorize(principal, { type: 'communication', firmId: row.firmId }, NOT_FOUND);
  return row;
}

export async function getCommunication(app: FastifyInstance, principal: Principal, communicationId: string) {
  const db = app.database.db;
  return toOneCommunication(db, await visibleCommunication(db, principal, communicationId));
}

type Lists = { senders?: PersonRef[] | undefined; receivers?: PersonRef[] | undefined };

/**
 * Refuses (422) a person listed twice in one list, then checks that every listed user is an
 * active firm user and every contact one the caller can see.
 */
async function assertParticipants(db: Db, principal: Principal, lists: Lists, extra: Reference[] = []) {
  const duplicates: FieldError[] = [];
  const references = [...extra];
  for (const name of ['senders', 'receivers'] as const) {
    const seen = new Set<string>();
    lists[name]?.forEach((person, index) => {
      const key = `${person.type}:${person.id.toLowerCase()}`;
      if (seen.has(key))
        duplicates.push({ path: `/${name}/${index}`, message: 'This person is already listed.' });
      seen.add(key);
      references.push({ path: `/${name}/${index}/id`, kind: person.type, id: person.id });
    });
  }
  if (duplicates.length > 0) {
    throw new AppError('unprocessable', 'A person appears twice in one list.', { errors: duplicates });
  }
  await assertReferences(db, principal, references);
}

async function replaceLists(db: Db, row: repo.CommunicationRow, lists: Lists) {
  if (lists.senders) await repo.replaceParticipants(db, row, 'sender', lists.senders.map(personColumns));
  if (lists.receivers)
    await repo.replaceParticipants(db, row, 'receiver', lists.receivers.map(personColumns));
}

export async function createCommunication(
  app: FastifyInstance,
  principal: Principal,
  body: CreateCommunication,
  ip: string,
): Promise<Communication> {
  authorizeCreate(principal, 'communication');
  const lists = { senders: body.senders, receivers: body.receivers ?? [] };
  return app.database.db.transaction(async (tx) => {
    await assertParticipants(tx, principal, lists, [
      { path: '/matter_id', kind: 'matter', id: body.matter_id },
    ]);
    const row = await repo.insertCommunication(tx, {
      firmId: principal.firmId,
      matterId: body.matter_id,
      type: body.type,
      subject: body.subject,
      body: body.body ?? '',
      occurredAt: new Date(body.occurred_at),
      createdByMembershipId: principal.membershipId,
    });
    await replaceLists(tx, row, lists);
    await recordAudit(tx, {
      action: 'communication.created',
      ...actedBy(principal),
      objectType: 'communication',
      objectId: row.id,
      ip,
      details: { matter_id: row.matterId },
    });
    return toOneCommunication(tx, row);
  });
}

export async function updateCommunication(
  app: FastifyInstance,
  principal: Principal,
  communicationId: string,
  body: UpdateCommunication,
  ip: string,
): Promise<Communication> {
  return app.database.db.transaction(async (tx) => {
    await writableCommunication(tx, principal, communicationId);
    await assertParticipants(tx, principal, body);
    // `updated_at` moves even when only the lists change, so `updated_since` sees the change.
    const row = await repo.updateCommunication(tx, communicationId, {
      updatedAt: new Date(),
      ...(body.type === undefined ? {} : { type: body.type }),
      ...(body.subject === undefined ? {} : { subject: body.subject }),
      ...(body.body === undefined ? {} : { body: body.body }),
      ...(body.occurred_at === undefined ? {} : { occurredAt: new Date(body.occurred_at) }),
    });
    await replaceLists(tx, row, body);
    await recordAudit(tx, {
      action: 'communication.updated',
      ...actedBy(principal),
      objectType: 'communication',
      objectId: row.id,
      ip,
      details: { fields: Object.keys(body) },
    });
    return toOneCommunication(tx, row);
  });
}

export async function deleteCommunication(
  app: FastifyInstance,
  principal: Principal,
  communicationId: string,
  ip: string,
) {
  await app.database.db.transaction(async (tx) => {
    const row = await writableCommunication(tx, principal, communicationId);
    await repo.deleteCommunication(tx, row.id);
    await recordAudit(tx, {
      action: 'communication.deleted',
      ...actedBy(principal),
      objectType: 'communication',
      objectId: row.id,
      ip,
      details: { matter_id: row.matterId },
    });
  });
}
