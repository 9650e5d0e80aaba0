import { createSessionStore } from '@chambers/api-client/session-store';
import { act } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RequireSession } from './require-session';
import { SessionProvider } from './session';
import { returnTo, SignInPage } from './sign-in-page';
import { render } from './test/render';
import { fakeSession } from './test/sessions';

const session = fakeSession();

describe('returnTo', () => {
  it('follows the in-app location the guard left in router state', () => {
    const state = { from: { pathname: '/matters/1', search: '?tab=notes', hash: '#top' } };
    expect(returnTo(state, '/', '/sign-in')).toBe('/matters/1?tab=notes#top');
  });

  it('goes home without one, or when it would lead back to sign-in', () => {
    expect(returnTo(null, '/', '/sign-in')).toBe('/');
    expect(returnTo({}, '/', '/sign-in')).toBe('/');
    expect(returnTo({ from: { pathname: '/sign-in' } }, '/', '/sign-in')).toBe('/');
  });
});

describe('RequireSession and SignInPage', () => {
  it('send a visitor to sign-in and, once signed in, back where they were going', () => {
    const store = createSessionStore();
    const router = createMemoryRouter(
      [
        {
          path: '/sign-in',
          element: (
            <SignInPage
              title="Sign in to Chambers"
              login={{ isPending: false, error: null, mutate: () => {} }}
              otherApp={{
                prompt: 'Co-counsel or client?',
                label: 'Sign in to Chambers Connect',
                href: '/connect/',
              }}
              homePath="/"
              signInPath="/sign-in"
            />
          ),
        },
        {
          element: <RequireSession signInPath="/sign-in" />,
          children: [{ path: '/matters', element: <h1>Matters</h1> }],
        },
      ],
      { initialEntries: ['/matters?open=1'] },
    );
    const { container } = render(
      <SessionProvider store={store}>
        <RouterProvider router={router} />
      </SessionProvider>,
    );

    expect(router.state.location.pathname).toBe('/sign-in');
    expect(container.querySelector('h1')?.textContent).toBe('Sign in to Chambers');
    expect(document.title).toBe('Sign in to Chambers');
    const otherApp = container.querySelector<HTMLAnchorElement>('a[href="/connect/"]');
    expect(otherApp?.textContent).toBe('Sign in to Chambers Connect');
    expect(otherApp?.parentElement?.textContent).toBe('Co-counsel or client? Sign in to Chambers Connect');

    act(() => store.set(session));
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/matters?open=1');
    expect(container.querySelector('h1')?.textContent).toBe('Matters');
  });
});
