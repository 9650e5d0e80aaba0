import type { DataEnvelope } from '@chambers/api-client/client';
import type { Me } from '@chambers/contracts/me';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/**
 * `GET /api/v1/me`, under the `['me']` key the layout's `useMe` uses too, so both read one cache
 * entry (features do not import each other, hence not the auth feature's binding).
 */
export async function getMe(signal?: AbortSignal): Promise<Me> {
  return (await api.request<DataEnvelope<Me>>('GET', '/api/v1/me', { signal })).data;
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: ['me'], queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}
