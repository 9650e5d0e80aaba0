import type { Task } from '@chambers/contracts/tasks';

/** Completed tasks, most recently completed first. */
export function byCompletion(a: Task, b: Task): number {
  return (b.completed_at ?? '').localeCompare(a.completed_at ?? '');
}
