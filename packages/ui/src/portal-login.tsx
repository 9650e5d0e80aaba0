import type { LoginRequest, MembershipSummary, Session } from '@chambers/contracts/auth';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useSignIn } from './session';

export interface PortalLoginOptions {
  /** The app's fetcher for `POST /api/v1/auth/login`. */
  login: (credentials: LoginRequest) => Promise<Session>;
  /** `GET /api/v1/me/memberships`, asked with the token of `session` (not kept yet). */
  accountsOf: (session: Session) => Promise<MembershipSummary[]>;
  /** `POST /api/v1/auth/switch` as `session`. */
  switchFrom: (session: Session, membershipId: string) => Promise<Session>;
  /** `POST /api/v1/auth/logout` as `session`: ends a session that is not kept. */
  endSession: (session: Session) => Promise<void>;
  /** The portal of the app signing in: a membership of the other one is turned away. */
  portal: MembershipSummary['portal'];
  /** Shown to an account that was turned away: where it does sign in. */
  wrongPortalMessage: string;
}

/**
 * Login options for one SPA. The API signs in as the person's most recently used account, which
 * may belong to the other app (someone with a firm account and a co-counsel account who last
 * worked in Connect). Then sign-in switches to an account of this app if the person has one;
 * otherwise it ends that session (so its refresh cookie cannot sign the person into the other
 * app unasked) and says where the account does sign in.
 */
export function portalLoginOptions({
  login,
  accountsOf,
  switchFrom,
  endSession,
  portal,
  wrongPortalMessage,
}: PortalLoginOptions) {
  return mutationOptions({
    mutationKey: ['auth', 'login'],
    mutationFn: async (credentials: LoginRequest): Promise<Session> => {
      const session = await login(credentials);
      if (session.membership.portal === portal) return session;

      const abandon = () => endSession(session).catch(() => undefined);
      const accounts = await accountsOf(session).catch(async (error: unknown) => {
        await abandon();
        throw error;
      });
      const here = accounts.find((account) => account.portal === portal);
      if (here) return switchFrom(session, here.id);

      await abandon();
      throw new Error(wrongPortalMessage);
    },
  });
}

/** Signs in; on success the session is kept and protected routes open. */
export function usePortalLogin(options: ReturnType<typeof portalLoginOptions>) {
  const signIn = useSignIn();
  return useMutation({ ...options, onSuccess: (session) => signIn(session) });
}
