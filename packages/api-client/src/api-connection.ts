import { createApiClient } from './client';
import { createSessionRenewal } from './session-renewal';
import { createSessionStore } from './session-store';

/**
 * What each SPA talks to the API through, wired once: the tab's in-memory session, the API client
 * (a 401 on an authenticated call renews the session once and retries; when that fails too, the
 * session is over), the renewal that keeps the session alive from the refresh cookie, and the
 * session restored from that cookie as the app loads — `null` when there is none or the API
 * cannot be reached (sign-in then works as usual).
 */
export function connectToApi() {
  const sessionStore = createSessionStore();
  const api = createApiClient({
    getAccessToken: () => sessionStore.get()?.access_token,
    renewAccessToken: (rejectedToken) => sessionRenewal.tokenAfterRejection(rejectedToken),
    onUnauthorized: () => sessionStore.set(null),
  });
  const sessionRenewal = createSessionRenewal({ store: sessionStore, refresh: () => api.refreshSession() });
  const restoredSession = sessionRenewal.renew().catch(() => null);
  return { sessionStore, api, sessionRenewal, restoredSession };
}
