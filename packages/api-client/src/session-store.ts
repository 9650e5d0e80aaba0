import type { Session } from '@chambers/contracts/auth';

/**
 * Holds the signed-in session in memory only. Nothing goes to localStorage or sessionStorage, so
 * a script injected into the page cannot lift a token from storage; a reload gets a new session
 * from the HttpOnly refresh cookie instead (see `createSessionRenewal`).
 *
 * It lives outside React so the API client can read the token on every request; components
 * read it through `SessionProvider` and the hooks of `@chambers/ui/session`.
 */
export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
  subscribe(listener: () => void): () => void;
}

export function createSessionStore(initial: Session | null = null): SessionStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(session) {
      if (session === current) return;
      current = session;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
