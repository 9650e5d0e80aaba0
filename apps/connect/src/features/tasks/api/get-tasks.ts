import type { Task } from '@chambers/contracts/tasks';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The two lists: open tasks (any status but completed), and completed ones. */
export type TaskListName = 'open' | 'completed';

/**
 * The API lists tasks oldest first, so the screen sorts what it has loaded; open tasks come 200 to
 * a page so that "soonest due first" holds across everything a person normally has open.
 */
const pageSize: Record<TaskListName, number> = { open: 200, completed: 25 };

/** `GET /api/v1/tasks?status=…`: the caller's tasks (for co-counsel, those assigned to them). */
export const tasksQueryOptions = (list: TaskListName) =>
  pagedQueryOptions<Task>(api, ['tasks', list], '/api/v1/tasks', { status: list }, pageSize[list]);

export function useTasks(list: TaskListName) {
  return useInfiniteQuery(tasksQueryOptions(list));
}
