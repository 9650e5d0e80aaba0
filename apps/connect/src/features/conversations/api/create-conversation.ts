import type { DataEnvelope } from '@chambers/api-client/client';
import type { Conversation, CreateConversation } from '@chambers/contracts/conversations';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { uploadAttachments } from './upload-attachments';

/** `POST /api/v1/conversations`. */
export async function createConversation(body: CreateConversation): Promise<Conversation> {
  return (await api.request<DataEnvelope<Conversation>>('POST', '/api/v1/conversations', { body })).data;
}

export interface NewConversation {
  subject: string;
  matterId: string;
  body: string;
  files: File[];
  onProgress: (fraction: number) => void;
}

/** Uploads the attachments to the matter, then starts the conversation with them. */
export function useCreateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ subject, matterId, body, files, onProgress }: NewConversation) => {
      const attachmentIds = await uploadAttachments(matterId, files, onProgress);
      return createConversation({
        subject,
        matter_id: matterId,
        body,
        ...(attachmentIds.length > 0 ? { attachment_ids: attachmentIds } : {}),
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['conversations', 'list'] }),
  });
}
