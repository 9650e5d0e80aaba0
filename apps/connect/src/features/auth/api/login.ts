import type { LoginRequest, Session } from '@chambers/contracts/auth';
import { portalLoginOptions, usePortalLogin } from '@chambers/ui/portal-login';
import { api } from '../../../lib/api-client';

/** `POST /api/v1/auth/login`. */
export function login(credentials: LoginRequest): Promise<Session> {
  return api.login(credentials);
}

/**
 * Connect is for co-counsel and clients. A firm user's login is valid but belongs in Manage, so
 * its session is dropped here rather than opening a portal meant for outsiders.
 */
export const loginMutationOptions = () =>
  portalLoginOptions({
    login,
    portal: 'connect',
    wrongPortalMessage: 'This account signs in to Chambers, the firm app. Use the link below.',
  });

/** Signs in; on success the session is kept and protected routes open. */
export function useLogin() {
  return usePortalLogin(loginMutationOptions());
}
