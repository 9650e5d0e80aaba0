import type { UploadedDocuments } from '@chambers/contracts/documents';
import type { SendFile } from '@chambers/ui/upload-queue';
import { api } from '../../../lib/api-client';

/**
 * `POST /api/v1/documents`, one request per file so each has its own progress, cancel and retry:
 * the target first (`folder_id`, or `matter_id` for a matter's root folder), then the file's
 * `name`, its `path` inside a picked or dropped folder, and the file itself.
 */
export const uploadDocument: SendFile = async (item, { signal, onProgress }) => {
  const target = item.destination ? parseTarget(item.destination.id) : null;
  if (!target) throw new Error('Choose a matter or folder to upload into.');
  const form = new FormData();
  form.append(target.field, target.id);
  form.append('name', item.name.trim() || item.file.name);
  if (item.relativePath) form.append('path', item.relativePath);
  form.append('file', item.file, item.file.name);
  await api.upload<UploadedDocuments>('/api/v1/documents', form, {
    signal,
    headers: { 'Idempotency-Key': item.idempotencyKey },
    onProgress: (sent, total) => onProgress(total > 0 ? sent / total : 0),
  });
};

/** An upload destination's id names its field: `folder:<id>` or `matter:<id>`. */
export const targetId = (field: 'folder' | 'matter', id: string) => `${field}:${id}`;

function parseTarget(value: string): { field: 'folder_id' | 'matter_id'; id: string } | null {
  const [kind, id] = value.split(':');
  if (!id) return null;
  if (kind === 'folder') return { field: 'folder_id', id };
  if (kind === 'matter') return { field: 'matter_id', id };
  return null;
}
