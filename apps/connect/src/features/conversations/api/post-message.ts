import type { DataEnvelope } from '@chambers/api-client/client';
import type { CreateMessage, Message } from '@chambers/contracts/conversations';
import type { MessageDraft } from '@chambers/ui/message-composer';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { uploadAttachments } from './upload-attachments';

/** `POST /api/v1/conversations/{id}/messages`. */
export async function postMessage(conversationId: string, body: CreateMessage): Promise<Message> {
  return (
    await api.request<DataEnvelope<Message>>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      body,
    })
  ).data;
}

/**
 * A reply: its files are uploaded to the conversation's matter first (a conversation without a
 * matter takes no attachments), then the message names them; the thread and list reload.
 */
export function usePostMessage(conversationId: string, matterId: string | null) {
  const queryClient = useQueryClient();
  return async ({ body, files }: MessageDraft, onProgress: (fraction: number) => void) => {
    const attachmentIds = matterId ? await uploadAttachments(matterId, files, onProgress) : [];
    await postMessage(conversationId, {
      body,
      ...(attachmentIds.length > 0 ? { attachment_ids: attachmentIds } : {}),
    });
    await queryClient.invalidateQueries({ queryKey: ['conversations'] });
  };
}
