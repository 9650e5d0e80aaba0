import { PasswordResetRoute } from '@chambers/ui/password-reset-page';
import { api } from '../../../lib/api-client';
import { paths } from '../../../lib/paths';
import { productName } from '../../../lib/product';

/** The page the password reset mail links to. */
export function Component() {
  return <PasswordResetRoute api={api} product={productName} paths={paths} />;
}
