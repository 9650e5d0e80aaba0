import type { DataEnvelope } from '@chambers/api-client/client';
import type { CreateMessage, Message } from '@chambers/contracts/conversations';
import type { MessageDraft } from '@chambers/ui/message-composer';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { uploadToPortal } from './upload-to-portal';

/** `POST /api/v1/portals/{id}/messages`. */
export async function postPortalMessage(portalId: string, body: CreateMessage): Promise<Message> {
  return (await api.request<DataEnvelope<Message>>('POST', `/api/v1/portals/${portalId}/messages`, { body }))
    .data;
}

/**
 * A reply: its files are uploaded into the portal first (so they are also among its shared
 * files), then the message names them; messages and shared files reload.
 */
export function usePostPortalMessage(portalId: string) {
  const queryClient = useQueryClient();
  return async ({ body, files }: MessageDraft, onProgress: (fraction: number) => void) => {
    const attachmentIds =
      files.length > 0
        ? await uploadToPortal(
            portalId,
            files.map((file) => ({ file, name: file.name })),
            { onProgress },
          )
        : [];
    await postPortalMessage(portalId, {
      body,
      ...(attachmentIds.length > 0 ? { attachment_ids: attachmentIds } : {}),
    });
    await queryClient.invalidateQueries({ queryKey: ['portals', portalId] });
  };
}
