import type { DataEnvelope } from '@chambers/api-client/client';
import type { Matter } from '@chambers/contracts/matters';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/matters/{id}`: answers 404 when the matter is not shared with the caller. */
export async function getMatter(id: string, signal?: AbortSignal): Promise<Matter> {
  return (
    await api.request<DataEnvelope<Matter>>('GET', `/api/v1/matters/${encodeURIComponent(id)}`, { signal })
  ).data;
}

export const matterQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['matters', id, 'summary'],
    queryFn: ({ signal }) => getMatter(id, signal),
    staleTime: 60_000,
  });

/** The event's matter, when there is one and the caller may see it. */
export function useMatter(id: string | null) {
  return useQuery({ ...matterQueryOptions(id ?? ''), enabled: id !== null });
}
