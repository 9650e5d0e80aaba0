import type {
  Contact,
  ContactPage,
  ContactQuery,
  CreateContact,
  UpdateContact,
} from '@chambers/contracts/contacts';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { isForeignKeyViolation } from '../../db/errors';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { authorize, authorizeCreate, canSeeRates, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { contactValues, toContact } from './contact-values';
import * as repo from './repository';

const NOT_FOUND = 'No such contact.';

/** A contact in the principal's sight, or 404; `forUpdate` locks it for a read-modify-write. */
async function contactFor(db: Db, principal: Principal, id: string, forUpdate = false) {
  const row = await repo.findContact(db, scope(principal, 'contact'), id, forUpdate);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

/** Rates are set only by those who may see them. */
function assertMaySetRate(principal: Principal, body: CreateContact | UpdateContact) {
  if (body.hourly_rate !== undefined && !canSeeRates(principal)) {
    throw new AppError('forbidden', 'You may not set rates.');
  }
}

export async function listContacts(
  app: FastifyInstance,
  principal: Principal,
  query: ContactQuery,
): Promise<ContactPage> {
  const limit = query.limit ?? 50;
  const rows = await repo.listContacts(
    app.database.db,
    scope(principal, 'contact'),
    {
      ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
      ...(query.q === undefined ? {} : { q: query.q }),
      ...(query.kind === undefined ? {} : { kind: query.kind }),
      ...(query.is_client === undefined ? {} : { isClient: query.is_client }),
      ...(query.is_co_counsel === undefined ? {} : { isCoCounsel: query.is_co_counsel }),
      ...(query.updated_since === undefined ? {} : { updatedSince: new Date(query.updated_since) }),
    },
    limit + 1,
  );
  const { items, nextCursor } = pageOf(rows, limit);
  const showRates = canSeeRates(principal);
  return { data: items.map((row) => toContact(row, showRates)), meta: { next_cursor: nextCursor } };
}

export async function getContact(app: FastifyInstance, principal: Principal, id: string): Promise<Contact> {
  return toContact(await contactFor(app.database.db, principal, id), canSeeRates(principal));
}

export async function createContact(
  app: FastifyInstance,
  principal: Principal,
  body: CreateContact,
  ip: string,
): Promise<Contact> {
  authorizeCreate(principal, 'contact');
  assertMaySetRate(principal, body);
  const values = contactValues(null, body);
  return app.database.db.transaction(async (tx) => {
    const row = await repo.insertContact(tx, principal.firmId, values);
    await recordAudit(tx, {
      action: 'contact.created',
      ...actedBy(principal),
      objectType: 'contact',
      objectId: row.id,
      ip,
    });
    return toContact(row, canSeeRates(principal));
  });
}

/**
 * Changes the fields given; lists given replace the stored ones. A contact's addresses are its
 * own: a login email (an identity's) never changes with them.
 */
export async function updateContact(
  app: FastifyInstance,
  principal: Principal,
  id: string,
  body: UpdateContact,
  ip: string,
): Promise<Contact> {
  return app.database.db.transaction(async (tx) => {
    const current = await contactFor(tx, principal, id, true);
    authorize(principal, { type: 'contact', firmId: current.firmId }, NOT_FOUND);
    assertMaySetRate(principal, body);
    const row = await repo.updateContact(tx, id, contactValues(current, body));
    await recordAudit(tx, {
      action: 'contact.updated',
      ...actedBy(principal),
      objectType: 'contact',
      objectId: id,
      ip,
    });
    return toContact(row, canSeeRates(principal));
  });
}

/** Deletes a contact nothing refers to any more; one still in use is refused (422). */
export async function deleteContact(
  app: FastifyInstance,
  principal: Principal,
  id: string,
  ip: string,
): Promise<void> {
  await app.database.db.transaction(async (tx) => {
    const current = await contactFor(tx, principal, id, true);
    authorize(principal, { type: 'contact', firmId: current.firmId }, NOT_FOUND);
    try {
      await repo.deleteContact(tx, id);
    } catch (error) {
      // The failed statement aborts the transaction on PostgreSQL; throwing rolls it back whole.
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError(
        'unprocessable',
        'This contact is still in use (the client or a related contact of a matter, an attendee, a ' +
          'participant in a communication, a task assignee, or an external account); remove it there first.',
      );
    }
    await recordAudit(tx, {
      action: 'contact.deleted',
      ...actedBy(principal),
      objectType: 'contact',
      objectId: id,
      ip,
    });
  });
}
