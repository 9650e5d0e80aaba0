import type { ApiClient } from '@chambers/api-client/client';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { changePassword } from './profile-api';
import { errorMessage } from './query-state';

/** Current password, then the new one twice; the API judges its strength and ends other sessions. */
export function ProfilePasswordForm({ api }: { api: ApiClient }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const save = useMutation({
    mutationFn: () => changePassword(api, { current_password: current, new_password: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
      notifications.show({
        color: 'green',
        message: 'Password changed. Your other sessions were signed out.',
      });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const differs = next !== confirm;
    setMismatch(differs);
    if (!differs) save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordInput
          label="Current password"
          required
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
        />
        <PasswordInput
          label="New password"
          required
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
        />
        <PasswordInput
          label="Confirm new password"
          required
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={mismatch ? 'The new passwords do not match' : undefined}
        />
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!current || !next || !confirm}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
