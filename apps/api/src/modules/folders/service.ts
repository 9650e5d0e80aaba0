import type {
  CreateFolder,
  DeleteFolderQuery,
  Folder,
  FolderPage,
  FolderQuery,
  UpdateFolder,
} from '@chambers/contracts/folders';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { authorize, authorizeCreate, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { assertReferences } from '../practice/references';
import { filingFolder } from './filing-folder';
import { folderName } from './folder-name';
import * as repo from './repository';

const NOT_FOUND = 'No such folder.';

function toFolder(row: repo.FolderRow): Folder {
  return {
    id: row.id,
    matter_id: row.matterId,
    parent_id: row.parentId,
    name: row.name,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function listFolders(
  app: FastifyInstance,
  principal: Principal,
  query: FolderQuery,
): Promise<FolderPage> {
  const limit = query.limit ?? 50;
  const rows = await repo.listFolders(app.database.db, scope(principal, 'folder'), {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
    ...(query.matter_id ? { matterId: query.matter_id } : {}),
    ...(query.parent_id ? { parentId: query.parent_id } : {}),
    ...(query.updated_since ? { updatedSince: new Date(query.updated_since) } : {}),
  });
  const { items, nextCursor } = pageOf(rows, limit);
  return { data: items.map(toFolder), meta: { next_cursor: nextCursor } };
}

/** A folder the principal can see, or 404. */
async function visibleFolder(db: Db, principal: Principal, folderId: string) {
  const row = await repo.findFolder(db, scope(principal, 'folder'), folderId);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

/** A folder the principal may change: 404 when out of sight, 403 when only readable, 422 for a root. */
async function changeableFolder(db: Db, principal: Principal, folderId: string, verb: string) {
  const row = await visibleFolder(db, principal, folderId);
  authorize(principal, { type: 'folder', firmId: row.firmId }, NOT_FOUND);
  if (row.parentId === null) {
    throw new AppError('unprocessable', `A matter's root folder cannot be ${verb}.`);
  }
  return row;
}

/** Runs a write that may give a folder a name its new siblings already have: 409, not 500. */
async function uniquelyNamed<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `A folder named "${name}" is already there (names ignore case).`, {
        errors: [{ path: '/name', message: 'is taken by a sibling folder' }],
      });
    }
    throw error;
  }
}

export async function getFolder(
  app: FastifyInstance,
  principal: Principal,
  folderId: string,
): Promise<Folder> {
  return toFolder(await visibleFolder(app.database.db, principal, folderId));
}

export async function createFolder(
  app: FastifyInstance,
  principal: Principal,
  body: CreateFolder,
  ip: string,
): Promise<Folder> {
  authorizeCreate(principal, 'folder');
  const name = folderName(body.name);
  return app.database.db.transaction(async (tx) => {
    // Making a folder is a step of filing documents: allowed wherever the caller may upload.
    const parent = await filingFolder(tx, principal, { kind: 'folder', id: body.parent_id }, '/parent_id');
    await repo.lockTree(tx, parent.matterId, 'shared');
    const row = await uniquelyNamed(name, () =>
      repo.insertFolder(tx, {
        firmId: parent.firmId,
        matterId: parent.matterId,
        parentId: parent.id,
        name,
        createdByMembershipId: principal.membershipId,
      }),
    );
    await recordAudit(tx, {
      action: 'folder.created',
      ...actedBy(principal),
      objectType: 'folder',
      objectId: row.id,
      ip,
      details: { matter_id: row.matterId, parent_id: row.parentId, name: row.name },
    });
    return toFolder(row);
  });
}

/** Checks a move of `folder` into `parentId`; call with the tree locked exclusively. */
async function assertMovable(db: Db, principal: Principal, folder: repo.FolderRow, parentId: string) {
  await assertReferences(db, principal, [{ path: '/parent_id', kind: 'folder', id: parentId }]);
  const target = await visibleFolder(db, principal, parentId);
  const refuse = (message: string) =>
    new AppError('unprocessable', `The folder cannot move there: ${message}.`, {
      errors: [{ path: '/parent_id', message }],
    });
  if (target.matterId !== folder.matterId) throw refuse('it is in another matter');
  if (await repo.isSelfOrAncestor(db, folder.id, target.id)) {
    throw refuse('it is the folder itself or one of its sub-folders');
  }
}

export async function updateFolder(
  app: FastifyInstance,
  principal: Principal,
  folderId: string,
  body: UpdateFolder,
  ip: string,
): Promise<Folder> {
  const name = body.name === undefined ? undefined : folderName(body.name);
  return app.database.db.transaction(async (tx) => {
    const folder = await changeableFolder(tx, principal, folderId, 'renamed or moved');
    const moving = body.parent_id !== undefined && body.parent_id !== folder.parentId;
    if (moving && body.parent_id) {
      // Taken before the cycle check, so two moves in one tree run one after the other and the
      // second sees where the first put its folder.
      await repo.lockTree(tx, folder.matterId, 'exclusive');
      await assertMovable(tx, principal, folder, body.parent_id);
    }
    const row = await uniquelyNamed(name ?? folder.name, () =>
      repo.updateFolder(tx, folder.id, {
        ...(name === undefined ? {} : { name }),
        ...(moving ? { parentId: body.parent_id } : {}),
      }),
    );
    await recordAudit(tx, {
      action: 'folder.updated',
      ...actedBy(principal),
      objectType: 'folder',
      objectId: row.id,
      ip,
      details: {
        matter_id: row.matterId,
        ...(name === undefined ? {} : { name: row.name, previous_name: folder.name }),
        ...(moving ? { parent_id: row.parentId, previous_parent_id: folder.parentId } : {}),
      },
    });
    return toFolder(row);
  });
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Deletes a folder: an empty one at once; one with contents only when `recursive`, and then its
 * whole subtree goes, its live documents deleted (restorable in the matter's root folder for the
 * retention period, when the sweeper purges them).
 */
export async function deleteFolder(
  app: FastifyInstance,
  principal: Principal,
  folderId: string,
  query: DeleteFolderQuery,
  ip: string,
): Promise<void> {
  await app.database.db.transaction(async (tx) => {
    const folder = await changeableFolder(tx, principal, folderId, 'deleted');
    const rootId = await repo.lockTree(tx, folder.matterId, 'exclusive');
    const folderIds = await repo.lockSubtree(tx, folder.id);
    if (folderIds.length === 0) throw new AppError('not_found', NOT_FOUND); // deleted meanwhile
    if (!query.recursive) {
      const inside = await repo.countContents(tx, folder.id);
      if (inside.folders > 0 || inside.documents > 0) {
        throw new AppError(
          'conflict',
          `The folder is not empty: it holds ${plural(inside.folders, 'folder')} and ` +
            `${plural(inside.documents, 'document')}. Delete or move them first, or delete it with ` +
            'recursive=true.',
        );
      }
    }
    // Hidden documents (deleted, or uploads never completed) may sit in an "empty" folder too.
    const documentsDeleted = await repo.evacuateDocuments(tx, folderIds, rootId, principal.membershipId);
    await repo.deleteFolders(tx, folderIds);
    await recordAudit(tx, {
      action: 'folder.deleted',
      ...actedBy(principal),
      objectType: 'folder',
      objectId: folder.id,
      ip,
      details: {
        matter_id: folder.matterId,
        name: folder.name,
        recursive: query.recursive ?? false,
        folders_deleted: folderIds.length,
        documents_deleted: documentsDeleted,
      },
    });
  });
}
