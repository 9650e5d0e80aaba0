import type { UploadedDocuments } from '@chambers/contracts/documents';
import { api } from '../../../lib/api-client';

/**
 * `POST /api/v1/documents` into the matter's root folder: a message's attachments are documents
 * uploaded first, then named by id in the message. Resolves with the new documents' ids.
 */
export async function uploadAttachments(
  matterId: string,
  files: File[],
  onProgress: (fraction: number) => void,
): Promise<string[]> {
  if (files.length === 0) return [];
  const form = new FormData();
  // The API reads the form in order: the target first, then the files.
  form.append('matter_id', matterId);
  for (const file of files) form.append('file', file, file.name);
  const uploaded = await api.upload<UploadedDocuments>('/api/v1/documents', form, {
    onProgress: (sent, total) => onProgress(total > 0 ? sent / total : 0),
  });
  return uploaded.data.map((document) => document.id);
}
