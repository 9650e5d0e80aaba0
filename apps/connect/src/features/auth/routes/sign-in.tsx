import { SignInPage } from '@chambers/ui/sign-in-page';
import { manageUrl, paths } from '../../../lib/paths';
import { productName } from '../../../lib/product';
import { useLogin } from '../api/login';

const otherApp = { prompt: 'Work at the firm?', label: 'Sign in to Chambers', href: manageUrl };

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
