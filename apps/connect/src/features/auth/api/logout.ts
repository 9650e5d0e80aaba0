import type { Session } from '@chambers/contracts/auth';
import { endSessionOptions, useEndSession } from '@chambers/ui/end-session';
import { api, sessionRenewal } from '../../../lib/api-client';
import { paths } from '../../../lib/paths';

/**
 * `POST /api/v1/auth/logout`: ends the session and clears the refresh cookie. `as` ends a session
 * that was opened but not kept (sign-in turning an account away) instead of the current one.
 */
export function logout(as?: Session): Promise<void> {
  return sessionRenewal.exclusive(() =>
    api.request<void>('POST', '/api/v1/auth/logout', as ? { accessToken: as.access_token } : {}),
  );
}

export const logoutMutationOptions = () => endSessionOptions({ logout: () => logout() });

/** Signs out and shows sign-in; the session and the cache are forgotten once the API has ended it. */
export function useLogout() {
  return useEndSession(logoutMutationOptions(), paths.signIn);
}
