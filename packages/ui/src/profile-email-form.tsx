import type { ApiClient } from '@chambers/api-client/client';
import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { requestEmailChange } from './profile-api';
import { errorMessage } from './query-state';

/**
 * The login email changes only once the link mailed to the new address is opened; until then the
 * form says where to look.
 */
export function ProfileEmailForm({ api, currentEmail }: { api: ApiClient; currentEmail: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const request = useMutation({
    mutationFn: (body: { new_email: string; current_password: string }) => requestEmailChange(api, body),
    onSuccess: () => setPassword(''),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate({ new_email: email.trim(), current_password: password });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          You sign in as <strong style={{ overflowWrap: 'anywhere' }}>{currentEmail}</strong>.
        </Text>
        <TextInput
          label="New email"
          type="email"
          required
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PasswordInput
          label="Current password"
          description="To confirm it is you."
          required
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        {request.isError && (
          <Alert color="red" role="alert">
            {errorMessage(request.error)}
          </Alert>
        )}
        {request.isSuccess && (
          <Alert color="blue" role="status" title="Check your new inbox">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              We sent a link to {request.variables.new_email}. Open it to confirm; until then you keep signing
              in as {currentEmail}.
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={request.isPending} disabled={!email.trim() || !password}>
            Change email
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
