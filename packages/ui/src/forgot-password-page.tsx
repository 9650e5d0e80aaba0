import { isApiError } from '@chambers/api-client/api-error';
import type { ApiClient } from '@chambers/api-client/client';
import type { PasswordResetRequest } from '@chambers/contracts/password-reset';
import { Alert, Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { problemText } from './invitation-page';
import { formatPageTitle } from './page-title';

/** `POST /api/v1/auth/password_reset` (public): 202 whether or not the address signs in. */
export function requestPasswordReset(api: ApiClient, body: PasswordResetRequest): Promise<void> {
  return api.request<void>('POST', '/api/v1/auth/password_reset', { body, authenticated: false });
}

export const requestPasswordResetMutationOptions = (api: ApiClient, app: PasswordResetRequest['app']) =>
  mutationOptions({
    mutationKey: ['password-reset', 'request'],
    mutationFn: (email: string) => requestPasswordReset(api, { email, app }),
  });

/** What the page needs of the request mutation. */
export interface RequestPasswordResetMutation {
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
  mutate: (email: string) => void;
}

export interface ForgotPasswordPageProps {
  /** "Chambers" or "Chambers Connect", for the tab's title. */
  product: string;
  request: RequestPasswordResetMutation;
  signInPath: string;
}

const PAGE_TITLE = 'Forgot your password?';

/** Asks for a reset link. The answer never says whether the address has an account. */
export function ForgotPasswordPage({ product, request, signInPath }: ForgotPasswordPageProps) {
  useDocumentTitle(formatPageTitle('Forgot password', product));
  const [email, setEmail] = useState('');
  const headingId = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const pending = request.isPending;
  const emailError = isApiError(request.error)
    ? request.error.errors.find((error) => error.path.endsWith('email'))?.message
    : undefined;

  // The field is disabled while the request runs, which drops focus: put it back after a failure.
  useEffect(() => {
    if (request.error && !pending) emailRef.current?.focus();
  }, [request.error, pending]);

  if (request.isSuccess) {
    return (
      <Center component="main" mih="100dvh" p="md">
        <Stack align="center" gap="sm" maw={460} role="status">
          <Title order={1} size="h2" ta="center">
            Check your inbox
          </Title>
          <Text ta="center" style={{ overflowWrap: 'anywhere' }}>
            If an account exists for {email}, we sent it a link to choose a new password. The link works once,
            for one hour.
          </Text>
          <Anchor component={Link} to={signInPath}>
            Back to sign-in
          </Anchor>
        </Stack>
      </Center>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) request.mutate(email.trim());
  };

  return (
    <Center component="main" mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={submit} aria-labelledby={headingId}>
          <Stack gap="md">
            <Title order={1} size="h2" id={headingId}>
              {PAGE_TITLE}
            </Title>
            <Text>Enter the email you sign in with. We will mail you a link to choose a new password.</Text>
            {request.error ? (
              <Alert
                color="red"
                variant="light"
                title={isApiError(request.error) ? request.error.title : 'Something went wrong'}
              >
                {problemText(request.error)}
              </Alert>
            ) : null}
            <TextInput
              ref={emailRef}
              label="Email"
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              autoCapitalize="none"
              required
              withAsterisk={false}
              maxLength={254}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={emailError}
              disabled={pending}
            />
            <Button type="submit" fullWidth loading={pending} disabled={pending}>
              Send reset link
            </Button>
            <Anchor component={Link} to={signInPath} size="sm" ta="center">
              Back to sign-in
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

export interface ForgotPasswordRouteProps {
  api: ApiClient;
  product: string;
  /** Which SPA the mailed link opens: the one the person asked from. */
  app: 'manage' | 'connect';
  signInPath: string;
}

/** The forgot-password page of either SPA, wired to the API. */
export function ForgotPasswordRoute({ api, product, app, signInPath }: ForgotPasswordRouteProps) {
  const request = useMutation(requestPasswordResetMutationOptions(api, app));
  return <ForgotPasswordPage product={product} request={request} signInPath={signInPath} />;
}
