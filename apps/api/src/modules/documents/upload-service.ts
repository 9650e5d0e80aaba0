import type { Document } from '@chambers/contracts/documents';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { authorizeCreate } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { filingFolder } from '../folders/filing-folder';
import { releaseBlobKey } from './blob-reservations';
import { baseName, folderSegments, sanitizeName } from './file-names';
import { type DocumentRow, toDocuments } from './lookup';
import * as repo from './repository';
import { discardFiles, type StoredFile, storeFile } from './stored-files';
import type { FormFile, UploadForm } from './upload-form';
import { noticeExternalUpload } from './upload-notice';

/** A stored file with the document it is to become. */
interface Upload {
  stored: StoredFile;
  name: string;
  fileName: string;
  /** Sub-folders (of the target folder) it goes in. */
  folders: string[];
}

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });

/** A file's names, sanitised: the one it was sent under and the one its document gets. */
export function namesOf(part: FormFile, path: string): { fileName: string; name: string } {
  const fileName = sanitizeName(baseName(part.fileName));
  const name = part.name === undefined ? fileName : sanitizeName(part.name);
  if (name === undefined) throw invalid(path, 'needs a file name (or a `name` field before it)');
  return { fileName: fileName ?? name, name };
}

/** 413s for the two budgets a file draws on. */
export function tooLarge(config: { maxFileBytes: number; maxRequestBytes: number }, remaining: number) {
  return () =>
    remaining < config.maxFileBytes
      ? new AppError(
          'payload_too_large',
          `All files of one upload may take at most ${config.maxRequestBytes} bytes.`,
        )
      : new AppError('payload_too_large', `A file may be at most ${config.maxFileBytes} bytes.`);
}

/**
 * Uploads the files of a multipart form as new documents, into the folder its first field names.
 * The folder is checked (422) before any file is stored.
 */
export async function uploadDocuments(
  app: FastifyInstance,
  principal: Principal,
  form: UploadForm,
  ip: string,
): Promise<Document[]> {
  authorizeCreate(principal, 'document');
  const target = await form.target();
  const folder = await filingFolder(app.database.db, principal, target, `/${target.kind}_id`);
  return uploadFiles(app, principal, form, ip, {
    folder: async () => folder,
    made: async (_tx, made) => made,
  });
}

/**
 * Where the files of an upload go, and what else their transaction does: `folder` is resolved in
 * it (so a folder made for the upload exists only if the documents do), `made` runs in it once the
 * documents exist and answers the request's result.
 */
export interface UploadInto<T> {
  folder: (tx: Db) => Promise<repo.FolderRow>;
  made: (tx: Db, documents: Document[]) => Promise<T>;
}

/**
 * Uploads the remaining files of a multipart form as new documents. Each file streams into the
 * blob store (size, SHA-256 and type checked on the way; 413 as soon as a limit is crossed); only
 * once all of them are stored does one transaction make their documents, versions and sub-folders.
 * Any failure leaves nothing visible and deletes what was stored: a request makes all its
 * documents or none.
 */
export async function uploadFiles<T>(
  app: FastifyInstance,
  principal: Principal,
  form: UploadForm,
  ip: string,
  into: UploadInto<T>,
): Promise<T> {
  const config = app.config.documents;
  const uploads: Upload[] = [];
  try {
    let used = 0;
    for (let part = await form.nextFile(config.maxFiles); part; part = await form.nextFile(config.maxFiles)) {
      const path = `/file/${uploads.length}`;
      const folders = part.path === undefined ? [] : folderSegments(part.path);
      if (folders === undefined)
        throw invalid(path, 'its `path` may not contain `..` nor be deeper than 32 folders');
      const { fileName, name } = namesOf(part, path);
      const remaining = config.maxRequestBytes - used;
      const stored = await storeFile(app, part.file, {
        firmId: principal.firmId,
        declared: { contentType: part.declaredType, names: [fileName, name] },
        maxBytes: Math.min(config.maxFileBytes, remaining),
        tooLarge: tooLarge(config, remaining),
      });
      uploads.push({ stored, name, fileName, folders });
      used += stored.size;
    }
    if (uploads.length === 0) throw invalid('/file', 'send at least one file');
    return await commitUploads(app, principal, into, uploads, ip);
  } catch (error) {
    await discardFiles(
      app,
      uploads.map((upload) => upload.stored),
    );
    throw error;
  }
}

