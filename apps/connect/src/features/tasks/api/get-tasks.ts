import type { Task, TaskQuery } from '@chambers/contracts/tasks';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The two lists: open tasks (any status but completed), and completed ones. */
export type TaskListName = 'open' | 'completed';

/** Open tasks soonest due first (undated last), as the API pages them; completed ones as made. */
const queries: Record<TaskListName, TaskQuery> = {
  open: { status: 'open', order: 'due_date' },
  completed: { status: 'completed' },
};

/** `GET /api/v1/tasks?status=…`: the caller's tasks (for co-counsel, those assigned to them). */
export const tasksQueryOptions = (list: TaskListName) =>
  pagedQueryOptions<Task>(api, ['tasks', list], '/api/v1/tasks', queries[list]);

export function useTasks(list: TaskListName) {
  return useInfiniteQuery(tasksQueryOptions(list));
}
