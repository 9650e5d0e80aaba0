import type { LoginRequest, MembershipSummary, Session } from '@chambers/contracts/auth';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useSignIn } from './session';

export interface PortalLoginOptions {
  /** The app's fetcher for `POST /api/v1/auth/login`. */
  login: (credentials: LoginRequest) => Promise<Session>;
  /** The portal of the app signing in: a membership of the other one is turned away. */
  portal: MembershipSummary['portal'];
  /** Shown to an account that was turned away: where it does sign in. */
  wrongPortalMessage: string;
}

/**
 * Login options for one SPA. The API accepts any valid login; the session is dropped here when
 * its membership belongs to the other portal.
 */
export function portalLoginOptions({ login, portal, wrongPortalMessage }: PortalLoginOptions) {
  return mutationOptions({
    mutationKey: ['auth', 'login'],
    mutationFn: async (credentials: LoginRequest): Promise<Session> => {
      const session = await login(credentials);
      if (session.membership.portal !== portal) throw new Error(wrongPortalMessage);
      return session;
    },
  });
}

/** Signs in; on success the session is kept and protected routes open. */
export function usePortalLogin(options: ReturnType<typeof portalLoginOptions>) {
  const signIn = useSignIn();
  return useMutation({ ...options, onSuccess: (session) => signIn(session) });
}
