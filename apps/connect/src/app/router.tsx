import { NotFoundPage } from '@chambers/ui/not-found-page';
import { EmailChangeRoute, InvitationRoute } from '@chambers/ui/public-link-routes';
import { RequireSession } from '@chambers/ui/require-session';
import { RouteError } from '@chambers/ui/route-error';
import { createBrowserRouter } from 'react-router';
import { SignInRoute } from '../features/auth/routes/sign-in';
import { api } from '../lib/api-client';
import { basename, paths } from '../lib/paths';
import { productName } from '../lib/product';

/**
 * Sign-in is in the first download; every signed-in page is its own chunk, fetched when first
 * opened (the login page stays small; `pnpm build` prints and checks the sizes).
 */
export const router = createBrowserRouter(
  [
    {
      errorElement: <RouteError product={productName} homePath={paths.home} />,
      children: [
        { path: paths.signIn, Component: SignInRoute },
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
              lazy: () => import('../components/connect-layout'),
              children: [
                { index: true, lazy: () => import('../features/home/routes/home') },
                { path: paths.profile, lazy: () => import('../features/profile/routes/profile') },
                { path: paths.calendar, lazy: () => import('../features/calendar/routes/calendar') },
                { path: paths.tasks, lazy: () => import('../features/tasks/routes/tasks') },
                { path: paths.matters, lazy: () => import('../features/matters/routes/matters') },
                { path: paths.matter, lazy: () => import('../features/matters/routes/matter') },
                { path: paths.activities, lazy: () => import('../features/activities/routes/activities') },
                { path: paths.documents, lazy: () => import('../features/documents/routes/documents') },
                {
                  path: paths.conversations,
                  lazy: () => import('../features/conversations/routes/conversations'),
                },
                {
                  path: paths.conversation,
                  lazy: () => import('../features/conversations/routes/conversation'),
                },
                { path: paths.portal, lazy: () => import('../features/portals/routes/portal') },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage product={productName} homePath={paths.home} /> },
      ],
    },
  ],
  { basename },
);
