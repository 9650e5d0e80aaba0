import { isApiError } from '@chambers/api-client/api-error';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a person should read about a failed call: the server's own detail, never a stack trace. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.detail ?? error.title;
  return 'Something went wrong. Please try again.';
}

/** A section still loading: a spinner with a name screen readers announce. */
export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="lg" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text ml="sm" size="sm" c="dimmed">
        {label}…
      </Text>
    </Center>
  );
}

/** A failed load, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" title="Could not load this" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Nothing to show yet, said plainly. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" py="md" ta="center">
      {children}
    </Text>
  );
}
