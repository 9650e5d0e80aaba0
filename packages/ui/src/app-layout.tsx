import { AppShell } from '@mantine/core';
import { Outlet, useNavigate } from 'react-router';
import { AppHeader } from './app-header';
import { useSession, useSignOut } from './session';

export interface AppLayoutProps {
  /** "Chambers" or "Chambers Connect", named in the header. */
  product: string;
  /** Where signing out leads. */
  signInPath: string;
}

/** The frame of every signed-in page of both SPAs: the header above the route's own page. */
export function AppLayout({ product, signInPath }: AppLayoutProps) {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!session) return null;

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <AppHeader
          product={product}
          membership={session.membership}
          onSignOut={() => {
            signOut();
            navigate(signInPath, { replace: true });
          }}
        />
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
