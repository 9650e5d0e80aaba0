import type { PortalUploadResult } from '@chambers/contracts/portals';
import { api } from '../../../lib/api-client';

/**
 * `POST /api/v1/portals/{id}/documents`: the files go into the matter's "Portal uploads" folder
 * and are shared into the portal. Resolves with the new documents' ids. With an idempotency key
 * (the upload queue keeps one per file), a retry never files the same upload twice.
 */
export async function uploadToPortal(
  portalId: string,
  files: { file: File; name: string }[],
  control: { onProgress: (fraction: number) => void; signal?: AbortSignal; idempotencyKey?: string },
): Promise<string[]> {
  const form = new FormData();
  for (const { file, name } of files) {
    // The API reads the form in order: a file's name goes right before it.
    form.append('name', name);
    form.append('file', file, file.name);
  }
  const result = await api.upload<PortalUploadResult>(`/api/v1/portals/${portalId}/documents`, form, {
    signal: control.signal,
    ...(control.idempotencyKey ? { headers: { 'Idempotency-Key': control.idempotencyKey } } : {}),
    onProgress: (sent, total) => control.onProgress(total > 0 ? sent / total : 0),
  });
  return result.data.map((resource) => resource.resource_id);
}
