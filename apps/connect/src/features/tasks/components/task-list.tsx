import type { Task } from '@chambers/contracts/tasks';
import { PagedList } from '@chambers/ui/paged-list';
import { Stack } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { AddTimeModal } from '../../../components/add-time-modal';
import { type TaskListName, useTasks } from '../api/get-tasks';
import { TaskCard } from './task-card';
import { byCompletion } from './task-order';

export interface TaskListProps {
  list: TaskListName;
  /** Said when there is nothing in the list. */
  empty: string;
  /** The button that moves a task to the other list. */
  action: (task: Task) => ReactNode;
}

/** One list of tasks, paginated, each with its action and "Add time" (linked to the task). */
export function TaskList({ list, empty, action }: TaskListProps) {
  const tasks = useTasks(list);
  const [adding, setAdding] = useState<{ task: Task; matterId: string | null } | null>(null);

  return (
    <>
      <PagedList query={tasks} empty={empty} loadingLabel="Loading tasks">
        {(rows) => (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {/* Open tasks come soonest due first from the API; completed ones are sorted as loaded. */}
            {(list === 'open' ? rows : [...rows].sort(byCompletion)).map((task) => (
              <TaskCard
                key={task.id}
                task={task}
                action={action(task)}
                onAddTime={(t, matterId) => setAdding({ task: t, matterId })}
              />
            ))}
          </Stack>
        )}
      </PagedList>
      <AddTimeModal
        opened={adding !== null}
        onClose={() => setAdding(null)}
        matterId={adding?.matterId ?? null}
        link={adding ? { task_id: adding.task.id } : undefined}
        defaultDescription={adding?.task.name ?? ''}
      />
    </>
  );
}
