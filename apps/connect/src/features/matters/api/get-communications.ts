import type { Communication, CommunicationType } from '@chambers/contracts/communications';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/communications?matter_id=`: a shared matter's phone and email logs, oldest first. */
export const matterCommunicationsQueryOptions = (matterId: string, type?: CommunicationType) =>
  pagedQueryOptions<Communication>(
    api,
    ['communications', 'list', { matterId, type }],
    '/api/v1/communications',
    { matter_id: matterId, type },
  );

export function useMatterCommunications(matterId: string, type?: CommunicationType) {
  return useInfiniteQuery(matterCommunicationsQueryOptions(matterId, type));
}
