import type { Portal } from '@chambers/contracts/portals';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/portals`: the portals the caller takes part in, most recent message first. */
export const portalsQueryOptions = () =>
  pagedQueryOptions<Portal>(api, ['portals', 'list'], '/api/v1/portals');

export function usePortals() {
  return useInfiniteQuery({ ...portalsQueryOptions(), refetchInterval: 60_000 });
}
