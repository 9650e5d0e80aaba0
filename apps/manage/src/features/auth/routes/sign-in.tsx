import { SignInPage } from '@chambers/ui/sign-in-page';
import { connectUrl, paths } from '../../../lib/paths';
import { productName } from '../../../lib/product';
import { useLogin } from '../api/login';

const otherApp = { prompt: 'Co-counsel or client?', label: 'Sign in to Chambers Connect', href: connectUrl };

export function SignInRoute() {
  const login = useLogin();
  return (
    <SignInPage
      title={`Sign in to ${productName}`}
      login={login}
      otherApp={otherApp}
      homePath={paths.home}
      signInPath={paths.signIn}
    />
  );
}
