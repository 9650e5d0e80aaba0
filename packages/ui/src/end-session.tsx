import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useSignOut } from './session';

export interface EndSessionOptions {
  /** The app's fetcher for `POST /api/v1/auth/logout`. */
  logout: () => Promise<void>;
}

export function endSessionOptions({ logout }: EndSessionOptions) {
  return mutationOptions({ mutationKey: ['auth', 'logout'], mutationFn: () => logout() });
}

/**
 * Signs out: the API ends the session and clears the refresh cookie, then this tab forgets the
 * session and every cached response and shows sign-in. If the API cannot be reached the session
 * is kept, and the error shown: forgetting it here alone would leave the cookie to sign the next
 * visitor of this browser straight back in.
 */
export function useEndSession(options: ReturnType<typeof endSessionOptions>, signInPath: string) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return useMutation({
    ...options,
    onSuccess: () => {
      signOut();
      navigate(signInPath, { replace: true });
    },
  });
}
