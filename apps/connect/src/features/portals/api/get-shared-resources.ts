import type { PortalSharedResource } from '@chambers/contracts/portals';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/portals/{id}/shared_resources`: the folders and documents shared into it. */
export const sharedResourcesQueryOptions = (portalId: string) =>
  pagedQueryOptions<PortalSharedResource>(
    api,
    ['portals', portalId, 'shared-resources'],
    `/api/v1/portals/${portalId}/shared_resources`,
  );

export function useSharedResources(portalId: string) {
  return useInfiniteQuery(sharedResourcesQueryOptions(portalId));
}
