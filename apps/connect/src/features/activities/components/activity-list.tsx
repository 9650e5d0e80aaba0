import type { Activity } from '@chambers/contracts/activities';
import { PlainDate } from '@chambers/ui/date-time';
import { formatDuration } from '@chambers/ui/duration';
import { errorMessage } from '@chambers/ui/query-state';
import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { matterChoicesQueryOptions, matterLabel } from '../../../components/add-time-modal';
import { useDeleteActivity } from '../api/delete-activity';

const billingBadge = {
  // Outlined in dark shades: the light variant's text colours fail contrast on their tint.
  unbilled: { label: 'Not billed', color: 'gray.8' },
  draft: { label: 'On a draft bill', color: 'yellow.9' },
  billed: { label: 'Billed', color: 'green.9' },
} as const;

/** The person's entries as cards (they fit a phone); only an entry on no bill may change. */
export function ActivityList({ rows, onEdit }: { rows: Activity[]; onEdit: (entry: Activity) => void }) {
  const matters = useQuery(matterChoicesQueryOptions());
  const names = new Map((matters.data ?? []).map((m) => [m.id, matterLabel(m)]));
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Your time entries">
      {rows.map((entry) => (
        <li key={entry.id}>
          <ActivityCard
            entry={entry}
            // Never a name the API did not give: a matter no longer shared stays unnamed.
            matterName={names.get(entry.matter_id) ?? (matters.isPending ? '…' : 'A matter no longer shared')}
            onEdit={() => onEdit(entry)}
          />
        </li>
      ))}
    </Stack>
  );
}

function ActivityCard({
  entry,
  matterName,
  onEdit,
}: {
  entry: Activity;
  matterName: string;
  onEdit: () => void;
}) {
  const remove = useDeleteActivity();
  const badge = billingBadge[entry.billing_state];
  const editable = entry.billing_state === 'unbilled';
  const summary = `${formatDuration(entry.duration_seconds)} on ${entry.date}`;

  function confirmDelete() {
    modals.openConfirmModal({
      title: 'Delete this time entry?',
      children: <Text size="sm">{summary} will be deleted. This cannot be undone.</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(entry.id, {
          onSuccess: () =>
            notifications.show({
              color: 'green',
              message: 'Time entry deleted.',
            }),
          onError: (error) =>
            notifications.show({
              color: 'red',
              message: errorMessage(error),
            }),
        }),
    });
  }

  return (
    <Paper withBorder p="sm" radius="md" aria-label={`Time entry: ${summary}`} component="article">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={700}>{formatDuration(entry.duration_seconds)}</Text>
            <Text c="dimmed" size="sm">
              <PlainDate value={entry.date} />
            </Text>
            <Badge color={badge.color} variant="outline">
              {badge.label}
            </Badge>
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {matterName}
          </Text>
          {entry.description && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {entry.description}
            </Text>
          )}
        </Stack>
        {editable && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label="Edit">
              <ActionIcon variant="subtle" size="lg" aria-label={`Edit ${summary}`} onClick={onEdit}>
                <IconPencil aria-hidden size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Delete">
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Delete ${summary}`}
                onClick={confirmDelete}
                loading={remove.isPending}
              >
                <IconTrash aria-hidden size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
