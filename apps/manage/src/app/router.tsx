import { AccountMenu } from '@chambers/ui/account-menu';
import { AppLayout } from '@chambers/ui/app-layout';
import { NotFoundPage } from '@chambers/ui/not-found-page';
import { EmailChangeRoute, InvitationRoute } from '@chambers/ui/public-link-routes';
import { RequireSession } from '@chambers/ui/require-session';
import { RouteError } from '@chambers/ui/route-error';
import { createBrowserRouter } from 'react-router';
import { authApi } from '../features/auth/api/auth-api';
import { SignInRoute } from '../features/auth/routes/sign-in';
import { api } from '../lib/api-client';
import { paths } from '../lib/paths';
import { appNames, productName } from '../lib/product';
import { HomeRoute } from './routes/home';

export const router = createBrowserRouter([
  {
    errorElement: <RouteError product={productName} homePath={paths.home} />,
    children: [
      { path: paths.signIn, Component: SignInRoute },
      // Rarely needed: their own chunks, so the sign-in page stays small.
      { path: paths.forgotPassword, lazy: () => import('../features/auth/routes/forgot-password') },
      { path: paths.passwordReset, lazy: () => import('../features/auth/routes/password-reset') },
      {
        path: paths.invitation,
        element: <InvitationRoute api={api} product={productName} paths={paths} />,
      },
      {
        path: paths.emailChange,
        element: <EmailChangeRoute api={api} product={productName} paths={paths} />,
      },
      {
        element: <RequireSession signInPath={paths.signIn} />,
        children: [
          {
            element: (
              <AppLayout
                product={productName}
                userMenu={<AccountMenu auth={authApi} appNames={appNames} />}
              />
            ),
            children: [{ index: true, Component: HomeRoute }],
          },
        ],
      },
      { path: '*', element: <NotFoundPage product={productName} homePath={paths.home} /> },
    ],
  },
]);
