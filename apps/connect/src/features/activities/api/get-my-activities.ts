import type { PageEnvelope } from '@chambers/api-client/client';
import type { Activity } from '@chambers/contracts/activities';
import { PAGE_SIZE } from '@chambers/ui/paged-list';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dayBefore, newestFirst, windowBefore } from '../utils/date-windows';

/** Every entry of one date window (a person's month of time is a few pages at most). */
async function entriesBetween(
  authorId: string,
  from: string,
  to: string | undefined,
  signal: AbortSignal,
): Promise<Activity[]> {
  const rows: Activity[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.request<PageEnvelope<Activity>>('GET', '/api/v1/activities', {
      query: { author_id: authorId, from, to, limit: 200, cursor },
      signal,
    });
    rows.push(...page.data);
    cursor = page.meta.next_cursor ?? undefined;
  } while (cursor);
  return rows;
}

/** Whether the person logged anything dated before `date`. */
async function anyBefore(authorId: string, date: string, signal: AbortSignal): Promise<boolean> {
  const page = await api.request<PageEnvelope<Activity>>('GET', '/api/v1/activities', {
    query: { author_id: authorId, to: date, limit: 1 },
    signal,
  });
  return page.data.length > 0;
}

/**
 * `GET /api/v1/activities?author_id=…`, newest first. The API pages oldest first, so a page here is
 * a run of whole months read backwards from `before` (exclusive) until it holds a page's worth; its
 * `next_cursor` is the date the next page ends before, or null when nothing older exists.
 */
export async function getMyActivities(
  authorId: string,
  today: string,
  before: string | null,
  signal: AbortSignal,
): Promise<PageEnvelope<Activity>> {
  const rows: Activity[] = [];
  let end = before;
  for (;;) {
    const { from, to } = windowBefore(end, today);
    rows.push(...(await entriesBetween(authorId, from, to, signal)));
    end = from;
    const older = await anyBefore(authorId, dayBefore(from), signal);
    if (!older) return { data: rows.sort(newestFirst), meta: { next_cursor: null } };
    if (rows.length >= PAGE_SIZE) return { data: rows.sort(newestFirst), meta: { next_cursor: end } };
  }
}

export const myActivitiesQueryOptions = (authorId: string, today: string) =>
  infiniteQueryOptions({
    queryKey: ['activities', 'mine', authorId, today],
    queryFn: ({ pageParam, signal }) => getMyActivities(authorId, today, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.meta.next_cursor,
  });

export function useMyActivities(authorId: string, today: string) {
  return useInfiniteQuery(myActivitiesQueryOptions(authorId, today));
}
