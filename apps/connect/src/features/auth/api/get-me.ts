import type { DataEnvelope } from '@chambers/api-client/client';
import type { Me } from '@chambers/contracts/me';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/me`: the signed-in person and the account this session acts as. */
export async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me> {
  const envelope = await api.request<DataEnvelope<Me>>('GET', '/api/v1/me', { signal });
  return envelope.data;
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: ['me'], queryFn: ({ signal }) => getMe({ signal }), staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}
