import type {
  CreateMatter,
  Matter,
  MatterPage,
  MatterQuery,
  RelatedContact,
  UpdateMatter,
} from '@chambers/contracts/matters';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { isForeignKeyViolation } from '../../db/errors';
import { AppError, type FieldError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { authorize, authorizeCreate, canSeeRates, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { markClient } from '../contacts/repository';
import { createRootFolder } from '../folders/root-folder';
import { loadPeopleNames } from '../practice/people';
import { assertReferences, type Reference } from '../practice/references';
import * as repo from './repository';
import { type StatusDates, statusDates, todayUtc } from './status-dates';
import { toMatter } from './to-matter';

const NOT_FOUND = 'No such matter.';

/** Answers matters with their attorneys' names and related contacts: two batch queries per page. */
async function present(db: Db, rows: repo.MatterRow[], showRates: boolean): Promise<Matter[]> {
  const attorneys = rows.flatMap(({ matter }) =>
    [matter.responsibleAttorneyId, matter.originatingAttorneyId].map((membershipId) => ({
      membershipId,
      contactId: null,
    })),
  );
  // One after the other: `db` may be a transaction, whose single connection runs one query at a time.
  const names = await loadPeopleNames(db, attorneys);
  const related = await repo.relatedContactsOf(
    db,
    rows.map(({ matter }) => matter.id),
  );
  const relatedByMatter = new Map<string, RelatedContact[]>();
  for (const entry of related) {
    const list = relatedByMatter.get(entry.matterId) ?? [];
    list.push({ contact: { id: entry.contactId, name: entry.name }, relationship: entry.relationship });
    relatedByMatter.set(entry.matterId, list);
  }
  return rows.map((row) =>
    toMatter(
      row,
      { userNames: names.users, relatedContacts: relatedByMatter.get(row.matter.id) ?? [] },
      showRates,
    ),
  );
}

async function presentOne(db: Db, principal: Principal, row: repo.MatterRow): Promise<Matter> {
  const [matter] = await present(db, [row], canSeeRates(principal));
  if (!matter) throw new Error('matter not presented');
  return matter;
}

/** A matter in the principal's sight, or 404; `forUpdate` locks it for a read-modify-write. */
async function matterFor(db: Db, principal: Principal, id: string, forUpdate = false) {
  const row = await repo.findMatter(db, scope(principal, 'matter'), id, forUpdate);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

/** Billing is set only by those who may see it. */
function assertMaySetBilling(principal: Principal, body: CreateMatter | UpdateMatter) {
  if ((body.billing_method !== undefined || body.rate !== undefined) && !canSeeRates(principal)) {
    throw new AppError('forbidden', 'You may not set billing methods or rates.');
  }
}

/** Each related contact once; 422 names the repeats. */
function assertNoRepeatedContacts(list: NonNullable<CreateMatter['related_contacts']>) {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  list.forEach((entry, index) => {
    if (seen.has(entry.contact_id)) {
      errors.push({
        path: `/related_contacts/${index}/contact_id`,
        message: 'This contact is listed twice.',
      });
    }
    seen.add(entry.contact_id);
  });
  if (errors.length > 0)
    throw new AppError('unprocessable', 'A related contact is listed twice.', { errors });
}

/** The records the body points at, for `assertReferences`: contacts and active firm users. */
function referencesOf(body: CreateMatter | UpdateMatter): Reference[] {
  const references: Reference[] = [];
  if (body.client_id !== undefined)
    references.push({ path: '/client_id', kind: 'contact', id: body.client_id });
  for (const field of ['responsible_attorney_id', 'originating_attorney_id'] as const) {
    const id = body[field];
    if (id) references.push({ path: `/${field}`, kind: 'user', id });
  }
  body.related_contacts?.forEach((entry, index) => {
    references.push({ path: `/related_contacts/${index}/contact_id`, kind: 'contact', id: entry.contact_id });
  });
  return references;
}

/** Checks that do not need the database, before any is touched. */
function checkBody(principal: Principal, body: CreateMatter | UpdateMatter) {
  assertMaySetBilling(principal, body);
  if (body.related_contacts) assertNoRepeatedContacts(body.related_contacts);
}

/** The columns a create or update sets, given the status and dates already worked out. */
function columnsOf(body: CreateMatter | UpdateMatter, dates: StatusDates): Partial<repo.MatterValues> {
  return {
    ...(body.description === undefined ? {} : { description: body.description }),
    ...(body.client_id === undefined ? {} : { clientId: body.client_id }),
    ...(body.responsible_attorney_id === undefined
      ? {}
      : { responsibleAttorneyId: body.responsible_attorney_id }),
    ...(body.originating_attorney_id === undefined
      ? {}
      : { originatingAttorneyId: body.originating_attorney_id }),
    ...(body.practice_area === undefined ? {} : { practiceArea: body.practice_area?.trim() || null }),
    ...(body.billing_method === undefined ? {} : { billingMethod: body.billing_method }),
    ...(body.rate === undefined ? {} : { rate: body.rate }),
    status: dates.status,
    openDate: dates.openDate,
    closeDate: dates.closeDate,
  };
}

const relatedRows = (list: NonNullable<CreateMatter['related_contacts']>) =>
  list.map((entry) => ({ contactId: entry.contact_id, relationship: entry.relationship?.trim() || null }));

export async function listMatters(
  app: FastifyInstance,
  principal: Principal,
  query: MatterQuery,
): Promise<MatterPage> {
  const limit = query.limit ?? 50;
  const db = app.database.db;
  const rows = await repo.listMatters(
    db,
    scope(principal, 'matter'),
    {
      ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.client_id === undefined ? {} : { clientId: query.client_id }),
      ...(query.attorney_id === undefined ? {} : { attorneyId: query.attorney_id }),
      ...(query.q === undefined ? {} : { q: query.q }),
      ...(query.updated_since === undefined ? {} : { updatedSince: new Date(query.updated_since) }),
    },
    limit + 1,
  );
  const { items, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.matter.id })),
    limit,
  );
  return { data: await present(db, items, canSeeRates(principal)), meta: { next_cursor: nextCursor } };
}

