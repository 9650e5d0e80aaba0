import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { isApiError } from '@chambers/api-client/api-error';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { cssVariablesResolver, theme } from './theme';

const MAX_RETRIES = 2;

/**
 * Retrying only helps when the failure may go away by itself: no response, a 5xx, a rate limit.
 * A 4xx answer (bad input, not found, signed out) will come back the same.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

export interface ChambersProviderProps {
  children: ReactNode;
  /** Tests pass their own; the apps let the provider make one for the page's lifetime. */
  queryClient?: QueryClient;
}

/** Theme, server-state cache, toasts and confirmations, shared by Manage and Connect. */
export function ChambersProvider({ children, queryClient }: ChambersProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={client}>
        <Notifications position="top-right" />
        {/* Confirmations before destructive actions (`modals.openConfirmModal`). */}
        <ModalsProvider>{children}</ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
