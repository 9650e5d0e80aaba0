import type { Session } from '@chambers/contracts/auth';
import { ApiError } from '../api-error';

/** A session as the API hands it out, with the given access token. */
export function sessionWith(accessToken: string, expiresIn = 900): Session {
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: expiresIn,
    membership: { id: 'm1', firm_id: 'f1', firm_name: 'Demo Firm LLP', role: 'admin', portal: 'manage' },
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
