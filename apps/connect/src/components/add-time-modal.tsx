import type { DataEnvelope, PageEnvelope } from '@chambers/api-client/client';
import type { Activity, CreateActivity } from '@chambers/contracts/activities';
import type { Matter } from '@chambers/contracts/matters';
import { todayIn, useTimeZone } from '@chambers/ui/date-time';
import { formatClock, formatDuration, parseDuration } from '@chambers/ui/duration';
import { errorMessage } from '@chambers/ui/query-state';
import { useSession } from '@chambers/ui/session';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../lib/api-client';

/** `GET /api/v1/matters`: the matters the caller may log time on (for co-counsel, the shared ones). */
export const matterChoicesQueryOptions = () =>
  queryOptions({
    queryKey: ['matters', 'choices'],
    queryFn: async ({ signal }) =>
      (await api.request<PageEnvelope<Matter>>('GET', '/api/v1/matters', { query: { limit: 200 }, signal }))
        .data,
  });

/** How a matter is named in choices and lists. */
export const matterLabel = (matter: Pick<Matter, 'number' | 'description'>) =>
  `${matter.number} · ${matter.description}`;

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

/** "Add time" from a task, a document, a message or Activities: logged as a time entry. */
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
  const save = useMutation({
    mutationFn: createActivity,
    onSuccess: async (activity) => {
      notifications.show({
        color: 'green',
        message: `Logged ${formatDuration(activity.duration_seconds)}.`,
      });
      await queryClient.invalidateQueries({ queryKey: ['activities'] });
      onDone();
    },
  });

  return (
    <TimeEntryForm
      initial={{
        matterId: matterId ?? null,
        date: todayIn(timeZone),
        duration: '',
        description: defaultDescription ?? '',
      }}
      chooseMatter={!matterId}
      pending={save.isPending}
      error={save.error}
      onCancel={onDone}
      onSubmit={(values) =>
        save.mutate({
          matter_id: values.matterId,
          date: values.date,
          duration_seconds: values.seconds,
          description: values.description,
          ...link,
        })
      }
    />
  );
}

export interface TimeEntryValues {
  matterId: string | null;
  date: string;
  /** As typed: `1h 30m`, `1.5` … */
  duration: string;
  description: string;
}

export interface TimeEntryFormProps {
  initial: TimeEntryValues;
  /** Offers the shared matters to choose from (otherwise the entry's matter stays as it is). */
  chooseMatter: boolean;
  pending: boolean;
  /** The last save's failure, shown as the API's detail. */
  error: unknown;
  onSubmit: (values: { matterId: string; date: string; seconds: number; description: string }) => void;
  onCancel: () => void;
}

/** A time entry's fields — matter, date, duration typed or timed, description — for adding or editing. */
export function TimeEntryForm({
  initial,
  chooseMatter,
  pending,
  error,
  onSubmit,
  onCancel,
}: TimeEntryFormProps) {
  const matters = useQuery({ ...matterChoicesQueryOptions(), enabled: chooseMatter });
  const [matter, setMatter] = useState(initial.matterId);
  const [date, setDate] = useState(initial.date);
  const [duration, setDuration] = useState(initial.duration);
  const [description, setDescription] = useState(initial.description);
  const [durationError, setDurationError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const seconds = parseDuration(duration);
    if (seconds === null) {
      setDurationError('Enter a duration such as 1h 30m, 45m or 1.5');
      return;
    }
    if (!matter) return;
    setDurationError(null);
    onSubmit({ matterId: matter, date, seconds, description });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {chooseMatter && (
          <Select
            label="Matter"
            required
            searchable
            data={(matters.data ?? []).map((m) => ({ value: m.id, label: matterLabel(m) }))}
            value={matter}
            onChange={setMatter}
            nothingFoundMessage="No matter shared with you matches"
            disabled={matters.isPending}
            error={matters.isError ? errorMessage(matters.error) : undefined}
            comboboxProps={{ withinPortal: true }}
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
          description="For example 1h 30m, 45m or 1.5 (hours), or use the timer"
          required
          value={duration}
          onChange={(e) => setDuration(e.currentTarget.value)}
          error={durationError}
          data-autofocus
        />
        <Timer
          onStopped={(seconds) => {
            // Timed work is logged in whole minutes, at least one.
            setDuration(formatDuration(Math.max(60, seconds)));
            setDurationError(null);
          }}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        {error != null && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending} disabled={!matter}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Start / Stop. The start is kept in localStorage (per account), so a reload or closing the form
 * does not lose a running timer; stopping hands over the seconds it ran.
 */
function Timer({ onStopped }: { onStopped: (seconds: number) => void }) {
  const session = useSession();
  const key = `chambers.connect.timer.${session?.membership.id ?? 'none'}`;
  const [startedAt, setStartedAt] = useState<number | null>(() => {
    const stored = Number(localStorage.getItem(key));
    return Number.isFinite(stored) && stored > 0 ? stored : null;
  });
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (startedAt === null) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [startedAt]);

  function start() {
    const at = Date.now();
    localStorage.setItem(key, String(at));
    setStartedAt(at);
    setNow(at);
  }

  function stop() {
    if (startedAt === null) return;
    localStorage.removeItem(key);
    setStartedAt(null);
    onStopped((Date.now() - startedAt) / 1000);
  }

  return (
    <Group gap="sm">
      {startedAt === null ? (
        <Button variant="default" leftSection={<IconPlayerPlay aria-hidden size={16} />} onClick={start}>
          Start timer
        </Button>
      ) : (
        <>
          <Button color="red.8" leftSection={<IconPlayerStop aria-hidden size={16} />} onClick={stop}>
            Stop timer
          </Button>
          <Text component="span" ff="monospace" role="timer" aria-label="Time running">
            {formatClock((now - startedAt) / 1000)}
          </Text>
        </>
      )}
    </Group>
  );
}
