import type { Session } from '@chambers/contracts/auth';
import { type MutationOptions, useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useSignIn } from './session';

/**
 * A mutation whose answer is a new session (an account switch, an accepted invitation): the
 * session is kept and the app's home opens. A session of the other app's portal is handed over
 * to it by `SessionGate`.
 */
export function useSessionOpening<TVariables>(
  options: MutationOptions<Session, Error, TVariables>,
  homePath: string,
  { replace = false }: { replace?: boolean } = {},
) {
  const signIn = useSignIn();
  const navigate = useNavigate();
  return useMutation({
    ...options,
    onSuccess: (session) => {
      signIn(session);
      void navigate(homePath, { replace });
    },
  });
}
