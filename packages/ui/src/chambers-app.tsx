import type { SessionStore } from '@chambers/api-client/session-store';
import type { ReactNode } from 'react';
import { ChambersProvider } from './chambers-provider';
import { SessionProvider } from './session';
import { SessionGate, type SessionGateProps } from './session-gate';

export interface ChambersAppProps extends Omit<SessionGateProps, 'children'> {
  /** This tab's session (`createSessionStore`). */
  sessionStore: SessionStore;
  /** The app's router. */
  children: ReactNode;
}

/** What either SPA wraps its router in: theme and cache, the session, and the gate that restores it. */
export function ChambersApp({ sessionStore, children, ...gate }: ChambersAppProps) {
  return (
    <ChambersProvider>
      <SessionProvider store={sessionStore}>
        <SessionGate {...gate}>{children}</SessionGate>
      </SessionProvider>
    </ChambersProvider>
  );
}
