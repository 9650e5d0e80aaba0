import type { Session } from '@chambers/contracts/auth';
import { ApiError } from '../api-error';
import type { SessionHolder } from '../session-renewal';

/** A session as the API hands it out, with the given access token. */
export function sessionWith(accessToken: string, expiresIn = 900): Session {
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: expiresIn,
    membership: { id: 'm1', firm_id: 'f1', firm_name: 'Demo Firm LLP', role: 'admin', portal: 'manage' },
  };
}

/** The SPAs' in-memory store in miniature. */
export function memoryHolder(initial: Session | null = null): SessionHolder {
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

export function problem(status: number, code = 'x'): ApiError {
  return new ApiError({ status, code, title: code });
}

/** A promise the test settles by hand, to hold a request in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
