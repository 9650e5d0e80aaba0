import type { LoginRequest, Session } from '@chambers/contracts/auth';
import { portalLoginOptions, usePortalLogin } from '@chambers/ui/portal-login';
import { api } from '../../../lib/api-client';

/** `POST /api/v1/auth/login`. */
export function login(credentials: LoginRequest): Promise<Session> {
  return api.login(credentials);
}

/**
 * Manage is for firm users. A co-counsel or client login is valid but belongs in Connect, so
 * its session is dropped here rather than opening a Manage shell that would only answer 404s.
 */
export const loginMutationOptions = () =>
  portalLoginOptions({
    login,
    portal: 'manage',
    wrongPortalMessage: 'This account signs in to Chambers Connect. Use the link below.',
  });

/** Signs in; on success the session is kept and protected routes open. */
export function useLogin() {
  return usePortalLogin(loginMutationOptions());
}
