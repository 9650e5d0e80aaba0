import { createApiClient } from '@chambers/api-client/client';
import { sessionStore } from './session';

/** The one API client of Connect. A 401 on an authenticated call means the session is over. */
export const api = createApiClient({
  getAccessToken: () => sessionStore.get()?.access_token,
  onUnauthorized: () => sessionStore.set(null),
});
