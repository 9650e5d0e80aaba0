import type { Matter, MatterStatus } from '@chambers/contracts/matters';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** What the Matters list is narrowed by: the API's `q` (number, description or client) and `status`. */
export interface MatterFilter {
  q?: string;
  status?: MatterStatus;
}

/** `GET /api/v1/matters`: the matters shared with the caller, page by page. */
export const mattersQueryOptions = (filter: MatterFilter) =>
  pagedQueryOptions<Matter>(api, ['matters', 'list', filter], '/api/v1/matters', {
    q: filter.q,
    status: filter.status,
  });

export function useMatters(filter: MatterFilter) {
  // While a new search loads, the previous results stay on screen instead of a spinner.
  return useInfiniteQuery({ ...mattersQueryOptions(filter), placeholderData: keepPreviousData });
}
