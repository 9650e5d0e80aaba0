import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './session';

/**
 * Guards every route below it: without a session, go to sign-in and come back afterwards. The
 * location it came from travels in router state as `from`, which `SignInPage` follows back.
 */
export function RequireSession({ signInPath }: { signInPath: string }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={signInPath} replace state={{ from: location }} />;
  return <Outlet />;
}
