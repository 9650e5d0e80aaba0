import type { DataEnvelope } from '@chambers/api-client/client';
import type { Portal } from '@chambers/contracts/portals';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/portals/{id}`. */
export async function getPortal(id: string, signal?: AbortSignal): Promise<Portal> {
  return (await api.request<DataEnvelope<Portal>>('GET', `/api/v1/portals/${id}`, { signal })).data;
}

export const portalQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['portals', id], queryFn: ({ signal }) => getPortal(id, signal) });

export function usePortal(id: string) {
  return useQuery(portalQueryOptions(id));
}
