import type { Conversation } from '@chambers/contracts/conversations';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/conversations`: the ones the person takes part in, newest activity first. */
export const conversationsQueryOptions = () =>
  pagedQueryOptions<Conversation>(api, ['conversations', 'list'], '/api/v1/conversations');

export function useConversations() {
  return useInfiniteQuery(conversationsQueryOptions());
}
