import { ChambersProvider } from '@chambers/ui/chambers-provider';
import { SessionProvider } from '@chambers/ui/session';
import { SessionGate } from '@chambers/ui/session-gate';
import { RouterProvider } from 'react-router/dom';
import { restoredSession } from '../lib/api-client';
import { manageUrl } from '../lib/paths';
import { appNames } from '../lib/product';
import { sessionStore } from '../lib/session';
import { router } from './router';

export function App() {
  return (
    <ChambersProvider>
      <SessionProvider store={sessionStore}>
        <SessionGate
          restoring={restoredSession}
          portal="connect"
          otherAppUrl={manageUrl}
          otherAppName={appNames.manage}
        >
          <RouterProvider router={router} />
        </SessionGate>
      </SessionProvider>
    </ChambersProvider>
  );
}
