import type { DataEnvelope } from '@chambers/api-client/client';
import type { Matter } from '@chambers/contracts/matters';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';

/** `GET /api/v1/matters/{id}`: one matter; 404 when it does not exist or is not shared with the caller. */
export async function getMatter(id: string, signal?: AbortSignal): Promise<Matter> {
  return (
    await api.request<DataEnvelope<Matter>>('GET', `/api/v1/matters/${encodeURIComponent(id)}`, { signal })
  ).data;
}

export const matterQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['matters', 'one', id], queryFn: ({ signal }) => getMatter(id, signal) });

/**
 * A matter by id, e.g. the matter of a task or an event; `null` asks for nothing. A 404 means the
 * caller may not see it, and the screen then names no matter.
 */
export function useMatter(id: string | null) {
  return useQuery({ ...matterQueryOptions(id ?? ''), enabled: id !== null });
}
