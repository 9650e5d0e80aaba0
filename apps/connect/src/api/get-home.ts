import type { DataEnvelope } from '@chambers/api-client/client';
import type { Home } from '@chambers/contracts/home';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';

/** `GET /api/v1/home`: the overview of everything shared with the caller. */
export async function getHome(signal?: AbortSignal): Promise<Home> {
  return (await api.request<DataEnvelope<Home>>('GET', '/api/v1/home', { signal })).data;
}

export const homeQueryOptions = () =>
  queryOptions({ queryKey: ['home'], queryFn: ({ signal }) => getHome(signal), refetchInterval: 60_000 });

export function useHome() {
  return useQuery(homeQueryOptions());
}
