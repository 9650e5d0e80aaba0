import type { Document, DocumentVersion, DocumentVersionPage } from '@chambers/contracts/documents';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { actedBy, recordAudit } from '../audit/audit-log';
import { findDocument, findVersion, toDocument, toVersions } from './lookup';
import * as repo from './repository';
import { discardFiles, type StoredFile, storeFile } from './stored-files';
import type { UploadForm } from './upload-form';
import { insertAvailableVersion, namesOf, recordUploaded, tooLarge } from './upload-service';
import { lockLiveDocument, writableDocument } from './writable-document';

/** All available versions of a document, newest first (documents have few; the page never continues). */
export async function listVersions(
  app: FastifyInstance,
  principal: Principal,
  documentId: string,
): Promise<DocumentVersionPage> {
  const db = app.database.db;
  const row = await findDocument(db, principal, documentId);
  const versions = await repo.listVersions(db, row.document.id);
  return { data: await toVersions(db, versions, row.document.currentVersionId), meta: { next_cursor: null } };
}

/**
 * Uploads the form's one file as the document's next version, which becomes current. The file is
 * stored first; then, with the document row locked, it gets the next number.
 */
export async function uploadVersion(
  app: FastifyInstance,
  principal: Principal,
  documentId: string,
  form: UploadForm,
  ip: string,
): Promise<DocumentVersion> {
  const db = app.database.db;
  const config = app.config.documents;
  await writableDocument(db, principal, documentId);
  const part = await form.onlyFile();
  const { fileName } = namesOf(part, '/file');
  const maxBytes = Math.min(config.maxFileBytes, config.maxRequestBytes);
  let stored: StoredFile | undefined;
  try {
    stored = await storeFile(app, part.file, {
      firmId: principal.firmId,
      declared: { contentType: part.declaredType, names: [fileName] },
      maxBytes,
      tooLarge: tooLarge(config, maxBytes),
    });
    await form.end();
    const upload = { stored, fileName };
    return await db.transaction(async (tx) => {
      const locked = await lockLiveDocument(tx, documentId);
      const version = await insertAvailableVersion(
        tx,
        principal,
        locked.id,
        await repo.nextVersionNumber(tx, locked.id),
        upload,
      );
      const document = await repo.updateDocument(tx, locked.id, { currentVersionId: version.id });
      await recordUploaded(tx, principal, ip, { document, version });
      const [answer] = await toVersions(tx, [version], version.id);
      if (!answer) throw new Error('toVersions lost a row');
      return answer;
    });
  } catch (error) {
    await discardFiles(app, stored ? [stored] : []);
    throw error;
  }
}

/** Makes an earlier version current again (a pointer switch: no bytes are copied). */
export async function restoreVersion(
  app: FastifyInstance,
  principal: Principal,
  documentId: string,
  number: number,
  ip: string,
): Promise<Document> {
  return app.database.db.transaction(async (tx) => {
    // Locked first, so the current version read next cannot change before the switch.
    await lockLiveDocument(tx, documentId);
    const row = await writableDocument(tx, principal, documentId);
    const version = await findVersion(tx, row, number);
    if (version.id === row.document.currentVersionId) return toDocument(tx, row);
    const document = await repo.updateDocument(tx, documentId, { currentVersionId: version.id });
    await recordAudit(tx, {
      action: 'document.version_restored',
      ...actedBy(principal),
      objectType: 'document',
      objectId: documentId,
      ip,
      details: { version: number, previous_version: row.version.number },
    });
    return toDocument(tx, { document, version });
  });
}
