import type { Message } from '@chambers/contracts/conversations';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** How many messages a page holds: most threads load in one. */
const MESSAGES_PER_PAGE = 100;

/** `GET /api/v1/conversations/{id}/messages`, oldest first. */
export const messagesQueryOptions = (conversationId: string) =>
  pagedQueryOptions<Message>(
    api,
    ['conversations', conversationId, 'messages'],
    `/api/v1/conversations/${conversationId}/messages`,
    {},
    MESSAGES_PER_PAGE,
  );

export function useMessages(conversationId: string) {
  return useInfiniteQuery(messagesQueryOptions(conversationId));
}
