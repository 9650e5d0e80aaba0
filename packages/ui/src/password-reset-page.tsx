import { isApiError } from '@chambers/api-client/api-error';
import type { ApiClient } from '@chambers/api-client/client';
import type { PasswordResetConfirmation } from '@chambers/contracts/password-reset';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { problemText } from './invitation-page';
import { formatPageTitle } from './page-title';

/** `POST /api/v1/auth/password_reset/confirm` (public): 204, or 404 for an unknown, used or expired link. */
export function confirmPasswordReset(api: ApiClient, body: PasswordResetConfirmation): Promise<void> {
  return api.request<void>('POST', '/api/v1/auth/password_reset/confirm', { body, authenticated: false });
}

export const confirmPasswordResetMutationOptions = (api: ApiClient, token: string) =>
  mutationOptions({
    mutationKey: ['password-reset', 'confirm'],
    mutationFn: (password: string) => confirmPasswordReset(api, { token, password }),
  });

/** What the page needs of the confirm mutation. */
export interface ConfirmPasswordResetMutation {
  isPending: boolean;
  error: unknown;
  mutate: (password: string) => void;
}

export interface PasswordResetPageProps {
  product: string;
  confirm: ConfirmPasswordResetMutation;
  signInPath: string;
  forgotPasswordPath: string;
}

/** The same rules the API applies (`password-rules.ts`), said up front. */
export const PASSWORD_RULES = '8 to 128 characters. Very common passwords are refused.';

const PAGE_TITLE = 'Choose a new password';

/** Router state the sign-in page reads to say the password was changed. */
export interface PasswordResetNotice {
  passwordReset: true;
}

/**
 * The page the reset mail links to. Nothing happens on load (mail scanners open links too); the
 * link is checked when the new password is sent.
 */
export function PasswordResetPage({
  product,
  confirm,
  signInPath,
  forgotPasswordPath,
}: PasswordResetPageProps) {
  useDocumentTitle(formatPageTitle(PAGE_TITLE, product));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const headingId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const pending = confirm.isPending;
  const passwordError = isApiError(confirm.error)
    ? confirm.error.errors.find((error) => error.path.endsWith('password'))?.message
    : undefined;

  // The fields are disabled while the request runs, which drops focus: put it back after a failure.
  useEffect(() => {
    if (confirm.error && !pending) passwordRef.current?.focus();
  }, [confirm.error, pending]);

  if (isApiError(confirm.error) && confirm.error.status === 404) {
    return (
      <Center component="main" mih="100dvh" p="md">
        <Stack align="center" gap="sm" maw={460}>
          <Title order={1} size="h2" ta="center">
            This link is no longer valid
          </Title>
          <Text ta="center">It may have expired or been used already, or a newer link was sent.</Text>
          <Group justify="center">
            <Anchor component={Link} to={forgotPasswordPath}>
              Ask for a new link
            </Anchor>
            <Anchor component={Link} to={signInPath}>
              Go to sign-in
            </Anchor>
          </Group>
        </Stack>
      </Center>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (password !== repeat) {
      setMismatch(true);
      repeatRef.current?.focus();
      return;
    }
    setMismatch(false);
    confirm.mutate(password);
  };

  return (
    <Center component="main" mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={submit} aria-labelledby={headingId}>
          <Stack gap="md">
            <Title order={1} size="h2" id={headingId}>
              {PAGE_TITLE}
            </Title>
            <Text>Once it is changed, every device signed in to your account is signed out.</Text>
            {confirm.error && !passwordError ? (
              <Alert
                color="red"
                variant="light"
                title={isApiError(confirm.error) ? confirm.error.title : 'Something went wrong'}
              >
                {problemText(confirm.error)}
              </Alert>
            ) : null}
            <PasswordInput
              ref={passwordRef}
              label="New password"
              description={PASSWORD_RULES}
              name="new-password"
              autoComplete="new-password"
              required
              withAsterisk={false}
              maxLength={128}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={passwordError}
              disabled={pending}
              visibilityToggleFocusable
            />
            <PasswordInput
              ref={repeatRef}
              label="Confirm new password"
              name="confirm-password"
              autoComplete="new-password"
              required
              withAsterisk={false}
              maxLength={128}
              value={repeat}
              onChange={(event) => {
                setRepeat(event.currentTarget.value);
                setMismatch(false);
              }}
              error={mismatch ? 'The passwords do not match' : undefined}
              disabled={pending}
              visibilityToggleFocusable
            />
            <Button type="submit" fullWidth loading={pending} disabled={pending}>
              Change password
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

export interface PasswordResetRouteProps {
  api: ApiClient;
  product: string;
  paths: { signIn: string; forgotPassword: string };
}

/** The page a reset mail links to (`…/password-reset/:token`); on success, sign-in says so. */
export function PasswordResetRoute({ api, product, paths }: PasswordResetRouteProps) {
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const confirm = useMutation({
    ...confirmPasswordResetMutationOptions(api, token),
    onSuccess: () => {
      const state: PasswordResetNotice = { passwordReset: true };
      navigate(paths.signIn, { replace: true, state });
    },
  });
  return (
    <PasswordResetPage
      product={product}
      confirm={confirm}
      signInPath={paths.signIn}
      forgotPasswordPath={paths.forgotPassword}
    />
  );
}
