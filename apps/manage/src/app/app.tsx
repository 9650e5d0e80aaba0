import { ChambersProvider } from '@chambers/ui/chambers-provider';
import { SessionProvider } from '@chambers/ui/session';
import { RouterProvider } from 'react-router/dom';
import { sessionStore } from '../lib/session';
import { router } from './router';

export function App() {
  return (
    <ChambersProvider>
      <SessionProvider store={sessionStore}>
        <RouterProvider router={router} />
      </SessionProvider>
    </ChambersProvider>
  );
}
