import type { LoginRequest, Session } from '@chambers/contracts/auth';
import { portalLoginOptions, usePortalLogin } from '@chambers/ui/portal-login';
import { api } from '../../../lib/api-client';
import { authApi } from './auth-api';

/** `POST /api/v1/auth/login`. */
export function login(credentials: LoginRequest): Promise<Session> {
  return api.login(credentials);
}

/**
 * Manage is for firm users. A person whose last account was a co-counsel one is switched to their
 * firm account; a co-counsel or client with no firm account is turned away to Connect, rather
 * than opening a Manage shell that would only answer 404s.
 */
export const loginMutationOptions = () =>
  portalLoginOptions({
    login,
    accountsOf: authApi.getMyMemberships,
    switchFrom: (session, membershipId) => authApi.switchAccount(membershipId, session),
    endSession: authApi.logout,
    portal: 'manage',
    wrongPortalMessage: 'This account signs in to Chambers Connect. Use the link below.',
  });

/** Signs in; on success the session is kept and protected routes open. */
export function useLogin() {
  return usePortalLogin(loginMutationOptions());
}
