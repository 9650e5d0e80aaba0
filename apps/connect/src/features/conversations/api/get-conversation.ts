import type { DataEnvelope } from '@chambers/api-client/client';
import type { Conversation } from '@chambers/contracts/conversations';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/conversations/{id}`. */
export async function getConversation(id: string, signal?: AbortSignal): Promise<Conversation> {
  return (await api.request<DataEnvelope<Conversation>>('GET', `/api/v1/conversations/${id}`, { signal }))
    .data;
}

export const conversationQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['conversations', id], queryFn: ({ signal }) => getConversation(id, signal) });

export function useConversation(id: string) {
  return useQuery(conversationQueryOptions(id));
}
