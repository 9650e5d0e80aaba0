import type { CreatedShare, CreateShare, Share, SharePage, ShareQuery } from '@chambers/contracts/shares';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { authorize, authorizeCreate, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { loadPeopleNames, type PeopleNames, toPerson } from '../practice/people';
import { assertReferences } from '../practice/references';
import { notifyContact } from './contact-notice';
import * as repo from './repository';

const NOT_FOUND = 'No such share.';

const userColumns = (membershipId: string) => ({ membershipId, contactId: null });

function resourceName(record: repo.ShareRecord): string {
  switch (record.share.resourceType) {
    case 'matter':
      return repo.matterName(record.matterNumber ?? '', record.matterDescription ?? '');
    case 'folder':
      return record.folderName ?? '';
    case 'document':
      return record.documentName ?? '';
  }
}

function toShare(record: repo.ShareRecord, names: PeopleNames): Share {
  const { share } = record;
  return {
    id: share.id,
    contact: { id: share.contactId, name: record.contactName, email: record.contactEmail },
    resource_type: share.resourceType,
    matter_id: share.matterId,
    folder_id: share.folderId,
    document_id: share.documentId,
    resource_name: resourceName(record),
    created_by: toPerson(userColumns(share.createdByMembershipId), names),
    created_at: share.createdAt.toISOString(),
  };
}

/** Shares as answered, with the names of who shared them loaded in one go. */
async function toShares(db: Db, records: repo.ShareRecord[]): Promise<Share[]> {
  const names = await loadPeopleNames(
    db,
    records.map((record) => userColumns(record.share.createdByMembershipId)),
  );
  return records.map((record) => toShare(record, names));
}

async function toOneShare(db: Db, record: repo.ShareRecord): Promise<Share> {
  const [share] = await toShares(db, [record]);
  if (!share) throw new Error('share not shaped');
  return share;
}

export async function listShares(
  app: FastifyInstance,
  principal: Principal,
  query: ShareQuery,
): Promise<SharePage> {
  const db = app.database.db;
  const limit = query.limit ?? 50;
  const records = await repo.listShares(db, scope(principal, 'share'), {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
    ...(query.contact_id ? { contactId: query.contact_id } : {}),
    ...(query.matter_id ? { matterId: query.matter_id } : {}),
    ...(query.folder_id ? { folderId: query.folder_id } : {}),
    ...(query.document_id ? { documentId: query.document_id } : {}),
  });
  const { items, nextCursor } = pageOf(
    records.map((record) => ({ ...record, id: record.share.id })),
    limit,
  );
  return { data: await toShares(db, items), meta: { next_cursor: nextCursor } };
}

/** A share the principal can see, or 404 (co-counsel and clients see none). */
async function visibleShare(db: Db, principal: Principal, shareId: string) {
  const record = await repo.findShare(db, scope(principal, 'share'), shareId);
  if (!record) throw new AppError('not_found', NOT_FOUND);
  return record;
}

export async function getShare(app: FastifyInstance, principal: Principal, shareId: string): Promise<Share> {
  const db = app.database.db;
  return toOneShare(db, await visibleShare(db, principal, shareId));
}

/** The one resource the body names (its schema admits exactly one), and where. */
function targetOf(body: CreateShare): repo.ShareTarget & { path: string } {
  if (body.matter_id) return { type: 'matter', id: body.matter_id, path: '/matter_id' };
  if (body.folder_id) return { type: 'folder', id: body.folder_id, path: '/folder_id' };
  if (body.document_id) return { type: 'document', id: body.document_id, path: '/document_id' };
  throw new Error('the CreateShare schema admits exactly one resource');
}

/** The share's resource columns: the target's set, the other two null (the table's check). */
const resourceColumns = ({ type, id }: repo.ShareTarget) => ({
  resourceType: type,
  matterId: type === 'matter' ? id : null,
  folderId: type === 'folder' ? id : null,
  documentId: type === 'document' ? id : null,
});

const unprocessable = (path: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ path, message }] });

