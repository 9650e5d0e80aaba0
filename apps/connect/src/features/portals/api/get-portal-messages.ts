import type { Message } from '@chambers/contracts/conversations';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const MESSAGES_PER_PAGE = 100;

/** `GET /api/v1/portals/{id}/messages`, oldest first. */
export const portalMessagesQueryOptions = (portalId: string) =>
  pagedQueryOptions<Message>(
    api,
    ['portals', portalId, 'messages'],
    `/api/v1/portals/${portalId}/messages`,
    {},
    MESSAGES_PER_PAGE,
  );

export function usePortalMessages(portalId: string) {
  return useInfiniteQuery(portalMessagesQueryOptions(portalId));
}
