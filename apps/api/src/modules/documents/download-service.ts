import {
  type DocumentDownloadQuery,
  INLINE_CONTENT_TYPES,
  type InlineContentType,
} from '@chambers/contracts/document-downloads';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import { actedBy, recordAudit } from '../audit/audit-log';
import { downloadName, strongEtag } from './download-headers';
import type { ByteSpan } from './download-ranges';
import { findDocument, findVersion } from './lookup';

/** One version of a document, ready to be sent: what every header and the audit row come from. */
export interface Download {
  documentId: string;
  matterId: string;
  versionId: string;
  versionNumber: number;
  blobKey: string;
  size: number;
  contentType: string;
  /** Shown in place (only ever a PDF or image) rather than saved. */
  inline: InlineContentType | null;
  /** The name it is saved (or shown) under. */
  fileName: string;
  etag: string;
  lastModified: Date;
}

const isInlineType = (type: string): type is InlineContentType =>
  (INLINE_CONTENT_TYPES as readonly string[]).includes(type);

/**
 * The version a download asks for (the current one by default) of a document the caller can
 * see: 404 for one out of sight, deleted or never completed, and for a version that does not
 * exist; 415 when asked to show in place a type that is not a PDF or an image.
 */
export async function findDownload(
  app: FastifyInstance,
  principal: Principal,
  documentId: string,
  query: DocumentDownloadQuery,
): Promise<Download> {
  const db = app.database.db;
  const row = await findDocument(db, principal, documentId);
  const version = await findVersion(db, row, query.version);
  const inline = query.disposition === 'inline';
  if (inline && !isInlineType(version.contentType)) {
    throw new AppError(
      'unsupported_media_type',
      `Only PDFs and images can be shown in place; download this ${version.contentType} file as an attachment.`,
    );
  }
  return {
    documentId: row.document.id,
    matterId: row.document.matterId,
    versionId: version.id,
    versionNumber: version.number ?? 1,
    blobKey: version.blobKey,
    size: version.size,
    contentType: version.contentType,
    inline: inline ? (version.contentType as InlineContentType) : null,
    fileName: downloadName(row.document.name, version),
    etag: strongEtag(version.sha256),
    lastModified: version.availableAt ?? version.createdAt,
  };
}

/**
 * Writes who downloaded (or viewed) which version, before a byte leaves. `span` is the part
 * served (null: the whole file); `presigned` says the bytes come from storage directly.
 */
export async function recordTransfer(
  app: FastifyInstance,
  principal: Principal,
  download: Download,
  transfer: { span: ByteSpan | null; presigned: boolean },
  ip: string,
): Promise<void> {
  await recordAudit(app.database.db, {
    action: download.inline ? 'document.viewed' : 'document.downloaded',
    ...actedBy(principal),
    objectType: 'document',
    objectId: download.documentId,
    ip,
    details: {
      matter_id: download.matterId,
      version: download.versionNumber,
      version_id: download.versionId,
      size: download.size,
      range: transfer.span ? `bytes ${transfer.span.start}-${transfer.span.end}/${download.size}` : null,
      presigned: transfer.presigned,
    },
  });
}
