import { createApiClient } from '@chambers/api-client/client';
import { createSessionRenewal } from '@chambers/api-client/session-renewal';
import { sessionStore } from './session';

/**
 * The one API client of Connect. A 401 on an authenticated call renews the session once and
 * retries; when that fails too, the session is over.
 */
export const api = createApiClient({
  getAccessToken: () => sessionStore.get()?.access_token,
  renewAccessToken: (rejectedToken) => sessionRenewal.tokenAfterRejection(rejectedToken),
  onUnauthorized: () => sessionStore.set(null),
});

/** Keeps the session alive from the refresh cookie: before the token expires, and after a 401. */
export const sessionRenewal = createSessionRenewal({
  store: sessionStore,
  refresh: () => api.refreshSession(),
});

/**
 * The session this page starts with, from the refresh cookie: asked once, as the app loads, so a
 * reload keeps the user signed in. `null` when there is none, or when the API cannot be reached
 * (sign-in then works as usual).
 */
export const restoredSession = sessionRenewal.renew().catch(() => null);