const alreadyShared = () => new AppError('conflict', 'This is already shared with this contact.');

/**
 * The contact, locked for the rest of the transaction, if it can be shared with: one of the
 * firm's co-counsel, with an address to invite or notify (422 naming `/contact_id` otherwise).
 */
async function shareableContact(tx: Db, contactId: string) {
  const contact = await repo.lockContact(tx, contactId);
  if (!contact) throw unprocessable('/contact_id', 'No such contact.');
  if (!contact.isCoCounsel) {
    throw unprocessable('/contact_id', 'Only a contact flagged as co-counsel can be shared with.');
  }
  if (!contact.email) {
    throw unprocessable('/contact_id', 'This contact has no email address to invite or notify.');
  }
  return { ...contact, email: contact.email };
}

/**
 * Shares a matter, folder or document with a co-counsel contact and, in the same transaction,
 * mails it: the invitation if it has no account at the firm yet, else (when the firm wants them)
 * a notice. The mail leaves if and only if the share commits.
 */
export async function createShare(
  app: FastifyInstance,
  principal: Principal,
  body: CreateShare,
  ip: string,
): Promise<CreatedShare> {
  authorizeCreate(principal, 'share');
  const target = targetOf(body);
  try {
    return await app.database.db.transaction(async (tx) => {
      await assertReferences(tx, principal, [
        { path: '/contact_id', kind: 'contact', id: body.contact_id },
        { path: target.path, kind: target.type, id: target.id },
      ]);
      const contact = await shareableContact(tx, body.contact_id);
      const name = await repo.findResourceName(tx, target);
      if (name === null) throw unprocessable(target.path, `No such ${target.type}.`);
      if (await repo.isShared(tx, contact.id, target)) throw alreadyShared();

      const row = await repo.insertShare(tx, {
        firmId: principal.firmId,
        contactId: contact.id,
        ...resourceColumns(target),
        createdByMembershipId: principal.membershipId,
      });
      const told = await notifyContact(tx, app.config, principal, contact, { ...target, name });
      await recordAudit(tx, {
        action: 'share.created',
        ...actedBy(principal),
        objectType: 'share',
        objectId: row.id,
        ip,
        details: {
          contact_id: contact.id,
          resource_type: target.type,
          resource_id: target.id,
          ...(told.invitationId ? { invitation_id: told.invitationId } : {}),
          notice_sent: told.noticeSent,
        },
      });
      const record = await repo.findShare(tx, scope(principal, 'share'), row.id);
      if (!record) throw new Error('share vanished');
      return {
        ...(await toOneShare(tx, record)),
        invitation_sent: told.invitationId !== null,
        notice_sent: told.noticeSent,
      };
    });
  } catch (error) {
    // The contact lock orders concurrent shares with one contact, so the check above sees the
    // first; the unique index stays the last word should a share ever be written around it.
    if (isUniqueViolation(error)) throw alreadyShared();
    throw error;
  }
}

/** Stops sharing: the row goes, and with it the contact's access, on its very next request. */
export async function deleteShare(app: FastifyInstance, principal: Principal, shareId: string, ip: string) {
  await app.database.db.transaction(async (tx) => {
    const { share } = await visibleShare(tx, principal, shareId);
    authorize(principal, { type: 'share', firmId: share.firmId }, NOT_FOUND);
    // Two stops of one share at once: the second finds nothing left to stop, and is not audited.
    if (!(await repo.deleteShare(tx, share.id))) throw new AppError('not_found', NOT_FOUND);
    await recordAudit(tx, {
      action: 'share.deleted',
      ...actedBy(principal),
      objectType: 'share',
      objectId: share.id,
      ip,
      details: {
        contact_id: share.contactId,
        resource_type: share.resourceType,
        resource_id: share.matterId ?? share.folderId ?? share.documentId,
      },
    });
  });
}
