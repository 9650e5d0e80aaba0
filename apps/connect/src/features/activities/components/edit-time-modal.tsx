import type { Activity } from '@chambers/contracts/activities';
import { formatDuration } from '@chambers/ui/duration';
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { TimeEntryForm } from '../../../components/add-time-modal';
import { useUpdateActivity } from '../api/update-activity';

/** Changes an unbilled entry: any of its matter, date, duration and description. */
export function EditTimeModal({ entry, onClose }: { entry: Activity | null; onClose: () => void }) {
  return (
    <Modal opened={entry !== null} onClose={onClose} title="Edit time" centered>
      {entry && <EditTimeForm entry={entry} onDone={onClose} />}
    </Modal>
  );
}

function EditTimeForm({ entry, onDone }: { entry: Activity; onDone: () => void }) {
  const update = useUpdateActivity(entry.id);
  return (
    <TimeEntryForm
      initial={{
        matterId: entry.matter_id,
        date: entry.date,
        duration: formatDuration(entry.duration_seconds),
        description: entry.description,
      }}
      chooseMatter
      pending={update.isPending}
      error={update.error}
      onCancel={onDone}
      onSubmit={(values) => {
        // Only what changed: an unchanged duration keeps its exact seconds.
        const seconds =
          formatDuration(values.seconds) === formatDuration(entry.duration_seconds)
            ? entry.duration_seconds
            : values.seconds;
        update.mutate(
          {
            matter_id: values.matterId,
            date: values.date,
            duration_seconds: seconds,
            description: values.description,
          },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: 'Time entry saved.',
              });
              onDone();
            },
          },
        );
      }}
    />
  );
}
