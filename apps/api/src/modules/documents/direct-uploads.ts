import type { Readable } from 'node:stream';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CreateDirectUpload, DirectUpload, Document } from '@chambers/contracts/documents';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import { authorize, authorizeCreate } from '../../policy/policy';
import { BlobTooLargeError, PRESIGN_MAX_EXPIRY_SECONDS } from '../../storage/blob-store';
import { HashingStream } from '../../storage/hashing-stream';
import { filingFolder } from '../folders/filing-folder';
import { sanitizeName } from './file-names';
import { assertDeclarable, verifiedType } from './file-types';
import { findDocument, toDocument } from './lookup';
import * as repo from './repository';
import { TypeCheckingStream } from './type-checking-stream';
import { noticeExternalUpload } from './upload-notice';
import { recordUploaded } from './upload-service';
import type { UploadTokens } from './upload-tokens';
import { lockLiveDocument, writableDocument } from './writable-document';

const NO_SUCH_UPLOAD = 'No such upload.';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });
const unprocessable = (message: string) => new AppError('unprocessable', message);

/** Where a direct upload's document lives: a new one in a folder, or an existing one. */
async function destination(app: FastifyInstance, principal: Principal, body: CreateDirectUpload) {
  const given = (['folder_id', 'matter_id', 'document_id'] as const).filter(
    (field) => body[field] !== undefined,
  );
  if (given.length !== 1)
    throw invalid('/folder_id', 'send exactly one of folder_id, matter_id and document_id');
  const db = app.database.db;
  if (body.document_id !== undefined) {
    const row = await writableDocument(db, principal, body.document_id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') {
        throw new AppError('unprocessable', 'The request refers to records that do not exist.', {
          errors: [{ path: '/document_id', message: 'No such document.' }],
        });
      }
      throw error;
    });
    return { document: row.document };
  }
  const target =
    body.folder_id !== undefined
      ? { kind: 'folder' as const, id: body.folder_id }
      : { kind: 'matter' as const, id: body.matter_id ?? '' };
  return { folder: await filingFolder(db, principal, target, `/${target.kind}_id`) };
}

/**
 * Starts a direct-to-storage upload: a pending version (and, for a new document, a document that
 * stays invisible until the upload is confirmed) under a fresh blob key, and a short-lived URL to
 * PUT the bytes to — presigned by S3, or this API's signed upload route on the disk driver.
 * Unconfirmed, the pending version expires after UPLOAD_PENDING_TTL_SECONDS and is swept with its blob.
 */
export async function createDirectUpload(
  app: FastifyInstance,
  principal: Principal,
  tokens: UploadTokens,
  body: CreateDirectUpload,
): Promise<DirectUpload> {
  authorizeCreate(principal, 'document');
  const config = app.config.documents;
  const name = sanitizeName(body.name);
  if (name === undefined) throw invalid('/name', 'is empty once sanitised');
  if (body.size > config.maxFileBytes) {
    throw new AppError('payload_too_large', `A file may be at most ${config.maxFileBytes} bytes.`);
  }
  assertDeclarable({ contentType: body.content_type, names: [name] });
  const where = await destination(app, principal, body);
  const now = Date.now();
  const version = await app.database.db.transaction(async (tx) => {
    const document =
      where.document ??
      (await repo.insertDocument(tx, {
        firmId: principal.firmId,
        matterId: where.folder.matterId,
        folderId: where.folder.id,
        name,
        uploadedByMembershipId: principal.membershipId,
      }));
    return repo.insertVersion(tx, {
      firmId: principal.firmId,
      documentId: document.id,
      status: 'pending',
      blobKey: app.blobs.newKey(),
      size: body.size,
      sha256: body.sha256,
      contentType: body.content_type,
      fileName: name,
      uploadedByMembershipId: principal.membershipId,
      expiresAt: new Date(now + config.pendingUploadTtlSeconds * 1000),
    });
  });
  const linkSeconds = Math.min(PRESIGN_MAX_EXPIRY_SECONDS, config.pendingUploadTtlSeconds);
  const expiresAt = new Date(now + linkSeconds * 1000);
  const url = app.blobs.presignPut
    ? await app.blobs.presignPut(version.blobKey, {
        expiresInSeconds: linkSeconds,
        contentType: body.content_type,
        contentLength: body.size,
      })
    : `${app.config.publicUrl}/api/v1/documents/uploads/${version.id}/content?token=${tokens.sign(version.id, version.blobKey, expiresAt)}`;
  return {
    id: version.id,
    document_id: version.documentId,
    url,
    method: 'PUT',
    headers: { 'Content-Type': body.content_type },
    expires_at: expiresAt.toISOString(),
  };
}

/**
 * The disk driver's upload link: streams the body into the pending version's blob, at most the
 * declared size. Nothing becomes visible; the confirm step checks the bytes. A link works while it
 * has not expired, its version is pending and nothing was stored yet.
 */
