import type { ApiClient } from '@chambers/api-client/client';
import type { Me } from '@chambers/contracts/me';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { formatDateTime } from './date-time';
import { updateMe } from './profile-api';
import { errorMessage } from './query-state';

/** Every zone the browser knows, plus the person's own should the browser not list it. */
function timeZoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Name and time zone; saving refreshes `['me']`, so every time on screen moves to the new zone. */
export function ProfileDetailsForm({ api, me }: { api: ApiClient; me: Me }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const [timeZone, setTimeZone] = useState<string | null>(me.time_zone);
  const zones = useMemo(() => timeZoneChoices(me.time_zone), [me.time_zone]);
  const save = useMutation({
    mutationFn: () => updateMe(api, { name: name.trim(), time_zone: timeZone ?? me.time_zone }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['me'], updated);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      notifications.show({
        color: 'green',
        message: 'Profile saved.',
      });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          autoComplete="name"
        />
        <Select
          label="Time zone"
          description="Every date and time is shown in this zone."
          required
          searchable
          data={zones}
          value={timeZone}
          onChange={setTimeZone}
          nothingFoundMessage="No time zone matches"
          limit={50}
        />
        <Text size="sm" c="dimmed">
          Your time now: <SavedZoneNow timeZone={me.time_zone} />
        </Text>
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={name.trim() === '' || !timeZone}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The current time in the saved zone, so a change of zone shows at once. */
function SavedZoneNow({ timeZone }: { timeZone: string }) {
  const now = new Date().toISOString();
  return <time dateTime={now}>{formatDateTime(now, timeZone)}</time>;
}
