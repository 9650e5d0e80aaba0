import type { PageEnvelope } from '@chambers/api-client/client';
import type { Folder } from '@chambers/contracts/folders';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/**
 * `GET /api/v1/folders`, every page: the tree needs all of them at once to find each folder's
 * parent (co-counsel sees the shared folders and what is below them, rarely more than a few hundred).
 */
export async function getAllFolders(signal?: AbortSignal): Promise<Folder[]> {
  const folders: Folder[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.request<PageEnvelope<Folder>>('GET', '/api/v1/folders', {
      query: { limit: 200, cursor },
      signal,
    });
    folders.push(...page.data);
    cursor = page.meta.next_cursor ?? undefined;
  } while (cursor);
  return folders;
}

export const foldersQueryOptions = () =>
  queryOptions({ queryKey: ['folders', 'all'], queryFn: ({ signal }) => getAllFolders(signal) });

export const useFolders = () => useQuery(foldersQueryOptions());
