import type { ApiClient, PageEnvelope, QueryValue } from '@chambers/api-client/client';
import { Button, Center, Stack } from '@mantine/core';
import type { InfiniteData } from '@tanstack/react-query';
import { infiniteQueryOptions, type QueryKey, type UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, LoadError, Loading } from './query-state';

/** How many rows a list page asks for. */
export const PAGE_SIZE = 25;

/**
 * `queryOptions` for a cursor-paginated list route (`{ data, meta: { next_cursor } }`): each
 * page is fetched with the previous page's cursor; `useInfiniteQuery` keeps them in order.
 */
export function pagedQueryOptions<T>(
  api: ApiClient,
  queryKey: QueryKey,
  path: string,
  query: Record<string, QueryValue> = {},
  limit: number = PAGE_SIZE,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      api.request<PageEnvelope<T>>('GET', path, { query: { ...query, limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.next_cursor ?? undefined,
  });
}

/** Every row of the pages loaded so far. */
export function rowsOf<T>(data: InfiniteData<PageEnvelope<T>> | undefined): T[] {
  return data?.pages.flatMap((page) => page.data) ?? [];
}

export interface PagedListProps<T> {
  query: UseInfiniteQueryResult<InfiniteData<PageEnvelope<T>>>;
  /** Said when the list is empty. */
  empty: ReactNode;
  /** Lays the loaded rows out (a table, a list of cards). */
  children: (rows: T[]) => ReactNode;
  /** Names what is loading, e.g. "Loading documents". */
  loadingLabel?: string;
}

/** A paginated list's states in one place: loading, failed, empty, the rows, and "Show more". */
export function PagedList<T>({ query, empty, children, loadingLabel }: PagedListProps<T>) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  const rows = rowsOf(query.data);
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <Stack gap="sm">
      {children(rows)}
      {query.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            Show more
          </Button>
        </Center>
      )}
    </Stack>
  );
}
