import { ApiError } from '@chambers/api-client/api-error';
import { createSessionStore } from '@chambers/api-client/session-store';
import type { Session } from '@chambers/contracts/auth';
import { QueryClient } from '@tanstack/react-query';
import { act } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { accountSwitchOptions, useAccountSwitch } from './account-switch';
import { endSessionOptions, useEndSession } from './end-session';
import { SessionProvider } from './session';
import { render } from './test/render';
import { fakeSession } from './test/sessions';

const firm = fakeSession({ id: 'firm', role: 'attorney' });
const otherFirm = fakeSession({ id: 'other-firm', firm_name: 'Second Firm LLP', role: 'staff' });

interface FakeApi {
  switchAccount: (membershipId: string) => Promise<Session>;
  logout: () => Promise<void>;
}

const probe: {
  api?: FakeApi;
  switcher?: ReturnType<typeof useAccountSwitch>;
  ender?: ReturnType<typeof useEndSession>;
} = {};

function MatterPage() {
  const api = probe.api as FakeApi;
  probe.switcher = useAccountSwitch(accountSwitchOptions(api), '/');
  probe.ender = useEndSession(endSessionOptions(api), '/sign-in');
  return <h1>Matter</h1>;
}

/** A signed-in page of Manage in miniature, at /matters/1, with a cached response. */
function renderSignedIn(api: FakeApi) {
  probe.api = api;
  const store = createSessionStore(firm);
  const queryClient = new QueryClient();
  queryClient.setQueryData(['matters', '1'], { name: 'confidential' });
  const router = createMemoryRouter(
    [
      { path: '/', element: <h1>Home</h1> },
      { path: '/sign-in', element: <h1>Sign in</h1> },
      { path: '/matters/:id', element: <MatterPage /> },
    ],
    { initialEntries: ['/matters/1'] },
  );
  render(
    <SessionProvider store={store}>
      <RouterProvider router={router} />
    </SessionProvider>,
    queryClient,
  );
  return { store, queryClient, router };
}

describe('useAccountSwitch', () => {
  it('keeps the new session, forgets what the old account fetched and opens on home', async () => {
    const switchAccount = vi.fn(async () => otherFirm);
    const { store, queryClient, router } = renderSignedIn({ switchAccount, logout: async () => {} });

    await act(() => probe.switcher?.mutateAsync(otherFirm.membership));
    expect(switchAccount).toHaveBeenCalledWith('other-firm');
    expect(store.get()).toBe(otherFirm);
    expect(queryClient.getQueryData(['matters', '1'])).toBeUndefined();
    expect(router.state.location.pathname).toBe('/');
  });

  it('keeps the current session when the switch fails', async () => {
    const refused = new ApiError({ status: 404, code: 'not_found', title: 'Not found' });
    const { store, router } = renderSignedIn({
      switchAccount: () => Promise.reject(refused),
      logout: async () => {},
    });

    await act(() => probe.switcher?.mutateAsync(otherFirm.membership).catch(() => undefined));
    expect(store.get()).toBe(firm);
    expect(router.state.location.pathname).toBe('/matters/1');
  });
});

describe('useEndSession', () => {
  it('forgets the session and the cache once the API ended it, and shows sign-in', async () => {
    const logout = vi.fn(async () => {});
    const { store, queryClient, router } = renderSignedIn({ switchAccount: async () => firm, logout });

    await act(() => probe.ender?.mutateAsync());
    expect(logout).toHaveBeenCalledTimes(1);
    expect(store.get()).toBeNull();
    expect(queryClient.getQueryData(['matters', '1'])).toBeUndefined();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('stays signed in when the API could not end the session', async () => {
    const offline = new ApiError({ status: 0, code: 'network_error', title: 'Cannot reach Chambers' });
    const { store, router } = renderSignedIn({
      switchAccount: async () => firm,
      logout: () => Promise.reject(offline),
    });

    await act(() => probe.ender?.mutateAsync().catch(() => undefined));
    expect(store.get()).toBe(firm);
    expect(router.state.location.pathname).toBe('/matters/1');
  });
});