export async function getMatter(app: FastifyInstance, principal: Principal, id: string): Promise<Matter> {
  const db = app.database.db;
  return presentOne(db, principal, await matterFor(db, principal, id));
}

/** Opens a matter under the firm's next number and marks its client as a client. */
export async function createMatter(
  app: FastifyInstance,
  principal: Principal,
  body: CreateMatter,
  ip: string,
): Promise<Matter> {
  authorizeCreate(principal, 'matter');
  checkBody(principal, body);
  const dates = statusDates(null, body, todayUtc());
  return app.database.db.transaction(async (tx) => {
    await assertReferences(tx, principal, referencesOf(body));
    const number = String(await repo.nextMatterNumber(tx, principal.firmId)).padStart(5, '0');
    const id = await repo.insertMatter(tx, principal.firmId, number, {
      ...columnsOf(body, dates),
      description: body.description,
      clientId: body.client_id,
    });
    await markClient(tx, body.client_id);
    await createRootFolder(tx, {
      firmId: principal.firmId,
      matterId: id,
      createdByMembershipId: principal.membershipId,
    });
    await repo.replaceRelatedContacts(tx, principal.firmId, id, relatedRows(body.related_contacts ?? []));
    await recordAudit(tx, {
      action: 'matter.created',
      ...actedBy(principal),
      objectType: 'matter',
      objectId: id,
      subject: number,
      ip,
    });
    return presentOne(tx, principal, await matterFor(tx, principal, id));
  });
}

export async function updateMatter(
  app: FastifyInstance,
  principal: Principal,
  id: string,
  body: UpdateMatter,
  ip: string,
): Promise<Matter> {
  return app.database.db.transaction(async (tx) => {
    const { matter } = await matterFor(tx, principal, id, true);
    authorize(principal, { type: 'matter', firmId: matter.firmId }, NOT_FOUND);
    checkBody(principal, body);
    const dates = statusDates(matter, body, todayUtc());
    await assertReferences(tx, principal, referencesOf(body));
    await repo.updateMatter(tx, id, columnsOf(body, dates));
    if (body.client_id !== undefined) await markClient(tx, body.client_id);
    if (body.related_contacts !== undefined) {
      await repo.replaceRelatedContacts(tx, matter.firmId, id, relatedRows(body.related_contacts));
    }
    await recordAudit(tx, {
      action: 'matter.updated',
      ...actedBy(principal),
      objectType: 'matter',
      objectId: id,
      subject: matter.number,
      ip,
    });
    return presentOne(tx, principal, await matterFor(tx, principal, id));
  });
}

/** Deletes a matter and what hangs on it (cascade); refused (422) once time was logged or billed. */
export async function deleteMatter(
  app: FastifyInstance,
  principal: Principal,
  id: string,
  ip: string,
): Promise<void> {
  await app.database.db.transaction(async (tx) => {
    const { matter } = await matterFor(tx, principal, id, true);
    authorize(principal, { type: 'matter', firmId: matter.firmId }, NOT_FOUND);
    try {
      await repo.deleteMatter(tx, id);
    } catch (error) {
      // The failed statement aborts the transaction on PostgreSQL; throwing rolls it back whole.
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError(
        'unprocessable',
        'This matter has time entries or bills, which are kept for the record: close it instead.',
      );
    }
    await recordAudit(tx, {
      action: 'matter.deleted',
      ...actedBy(principal),
      objectType: 'matter',
      objectId: id,
      subject: matter.number,
      ip,
    });
  });
}
