import { ChambersApp } from '@chambers/ui/chambers-app';
import { RouterProvider } from 'react-router/dom';
import { restoredSession, sessionStore } from '../lib/api-client';
import { manageUrl } from '../lib/paths';
import { appNames } from '../lib/product';
import { router } from './router';

export function App() {
  return (
    <ChambersApp
      sessionStore={sessionStore}
      restoring={restoredSession}
      portal="connect"
      otherAppUrl={manageUrl}
      otherAppName={appNames.manage}
    >
      <RouterProvider router={router} />
    </ChambersApp>
  );
}
