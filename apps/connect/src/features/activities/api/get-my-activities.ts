import type { Activity, ActivityQuery } from '@chambers/contracts/activities';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/activities?author_id=…&order=date_desc`: the person's own entries, newest date first. */
export const myActivitiesQueryOptions = (authorId: string) =>
  pagedQueryOptions<Activity>(api, ['activities', 'mine', authorId], '/api/v1/activities', {
    author_id: authorId,
    order: 'date_desc',
  } satisfies ActivityQuery);

export function useMyActivities(authorId: string) {
  return useInfiniteQuery(myActivitiesQueryOptions(authorId));
}
