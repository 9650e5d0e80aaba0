import type { ApiClient, DataEnvelope } from '@chambers/api-client/client';
import type { EmailChangeRequest } from '@chambers/contracts/email-change';
import type { ChangePassword, Me, UpdateMe } from '@chambers/contracts/me';

/**
 * The signed-in person's own profile endpoints, shared by both SPAs' profile pages. Each change
 * answers (or is followed by a refetch of) `['me']`, the key `createAuthApi` reads the person with.
 */

/** `PATCH /api/v1/me`: name or time zone. */
export async function updateMe(api: ApiClient, body: UpdateMe): Promise<Me> {
  return (await api.request<DataEnvelope<Me>>('PATCH', '/api/v1/me', { body })).data;
}

/** `PUT /api/v1/me/avatar`: a multipart form with one `file` field. */
export async function replaceAvatar(api: ApiClient, picture: Blob, fileName: string): Promise<Me> {
  const form = new FormData();
  form.append('file', picture, fileName);
  return (await api.request<DataEnvelope<Me>>('PUT', '/api/v1/me/avatar', { body: form })).data;
}

/** `DELETE /api/v1/me/avatar`. */
export async function removeAvatar(api: ApiClient): Promise<void> {
  await api.request<void>('DELETE', '/api/v1/me/avatar');
}

/** `POST /api/v1/me/password`: the person's other sessions end. */
export async function changePassword(api: ApiClient, body: ChangePassword): Promise<void> {
  await api.request<void>('POST', '/api/v1/me/password', { body });
}

/** `POST /api/v1/me/email_change`: mails a confirmation link to the new address. */
export async function requestEmailChange(api: ApiClient, body: EmailChangeRequest): Promise<void> {
  await api.request<void>('POST', '/api/v1/me/email_change', { body });
}
