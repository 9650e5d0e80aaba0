import type { DataEnvelope } from '@chambers/api-client/client';
import type { Contact } from '@chambers/contracts/contacts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/**
 * `GET /api/v1/contacts/{id}`: co-counsel may read the client (and related contacts) of a matter
 * shared with them, so the matter page shows the client's card.
 */
export async function getContact(id: string, signal?: AbortSignal): Promise<Contact> {
  return (
    await api.request<DataEnvelope<Contact>>('GET', `/api/v1/contacts/${encodeURIComponent(id)}`, { signal })
  ).data;
}

export const contactQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['contacts', 'one', id], queryFn: ({ signal }) => getContact(id, signal) });

export function useContact(id: string) {
  return useQuery(contactQueryOptions(id));
}
