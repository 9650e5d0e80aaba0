import { isApiError } from '@chambers/api-client/api-error';
import type { Session } from '@chambers/contracts/auth';
import type { AcceptInvitation, InvitationPreview } from '@chambers/contracts/invitations';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { MutationOptions } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatPageTitle } from './page-title';
import { FullPageLoader } from './session-gate';
import { useSessionOpening } from './session-opening';
import { roleLabel } from './signed-in-as';

/** What the page needs of an app's `useInvitation(token)` query. */
export interface InvitationQuery {
  data: InvitationPreview | undefined;
  error: unknown;
  isPending: boolean;
}

/** What the page needs of an app's `useAcceptInvitation(token)` mutation. */
export interface AcceptInvitationMutation {
  isPending: boolean;
  error: unknown;
  mutate: (body: AcceptInvitation) => void;
}

export interface InvitationPageProps {
  /** "Chambers" or "Chambers Connect", for the tab's title. */
  product: string;
  invitation: InvitationQuery;
  accept: AcceptInvitationMutation;
  /** Linked when the invitation is gone, and for people who already have an account. */
  signInPath: string;
}

/** Accepting runs like a sign-in: the session is kept and home opens, replacing the link's page. */
export function useInvitationAcceptance(
  options: MutationOptions<Session, Error, AcceptInvitation>,
  homePath: string,
) {
  return useSessionOpening(options, homePath, { replace: true });
}

const PAGE_TITLE = 'Accept invitation';

/** The page a mailed invitation link opens: who invited whom to what, and how to accept. */
export function InvitationPage({ product, invitation, accept, signInPath }: InvitationPageProps) {
  useDocumentTitle(formatPageTitle(PAGE_TITLE, product));

  if (invitation.isPending) return <FullPageLoader label="Loading the invitation" />;
  if (!invitation.data) {
    const gone = isApiError(invitation.error) && invitation.error.status === 404;
    return (
      <LinkProblem
        title={gone ? 'This invitation link is no longer valid' : 'The invitation could not be loaded'}
        signInPath={signInPath}
      >
        {gone
          ? 'It may have expired, been used already or been revoked. Ask the person who invited you for a new one.'
          : problemText(invitation.error)}
      </LinkProblem>
    );
  }

  return (
    <Center component="main" mih="100dvh" p="md">
      <InvitationForm preview={invitation.data} accept={accept} signInPath={signInPath} />
    </Center>
  );
}

type Field = 'name' | 'password' | 'confirm';

function InvitationForm({
  preview,
  accept,
  signInPath,
}: {
  preview: InvitationPreview;
  accept: AcceptInvitationMutation;
  signInPath: string;
}) {
  const newAccount = !preview.identity_exists;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const headingId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const pending = accept.isPending;
  const fields = fieldErrors(accept.error);
  if (mismatch) fields.confirm = 'The passwords do not match';

  // The fields are disabled while the request runs, which drops focus: put it back where the
  // user has to act (the alert itself is announced through role="alert").
  const nameRejected = Boolean(fields.name);
  useEffect(() => {
    if (!accept.error || pending) return;
    (nameRejected ? nameRef : passwordRef).current?.focus();
  }, [accept.error, pending, nameRejected]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (newAccount && password !== confirm) {
      setMismatch(true);
      confirmRef.current?.focus();
      return;
    }
    setMismatch(false);
    accept.mutate(newAccount ? { name: name.trim(), password } : { password });
  };

  const title = newAccount ? 'Create your account' : 'Sign in to accept';
  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={460}>
      <form onSubmit={submit} aria-labelledby={headingId}>
        <Stack gap="md">
          <Title order={1} size="h2" id={headingId}>
            {title}
          </Title>
          <Text>
            {preview.invited_by_name} invited you ({preview.email}) to {preview.firm_name} as{' '}
            {roleLabel(preview.role)}.
          </Text>
          {preview.shared && (
            <Text>
              Shared with you: {preview.shared.type} “{preview.shared.label}”
            </Text>
          )}
          {accept.error ? (
            <Alert color="red" variant="light" title={alertTitle(accept.error)}>
              {problemText(accept.error)}
            </Alert>
          ) : null}
          {/* For password managers: the login this account will use. */}
          <TextInput
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            value={preview.email}
            readOnly
          />
          {newAccount && (
            <TextInput
              ref={nameRef}
              label="Your name"
              name="name"
              autoComplete="name"
              required
              withAsterisk={false}
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fields.name}
              disabled={pending}
            />
          )}
          <PasswordInput
            ref={passwordRef}
            label={newAccount ? 'Password' : 'Your password'}
            description={newAccount ? '8 to 128 characters' : undefined}
            name="password"
            autoComplete={newAccount ? 'new-password' : 'current-password'}
            required
            withAsterisk={false}
            maxLength={128}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fields.password}
            disabled={pending}
            visibilityToggleFocusable
          />
          {newAccount && (
            <PasswordInput
              ref={confirmRef}
              label="Confirm password"
              name="confirm-password"
              autoComplete="new-password"
              required
              withAsterisk={false}
              maxLength={128}
              value={confirm}
              onChange={(event) => {
                setConfirm(event.currentTarget.value);
                setMismatch(false);
              }}
              error={fields.confirm}
              disabled={pending}
              visibilityToggleFocusable
            />
          )}
          <Button type="submit" fullWidth loading={pending} disabled={pending}>
            {newAccount ? 'Create account' : 'Sign in and accept'}
          </Button>
          {!newAccount && (
            <Text size="sm" ta="center">
              Not you?{' '}
              <Anchor component={Link} to={signInPath}>
                Sign in with another account
              </Anchor>
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** Problem paths may be `/password`, `body/password` or `password`; others stay in the alert. */
function fieldErrors(error: unknown): Partial<Record<Field, string>> {
  const fields: Partial<Record<Field, string>> = {};
  if (!isApiError(error)) return fields;
  for (const { path, message } of error.errors) {
    const last = path.split(/[/.]/).pop();
    if ((last === 'name' || last === 'password') && !fields[last]) fields[last] = message;
  }
  return fields;
}

function alertTitle(error: unknown): string {
  return isApiError(error) ? error.title : 'Something went wrong';
}

/** The API's problem detail (or title), or the message of any other failure. */
export function problemText(error: unknown): string {
  if (isApiError(error)) return error.detail ?? error.title;
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Try again.';
}

/** A full page for a mailed link that cannot be used, with the way to sign-in. */
export function LinkProblem({
  title,
  signInPath,
  children,
}: {
  title: string;
  signInPath: string;
  children: ReactNode;
}) {
  return (
    <Center component="main" mih="100dvh" p="md">
      <Stack align="center" gap="sm" maw={460}>
        <Title order={1} size="h2" ta="center">
          {title}
        </Title>
        <Text ta="center">{children}</Text>
        <Anchor component={Link} to={signInPath}>
          Go to sign-in
        </Anchor>
      </Stack>
    </Center>
  );
}
