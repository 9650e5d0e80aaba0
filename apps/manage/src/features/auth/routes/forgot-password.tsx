import { ForgotPasswordRoute } from '@chambers/ui/forgot-password-page';
import { api } from '../../../lib/api-client';
import { paths } from '../../../lib/paths';
import { productName } from '../../../lib/product';

/** "Forgot password?" from sign-in: the mailed link opens Manage again. */
export function Component() {
  return <ForgotPasswordRoute api={api} product={productName} app="manage" signInPath={paths.signIn} />;
}
