import type { Task } from '@chambers/contracts/tasks';
import { errorMessage } from '@chambers/ui/query-state';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCompleteTask } from '../api/complete-task';
import { useReopenTask } from '../api/reopen-task';

/** Mantine's toast close button has no name of its own. */
const closeButtonProps = { 'aria-label': 'Dismiss' };

/** "Mark as complete": done at once, with "Undo" in the toast that confirms it. */
export function CompleteButton({ task }: { task: Task }) {
  const complete = useCompleteTask();
  return (
    <Button
      loading={complete.isPending}
      onClick={() =>
        complete.mutate(task.id, {
          onSuccess: () => {
            const id = `task-completed-${task.id}`;
            notifications.show({
              id,
              color: 'green',
              autoClose: 8000,
              closeButtonProps,
              message: (
                <Group gap="sm" justify="space-between" wrap="nowrap">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    “{task.name}” is complete.
                  </Text>
                  <UndoButton task={task} notificationId={id} />
                </Group>
              ),
            });
          },
          onError: (error) =>
            notifications.show({ color: 'red', message: errorMessage(error), closeButtonProps }),
        })
      }
    >
      Mark as complete
    </Button>
  );
}

/** Reopens a task: on the Completed tab, and as the toast's undo. */
export function ReopenButton({ task }: { task: Task }) {
  const reopen = useReopenTask();
  return (
    <Button
      variant="default"
      loading={reopen.isPending}
      onClick={() =>
        reopen.mutate(task.id, {
          onSuccess: () => notifications.show({ message: `“${task.name}” is open again.`, closeButtonProps }),
          onError: (error) =>
            notifications.show({ color: 'red', message: errorMessage(error), closeButtonProps }),
        })
      }
    >
      Reopen
    </Button>
  );
}

function UndoButton({ task, notificationId }: { task: Task; notificationId: string }) {
  const reopen = useReopenTask();
  return (
    <Button
      size="compact-sm"
      variant="default"
      loading={reopen.isPending}
      onClick={() =>
        reopen.mutate(task.id, {
          onSuccess: () => {
            notifications.hide(notificationId);
            notifications.show({ message: `“${task.name}” is open again.`, closeButtonProps });
          },
          onError: (error) =>
            notifications.show({ color: 'red', message: errorMessage(error), closeButtonProps }),
        })
      }
    >
      Undo
    </Button>
  );
}