/** Makes the documents of stored files, in one transaction, with the sub-folders they need. */
async function commitUploads<T>(
  app: FastifyInstance,
  principal: Principal,
  into: UploadInto<T>,
  uploads: readonly Upload[],
  ip: string,
): Promise<T> {
  return app.database.db.transaction(async (tx) => {
    const target = await into.folder(tx);
    const folderAt = subFolders(tx, principal, target, ip);
    const rows: DocumentRow[] = [];
    for (const upload of uploads) {
      const folder = await folderAt(upload.folders);
      const document = await repo.insertDocument(tx, {
        firmId: principal.firmId,
        matterId: folder.matterId,
        folderId: folder.id,
        name: upload.name,
        uploadedByMembershipId: principal.membershipId,
      });
      const version = await insertAvailableVersion(tx, principal, document.id, 1, upload);
      const current = await repo.updateDocument(tx, document.id, { currentVersionId: version.id });
      await recordUploaded(tx, principal, ip, { document: current, version });
      rows.push({ document: current, version });
    }
    await noticeExternalUpload(tx, app.config.publicUrl, principal, {
      matterId: target.matterId,
      files: uploads.length,
    });
    return into.made(tx, await toDocuments(tx, rows));
  });
}

/** An available version of a stored file; its blob's reservation ends in the same transaction. */
export async function insertAvailableVersion(
  tx: Db,
  principal: Principal,
  documentId: string,
  number: number,
  upload: { stored: StoredFile; fileName: string },
): Promise<repo.VersionRow> {
  const version = await repo.insertVersion(tx, {
    firmId: principal.firmId,
    documentId,
    number,
    status: 'available',
    blobKey: upload.stored.key,
    size: upload.stored.size,
    sha256: upload.stored.sha256,
    contentType: upload.stored.contentType,
    fileName: upload.fileName,
    uploadedByMembershipId: principal.membershipId,
    availableAt: new Date(),
  });
  await releaseBlobKey(tx, upload.stored.key);
  return version;
}

export async function recordUploaded(
  tx: Db,
  principal: Principal,
  ip: string,
  row: DocumentRow,
): Promise<void> {
  await recordAudit(tx, {
    action: 'document.uploaded',
    ...actedBy(principal),
    objectType: 'document',
    objectId: row.document.id,
    ip,
    details: {
      matter_id: row.document.matterId,
      folder_id: row.document.folderId,
      version: row.version.number,
      name: row.document.name,
      size: row.version.size,
      sha256: row.version.sha256,
      content_type: row.version.contentType,
    },
  });
}

/**
 * Finds or makes the sub-folders of a folder upload, remembering each one for the files that
 * follow, and audits the folders it makes.
 */
function subFolders(tx: Db, principal: Principal, root: repo.FolderRow, ip: string) {
  const known = new Map<string, repo.FolderRow>();
  return async (segments: readonly string[]): Promise<repo.FolderRow> => {
    let folder = root;
    let path = '';
    for (const name of segments) {
      path += `/${name.toLowerCase()}`;
      const seen = known.get(path);
      if (seen) {
        folder = seen;
        continue;
      }
      const { folder: child, created } = await repo.findOrCreateChild(
        tx,
        folder,
        name,
        principal.membershipId,
      );
      if (created) {
        await recordAudit(tx, {
          action: 'folder.created',
          ...actedBy(principal),
          objectType: 'folder',
          objectId: child.id,
          ip,
          details: { matter_id: child.matterId, parent_id: child.parentId, by_upload: true },
        });
      }
      known.set(path, child);
      folder = child;
    }
    return folder;
  };
}
