import { ChambersApp } from '@chambers/ui/chambers-app';
import { RouterProvider } from 'react-router/dom';
import { restoredSession, sessionStore } from '../lib/api-client';
import { connectUrl } from '../lib/paths';
import { appNames } from '../lib/product';
import { router } from './router';

export function App() {
  return (
    <ChambersApp
      sessionStore={sessionStore}
      restoring={restoredSession}
      portal="manage"
      otherAppUrl={connectUrl}
      otherAppName={appNames.connect}
    >
      <RouterProvider router={router} />
    </ChambersApp>
  );
}
