import type { LoginRequest, Session } from '@chambers/contracts/auth';
import { portalLoginOptions, usePortalLogin } from '@chambers/ui/portal-login';
import { api } from '../../../lib/api-client';
import { authApi } from './auth-api';

/** `POST /api/v1/auth/login`. */
export function login(credentials: LoginRequest): Promise<Session> {
  return api.login(credentials);
}

/**
 * Connect is for co-counsel and clients. A person whose last account was a firm one is switched to
 * their co-counsel or client account; a firm user with no such account is turned away to Manage,
 * rather than opening a portal meant for outsiders.
 */
export const loginMutationOptions = () =>
  portalLoginOptions({
    login,
    accountsOf: authApi.getMyMemberships,
    switchFrom: (session, membershipId) => authApi.switchAccount(membershipId, session),
    endSession: authApi.logout,
    portal: 'connect',
    wrongPortalMessage: 'This account signs in to Chambers, the firm app. Use the link below.',
  });

/** Signs in; on success the session is kept and protected routes open. */
export function useLogin() {
  return usePortalLogin(loginMutationOptions());
}
