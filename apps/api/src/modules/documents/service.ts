import type { Document, DocumentPage, DocumentQuery, UpdateDocument } from '@chambers/contracts/documents';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { authorize } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { sanitizeName } from './file-names';
import { nameFitsType } from './file-types';
import { findDocument, toDocument, toDocuments } from './lookup';
import * as repo from './repository';
import { NOT_FOUND, writableDocument } from './writable-document';

const DAY_MS = 86_400_000;

/** Deleted documents restorable now: those deleted within the retention period. */
const restorableSince = (app: FastifyInstance) =>
  new Date(Date.now() - app.config.documents.retentionDays * DAY_MS);

const unprocessable = (path: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ path, message }] });

export async function listDocuments(
  app: FastifyInstance,
  principal: Principal,
  query: DocumentQuery,
): Promise<DocumentPage> {
  const db = app.database.db;
  const limit = query.limit ?? 50;
  const rows = await repo.listDocuments(db, principal, {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
    ...(query.matter_id ? { matterId: query.matter_id } : {}),
    ...(query.folder_id ? { folderId: query.folder_id } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.updated_since ? { updatedSince: new Date(query.updated_since) } : {}),
    ...(query.deleted ? { deletedSince: restorableSince(app) } : {}),
  });
  const { items, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.document.id })),
    limit,
  );
  return { data: await toDocuments(db, items), meta: { next_cursor: nextCursor } };
}

export async function getDocument(
  app: FastifyInstance,
  principal: Principal,
  documentId: string,
): Promise<Document> {
  const db = app.database.db;
  return toDocument(db, await findDocument(db, principal, documentId));
}

/** Renames and/or moves a document within its matter. */
export async function updateDocument(
  app: FastifyInstance,
  principal: Principal,
  documentId: string,
  body: UpdateDocument,
  ip: string,
): Promise<Document> {
  return app.database.db.transaction(async (tx) => {
    const row = await writableDocument(tx, principal, documentId);
    const name = body.name === undefined ? undefined : sanitizeName(body.name);
    if (body.name !== undefined && name === undefined) {
      throw new AppError('validation_failed', '/name: is empty once sanitised', {
        errors: [{ path: '/name', message: 'is empty once sanitised' }],
      });
    }
    if (name !== undefined && !nameFitsType(name, row.version.contentType)) {
      throw unprocessable(
        '/name',
        `This extension does not fit the document's content (${row.version.contentType}).`,
      );
    }
    if (body.folder_id !== undefined) {
      const folder = await repo.findFolder(tx, principal, body.folder_id);
      if (!folder) throw unprocessable('/folder_id', 'No such folder.');
      if (folder.matterId !== row.document.matterId) {
        throw unprocessable('/folder_id', 'A document moves only between folders of its own matter.');
      }
    }
    const document = await repo.updateDocument(tx, documentId, {
      ...(name === undefined ? {} : { name }),
      ...(body.folder_id === undefined ? {} : { folderId: body.folder_id }),
    });
    await recordAudit(tx, {
      action: 'document.updated',
      ...actedBy(principal),
      objectType: 'document',
      objectId: documentId,
      ip,
      details: {
        fields: Object.keys(body),
        ...(name === undefined ? {} : { name, previous_name: row.document.name }),
        ...(body.folder_id === undefined
          ? {}
          : { folder_id: body.folder_id, previous_folder_id: row.document.folderId }),
      },
    });
    return toDocument(tx, { document, version: row.version });
  });
}

/** Deletes a document softly: it disappears from every list and read, restorable for the retention period. */
export async function deleteDocument(
  app: FastifyInstance,
  principal: Principal,
  documentId: string,
  ip: string,
) {
  await app.database.db.transaction(async (tx) => {
    const row = await writableDocument(tx, principal, documentId);
    await repo.updateDocument(tx, documentId, {
      deletedAt: new Date(),
      deletedByMembershipId: principal.membershipId,
    });
    await recordAudit(tx, {
      action: 'document.deleted',
      ...actedBy(principal),
      objectType: 'document',
      objectId: documentId,
      ip,
      details: { matter_id: row.document.matterId, name: row.document.name },
    });
  });
}

/** Brings a deleted document back where it was, while the retention period lasts (404 after). */
export async function restoreDocument(
  app: FastifyInstance,
  principal: Principal,
  documentId: string,
  ip: string,
): Promise<Document> {
  return app.database.db.transaction(async (tx) => {
    // Locked first: a purge of this document in progress finishes before it is read (then: 404).
    await repo.lockDocument(tx, documentId);
    const row = await findDocument(tx, principal, documentId, { deleted: true });
    const deletedAt = row.document.deletedAt;
    if (!deletedAt || deletedAt < restorableSince(app)) throw new AppError('not_found', NOT_FOUND);
    authorize(principal, { type: 'document', firmId: row.document.firmId }, NOT_FOUND);
    const document = await repo.updateDocument(tx, documentId, {
      deletedAt: null,
      deletedByMembershipId: null,
    });
    await recordAudit(tx, {
      action: 'document.restored',
      ...actedBy(principal),
      objectType: 'document',
      objectId: documentId,
      ip,
      details: {
        matter_id: document.matterId,
        folder_id: document.folderId,
        deleted_at: deletedAt.toISOString(),
      },
    });
    return toDocument(tx, { document, version: row.version });
  });
}
