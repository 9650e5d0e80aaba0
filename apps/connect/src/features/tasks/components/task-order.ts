import type { Task } from '@chambers/contracts/tasks';

/** Open tasks, soonest due first; those without a due date last; ties by name. */
export function byDueDate(a: Task, b: Task): number {
  if (a.due_date !== b.due_date) {
    if (a.due_date === null) return 1;
    if (b.due_date === null) return -1;
    return a.due_date < b.due_date ? -1 : 1;
  }
  return a.name.localeCompare(b.name);
}

/** Completed tasks, most recently completed first. */
export function byCompletion(a: Task, b: Task): number {
  return (b.completed_at ?? '').localeCompare(a.completed_at ?? '');
}
