import { isApiError } from '@chambers/api-client/api-error';
import type { LoginRequest } from '@chambers/contracts/auth';
import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

export interface SignInFormProps {
  /** The page heading, e.g. "Sign in to Chambers". */
  title: string;
  onSubmit: (credentials: LoginRequest) => void;
  /** While true the fields and the button are disabled. */
  pending?: boolean;
  /** The last failure: an `ApiError` shows the server's problem; any other `Error` its message. */
  error?: unknown;
  /** Shown under the form (links to the other app, to password reset...). */
  children?: ReactNode;
}

type Field = keyof LoginRequest;

interface DisplayedError {
  title: string;
  detail: string | undefined;
  fields: Partial<Record<Field, string>>;
}

/** Maps a failure to what the form shows; field errors come from the problem's `errors[]`. */
export function describeSignInError(error: unknown): DisplayedError | null {
  if (error === null || error === undefined) return null;
  if (isApiError(error)) {
    const fields: Partial<Record<Field, string>> = {};
    for (const { path, message } of error.errors) {
      const field = fieldOf(path);
      if (field && !fields[field]) fields[field] = message;
    }
    return { title: error.title, detail: error.detail, fields };
  }
  const message = error instanceof Error ? error.message : undefined;
  return { title: 'Sign-in failed', detail: message || 'Something went wrong. Try again.', fields: {} };
}

/** Problem paths may be `/email`, `body/email` or `email`; anything else stays in the alert. */
function fieldOf(path: string): Field | null {
  const last = path.split(/[/.]/).pop();
  return last === 'email' || last === 'password' ? last : null;
}

export function SignInForm({ title, onSubmit, pending = false, error, children }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const headingId = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const shown = describeSignInError(error);

  // Disabling the form while it submits drops keyboard focus; after a failure, put it back where
  // the user has to act (the alert itself is announced through role="alert").
  const emailRejected = Boolean(shown?.fields.email);
  useEffect(() => {
    if (!error || pending) return;
    (emailRejected ? emailRef : passwordRef).current?.focus();
  }, [error, pending, emailRejected]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    onSubmit({ email: email.trim(), password });
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
      <form onSubmit={submit} aria-labelledby={headingId}>
        <Stack gap="md">
          <Title order={1} size="h2" id={headingId}>
            {title}
          </Title>
          {shown && (
            <Alert color="red" variant="light" title={shown.title}>
              {shown.detail}
            </Alert>
          )}
          {/* Both fields are obviously required: no asterisks, but `required` still reaches assistive tech. */}
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
            error={shown?.fields.email}
            disabled={pending}
          />
          <PasswordInput
            ref={passwordRef}
            label="Password"
            name="password"
            autoComplete="current-password"
            required
            withAsterisk={false}
            maxLength={128}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={shown?.fields.password}
            disabled={pending}
            visibilityToggleFocusable
          />
          <Button type="submit" fullWidth loading={pending} disabled={pending}>
            Sign in
          </Button>
          {children}
        </Stack>
      </form>
    </Paper>
  );
}
