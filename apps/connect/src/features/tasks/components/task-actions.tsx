import type { Task } from '@chambers/contracts/tasks';
import { errorMessage } from '@chambers/ui/query-state';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCompleteTask } from '../api/complete-task';
import { useReopenTask } from '../api/reopen-task';

const showError = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });

const showReopened = (task: Task) => notifications.show({ message: `“${task.name}” is open again.` });

// The toasts follow `mutateAsync`, not `mutate`'s callbacks: the button's card leaves the list
// (and unmounts) as the lists refresh, and `mutate` would then drop its callbacks unheard.

/** "Mark as complete": done at once, with "Undo" in the toast that confirms it. */
export function CompleteButton({ task }: { task: Task }) {
  const complete = useCompleteTask();
  return (
    <Button
      loading={complete.isPending}
      onClick={() => complete.mutateAsync(task.id).then(() => showCompleted(task), showError)}
    >
      Mark as complete
    </Button>
  );
}

/** "Reopen", on the Completed tab. */
export function ReopenButton({ task }: { task: Task }) {
  const reopen = useReopenTask();
  return (
    <Button
      variant="default"
      loading={reopen.isPending}
      onClick={() => reopen.mutateAsync(task.id).then(() => showReopened(task), showError)}
    >
      Reopen
    </Button>
  );
}

function showCompleted(task: Task) {
  const id = `task-completed-${task.id}`;
  notifications.show({
    id,
    color: 'green',
    autoClose: 8000,
    message: (
      <Group gap="sm" justify="space-between" wrap="nowrap">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          “{task.name}” is complete.
        </Text>
        <UndoButton task={task} notificationId={id} />
      </Group>
    ),
  });
}

function UndoButton({ task, notificationId }: { task: Task; notificationId: string }) {
  const reopen = useReopenTask();
  return (
    <Button
      size="compact-sm"
      variant="default"
      loading={reopen.isPending}
      onClick={() =>
        reopen.mutateAsync(task.id).then(() => {
          notifications.hide(notificationId);
          showReopened(task);
        }, showError)
      }
    >
      Undo
    </Button>
  );
}
