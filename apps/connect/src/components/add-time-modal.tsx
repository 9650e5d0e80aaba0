import type { DataEnvelope, PageEnvelope } from '@chambers/api-client/client';
import type { Activity, CreateActivity } from '@chambers/contracts/activities';
import type { Matter } from '@chambers/contracts/matters';
import { todayIn, useTimeZone } from '@chambers/ui/date-time';
import { formatDuration, parseDuration } from '@chambers/ui/duration';
import { errorMessage } from '@chambers/ui/query-state';
import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../lib/api-client';

/** `GET /api/v1/matters`: the matters the caller may log time on (for co-counsel, the shared ones). */
export const matterChoicesQueryOptions = () =>
  queryOptions({
    queryKey: ['matters', 'choices'],
    queryFn: async ({ signal }) =>
      (await api.request<PageEnvelope<Matter>>('GET', '/api/v1/matters', { query: { limit: 200 }, signal }))
        .data,
  });

/** `POST /api/v1/activities`. */
export async function createActivity(body: CreateActivity): Promise<Activity> {
  return (await api.request<DataEnvelope<Activity>>('POST', '/api/v1/activities', { body })).data;
}

export interface AddTimeModalProps {
  opened: boolean;
  onClose: () => void;
  /** The matter the time is for; `null` or absent lets the person choose one. */
  matterId?: string | null;
  /** What the time was spent on. */
  link?: Pick<CreateActivity, 'task_id' | 'document_id' | 'calendar_entry_id'>;
  /** The description it starts with, e.g. "Reviewed Complaint.pdf". */
  defaultDescription?: string;
}

/** "Add time" from a task, a document or a message: duration and description, logged as a time entry. */
export function AddTimeModal({
  opened,
  onClose,
  matterId,
  link,
  defaultDescription = '',
}: AddTimeModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add time" centered>
      {opened && (
        <AddTimeForm
          matterId={matterId}
          link={link}
          defaultDescription={defaultDescription}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

function AddTimeForm({
  matterId,
  link,
  defaultDescription,
  onDone,
}: Omit<AddTimeModalProps, 'opened' | 'onClose'> & { onDone: () => void }) {
  const timeZone = useTimeZone();
  const queryClient = useQueryClient();
  const matters = useQuery({ ...matterChoicesQueryOptions(), enabled: !matterId });
  const [matter, setMatter] = useState<string | null>(matterId ?? null);
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [duration, setDuration] = useState('');
  const [description, setDescription] = useState(defaultDescription ?? '');
  const [durationError, setDurationError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: createActivity,
    onSuccess: async (activity) => {
      notifications.show({ color: 'green', message: `Logged ${formatDuration(activity.duration_seconds)}.` });
      await queryClient.invalidateQueries({ queryKey: ['activities'] });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const seconds = parseDuration(duration);
    if (seconds === null) {
      setDurationError('Enter a duration such as 1h 30m, 45m or 1.5');
      return;
    }
    if (!matter) return;
    setDurationError(null);
    save.mutate({ matter_id: matter, date, duration_seconds: seconds, description, ...link });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!matterId && (
          <Select
            label="Matter"
            required
            searchable
            data={(matters.data ?? []).map((m) => ({ value: m.id, label: `${m.number} · ${m.description}` }))}
            value={matter}
            onChange={setMatter}
            nothingFoundMessage="No matter shared with you matches"
            disabled={matters.isPending}
          />
        )}
        <TextInput
          label="Date"
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <TextInput
          label="Duration"
          description="For example 1h 30m, 45m or 1.5 (hours)"
          required
          value={duration}
          onChange={(e) => setDuration(e.currentTarget.value)}
          error={durationError}
          data-autofocus
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!matter}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
