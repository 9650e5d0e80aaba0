import { AppShell } from '@mantine/core';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { AppHeader } from './app-header';
import { useSession } from './session';

export interface AppLayoutProps {
  /** "Chambers" or "Chambers Connect", named in the header. */
  product: string;
  /** The signed-in person's menu, shown in the header. */
  userMenu: ReactNode;
}

/** The frame of every signed-in page of both SPAs: the header above the route's own page. */
export function AppLayout({ product, userMenu }: AppLayoutProps) {
  const session = useSession();
  if (!session) return null;

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <AppHeader product={product} userMenu={userMenu} />
      </AppShell.Header>
      {/* A page keeps no state (a half-filled form, a scroll position) from the previous account. */}
      <AppShell.Main key={session.membership.id}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
