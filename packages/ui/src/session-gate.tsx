import type { MembershipSummary } from '@chambers/contracts/auth';
import { Center, Loader, Stack, Text } from '@mantine/core';
import { type ReactNode, Suspense, use, useEffect } from 'react';
import { useSession } from './session';

export interface SessionGateProps {
  /**
   * Settles once the session from the refresh cookie is known (kept in the store, or none).
   * Made once, as the app starts, outside React: a render must never start a second refresh,
   * since the cookie it would spend has already rotated.
   */
  restoring: Promise<unknown>;
  /** This app's portal. A session of the other one (after a switch, or left by another tab) is taken there. */
  portal: MembershipSummary['portal'];
  /** Where the other app is served, e.g. `/connect/`. */
  otherAppUrl: string;
  /** The other app's name, for the loader shown while the browser goes there. */
  otherAppName: string;
  children: ReactNode;
  /** Leaves for the other app; the default replaces this page. Tests pass their own. */
  leave?: (url: string) => void;
}

const replacePage = (url: string) => window.location.replace(url);

/**
 * Wraps the router of either SPA: shows a loader, not the sign-in form, while the session is
 * being restored; and hands a session that belongs to the other app over to it, which restores
 * it from the same cookie.
 */
export function SessionGate({ restoring, children, ...portal }: SessionGateProps) {
  return (
    <Suspense fallback={<FullPageLoader label="Loading" />}>
      <Restored restoring={restoring} {...portal}>
        {children}
      </Restored>
    </Suspense>
  );
}

function Restored({
  restoring,
  portal,
  otherAppUrl,
  otherAppName,
  leave = replacePage,
  children,
}: SessionGateProps) {
  use(restoring);
  const session = useSession();
  const elsewhere = session !== null && session.membership.portal !== portal;

  useEffect(() => {
    if (elsewhere) leave(otherAppUrl);
  }, [elsewhere, leave, otherAppUrl]);

  if (elsewhere) return <FullPageLoader label={`Opening ${otherAppName}`} />;
  return children;
}

/** A centred loader for the whole page, announced to screen readers. */
export function FullPageLoader({ label }: { label: string }) {
  return (
    <Center component="main" mih="100dvh" p="md">
      <Stack align="center" gap="sm" role="status">
        <Loader aria-hidden />
        <Text size="sm" c="dimmed">
          {label}…
        </Text>
      </Stack>
    </Center>
  );
}
