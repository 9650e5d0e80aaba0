import type { Task } from '@chambers/contracts/tasks';
import { DateTime, PlainDate, todayIn, useTimeZone } from '@chambers/ui/date-time';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { useMatter } from '../../../api/get-matter';
import { pathTo } from '../../../lib/paths';

export interface TaskCardProps {
  task: Task;
  /** "Add time" on this task; `matterId` is its matter when the person may see it, else `null`. */
  onAddTime: (task: Task, matterId: string | null) => void;
  /** The task's own action: "Mark as complete" on an open task, "Reopen" on a completed one. */
  action: ReactNode;
}

// Only high priority stands out; light red and gray both pass contrast on white.
const priorityColors = { high: 'red', normal: 'gray', low: 'gray' } as const;

/** One task as a list item named by the task, so its buttons are found by the task they act on. */
export function TaskCard({ task, onAddTime, action }: TaskCardProps) {
  const nameId = useId();
  const matter = useMatter(task.matter_id);
  const visibleMatter = matter.data ?? null;

  return (
    <Card component="li" withBorder padding="md" aria-labelledby={nameId}>
      <Stack gap="xs">
        <Title id={nameId} order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {task.name}
        </Title>
        <Group gap="xs">
          <TaskDue task={task} />
          <Badge color={priorityColors[task.priority]} variant="light">
            {task.priority} priority
          </Badge>
          {task.status === 'in_progress' && <Badge variant="outline">In progress</Badge>}
        </Group>
        {visibleMatter && (
          <Text size="sm">
            Matter:{' '}
            <Anchor
              component={Link}
              to={pathTo.matter(visibleMatter.id)}
              style={{ overflowWrap: 'anywhere' }}
            >
              {visibleMatter.number} · {visibleMatter.description}
            </Anchor>
          </Text>
        )}
        {task.description && (
          <Text
            size="sm"
            c="dimmed"
            lineClamp={3}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {task.description}
          </Text>
        )}
        {task.completed_at && (
          <Text size="sm">
            Completed <DateTime value={task.completed_at} />
            {task.completed_by && ` by ${task.completed_by.name}`}
          </Text>
        )}
        <Group gap="xs">
          {action}
          <Button
            variant="default"
            // Until the matter is known, the modal could not tell whether to ask for one.
            disabled={task.matter_id !== null && matter.isPending}
            onClick={() => onAddTime(task, visibleMatter?.id ?? null)}
          >
            Add time
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The due date, flagged when an open task is overdue or due today (in the person's zone). */
function TaskDue({ task }: { task: Task }) {
  const today = todayIn(useTimeZone());
  if (!task.due_date) return <Text size="sm">No due date</Text>;
  const open = task.status !== 'completed';
  return (
    <Group gap={6}>
      <Text size="sm">
        Due <PlainDate value={task.due_date} />
      </Text>
      {open && task.due_date < today && (
        <Badge color="red" variant="light">
          Overdue
        </Badge>
      )}
      {open && task.due_date === today && (
        <Badge color="dark" variant="outline">
          Due today
        </Badge>
      )}
    </Group>
  );
}
