import type { LoginRequest } from '@chambers/contracts/auth';
import { Alert, Anchor, Center, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, type Location, Navigate, useLocation } from 'react-router';
import { useSession } from './session';
import { SignInForm } from './sign-in-form';

/** What the page needs of an app's login mutation (its `useLogin()`). */
export interface LoginMutation {
  isPending: boolean;
  error: unknown;
  mutate: (credentials: LoginRequest) => void;
}

/** The way to the other SPA, for the people whose account signs in there. */
export interface OtherAppLink {
  /** Who it is for, e.g. "Work at the firm?". */
  prompt: string;
  /** The link's text, e.g. "Sign in to Chambers". */
  label: string;
  /** A full page load away, not a router link: the other SPA is another app. */
  href: string;
}

export interface SignInPageProps {
  /** The page heading and the tab's title, e.g. "Sign in to Chambers". */
  title: string;
  login: LoginMutation;
  otherApp: OtherAppLink;
  homePath: string;
  signInPath: string;
  /** Where "Forgot password?" leads; the same path in both SPAs. */
  forgotPasswordPath?: string;
}

/**
 * Back to the page that sent the user here (`RequireSession` puts it in router state as `from`);
 * only that in-app location is followed, and never sign-in itself.
 */
export function returnTo(state: unknown, homePath: string, signInPath: string): string {
  const from = (state as { from?: Partial<Location> } | null)?.from;
  if (!from?.pathname || from.pathname === signInPath) return homePath;
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

/** Sign-in of either SPA; once there is a session it goes on to where the user was headed. */
export function SignInPage({
  title,
  login,
  otherApp,
  homePath,
  signInPath,
  forgotPasswordPath = '/forgot-password',
}: SignInPageProps) {
  useDocumentTitle(title);
  const session = useSession();
  const location = useLocation();

  if (session) return <Navigate to={returnTo(location.state, homePath, signInPath)} replace />;

  // Set by the password reset page once the new password is saved.
  const passwordReset = (location.state as { passwordReset?: boolean } | null)?.passwordReset === true;

  return (
    <Center component="main" mih="100dvh" p="md">
      <Stack w="100%" maw={420} gap="md">
        {passwordReset && (
          <Alert variant="light" title="Your password is changed" role="status">
            Sign in with your new password.
          </Alert>
        )}
        <SignInForm
          title={title}
          pending={login.isPending}
          error={login.error}
          onSubmit={(credentials) => login.mutate(credentials)}
        >
          <Anchor component={Link} to={forgotPasswordPath} size="sm" ta="center">
            Forgot password?
          </Anchor>
          <Text size="sm" ta="center">
            {otherApp.prompt} <Anchor href={otherApp.href}>{otherApp.label}</Anchor>
          </Text>
        </SignInForm>
      </Stack>
    </Center>
  );
}