export async function writeDirectUpload(
  app: FastifyInstance,
  tokens: UploadTokens,
  versionId: string,
  token: string,
  body: Readable,
): Promise<void> {
  const version = await repo.findVersionById(app.database.db, versionId);
  const linkExpiry = version && tokens.verify(token, version.id, version.blobKey);
  // Stores that presign their own URLs never hand out these links.
  if (!version || !linkExpiry || app.blobs.presignPut) throw new AppError('not_found', NO_SUCH_UPLOAD);
  const now = new Date();
  if (linkExpiry < now || (version.expiresAt !== null && version.expiresAt < now)) {
    throw new AppError('forbidden', 'This upload link has expired; start the upload again.');
  }
  if (version.status !== 'pending' || (await app.blobs.head(version.blobKey))) {
    throw new AppError('conflict', 'The bytes of this upload were already sent; confirm it.');
  }
  try {
    await app.blobs.put(body, { key: version.blobKey, maxBytes: version.size });
  } catch (error) {
    if (error instanceof BlobTooLargeError) {
      throw new AppError('payload_too_large', `This upload was declared as ${version.size} bytes.`);
    }
    throw error;
  }
}

/** Size, SHA-256 and verified type of a stored blob, read back in one pass. */
async function inspect(app: FastifyInstance, version: repo.VersionRow) {
  const checker = new TypeCheckingStream((head) =>
    verifiedType(head, { contentType: version.contentType, names: [version.fileName] }),
  );
  const meter = new HashingStream({ maxBytes: version.size });
  await pipeline(
    await app.blobs.get(version.blobKey),
    checker,
    meter,
    new Writable({ write: (_c, _e, done) => done() }),
  );
  return { size: meter.byteCount, sha256: meter.sha256, contentType: checker.type };
}

/**
 * Confirms a direct upload once its bytes are stored: size and SHA-256 must be what was declared
 * and the content an accepted type (as for any upload); then the version becomes available and
 * current, with the next number. A mismatch deletes the blob and answers 422 (415 for the type);
 * the version stays pending until it expires. Confirming again answers the document.
 */
export async function confirmDirectUpload(
  app: FastifyInstance,
  principal: Principal,
  versionId: string,
  ip: string,
): Promise<Document> {
  const db = app.database.db;
  const found = await repo.findScopedVersion(db, principal, versionId);
  // A pending upload is its uploader's own business until confirmed.
  if (!found || found.version.uploadedByMembershipId !== principal.membershipId) {
    throw new AppError('not_found', NO_SUCH_UPLOAD);
  }
  // Confirming finishes the caller's own upload: the right to upload is what it takes.
  authorize(principal, { type: 'document', firmId: found.document.firmId }, NO_SUCH_UPLOAD, 'create');
  const { version } = found;
  if (version.status === 'available')
    return toDocument(db, await findDocument(db, principal, version.documentId));
  if (version.expiresAt !== null && version.expiresAt < new Date()) {
    throw unprocessable('This upload expired before it was confirmed; start it again.');
  }
  const stored = await app.blobs.head(version.blobKey);
  if (!stored) throw unprocessable('Nothing has been uploaded for this upload yet.');
  let inspected: Awaited<ReturnType<typeof inspect>>;
  try {
    if (stored.size !== version.size) {
      throw unprocessable(`The upload has ${stored.size} bytes, not the ${version.size} declared.`);
    }
    inspected = await inspect(app, version);
    if (inspected.sha256 !== version.sha256)
      throw unprocessable('The upload does not match its declared SHA-256.');
  } catch (error) {
    // The wrong bytes go now; the version stays pending until it expires and the sweeper removes it.
    if (error instanceof AppError) await app.blobs.delete(version.blobKey);
    throw error;
  }
  return db.transaction(async (tx) => {
    const document = await lockLiveDocument(tx, version.documentId);
    const current = await repo.findScopedVersion(tx, principal, versionId, { lock: true });
    const expiresAt = current?.version.expiresAt;
    if (current?.version.status !== 'pending' || !expiresAt || expiresAt < new Date()) {
      throw unprocessable('This upload expired or was confirmed meanwhile.');
    }
    const available = await repo.updateVersion(tx, versionId, {
      status: 'available',
      number: await repo.nextVersionNumber(tx, document.id),
      contentType: inspected.contentType,
      availableAt: new Date(),
      expiresAt: null,
    });
    const updated = await repo.updateDocument(tx, document.id, { currentVersionId: available.id });
    await recordUploaded(tx, principal, ip, { document: updated, version: available });
    await noticeExternalUpload(tx, app.config.publicUrl, principal, { matterId: updated.matterId, files: 1 });
    return toDocument(tx, { document: updated, version: available });
  });
}
