import type { SessionStore } from '@chambers/api-client/session-store';
import type { Session } from '@chambers/contracts/auth';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useSyncExternalStore,
} from 'react';

const SessionContext = createContext<SessionStore | null>(null);

/**
 * Makes the store available to the hooks below. Whenever the account changes (sign-in, sign-out,
 * a switch, or a renewal that found another tab had switched), every cached response is dropped:
 * nothing one account fetched may show under another.
 */
export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let account = store.get()?.membership.id ?? null;
    return store.subscribe(() => {
      const next = store.get()?.membership.id ?? null;
      if (next !== account) queryClient.clear();
      account = next;
    });
  }, [store, queryClient]);
  return <SessionContext value={store}>{children}</SessionContext>;
}

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession* hooks must be used inside <SessionProvider>');
  return store;
}

/** The current session, or `null` when signed out. Re-renders when it changes. */
export function useSession(): Session | null {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** Starts a session. The cache is emptied first: a session that ended on a 401 left it behind. */
export function useSignIn(): (session: Session) => void {
  const store = useSessionStore();
  const queryClient = useQueryClient();
  return useCallback(
    (session: Session) => {
      queryClient.clear();
      store.set(session);
    },
    [store, queryClient],
  );
}

/** Forgets the session and every cached response, so the next person at the screen sees nothing of it. */
export function useSignOut(): () => void {
  const store = useSessionStore();
  const queryClient = useQueryClient();
  return useCallback(() => {
    store.set(null);
    queryClient.clear();
  }, [store, queryClient]);
}
