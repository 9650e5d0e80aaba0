import { createSessionStore } from '@chambers/api-client/session-store';
import type { Session } from '@chambers/contracts/auth';
import { QueryClient } from '@tanstack/react-query';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession, useSignIn, useSignOut } from './session';
import { render } from './test/render';
import { fakeSession } from './test/sessions';

const session = fakeSession();

describe('createSessionStore', () => {
  it('notifies subscribers of changes only', () => {
    const store = createSessionStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    store.set(session);
    store.set(session);
    expect(store.get()).toBe(session);
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    store.set(null);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

/** Shows who is signed in and hands the hooks' functions to the test. */
const probe: { signIn?: (s: Session) => void; signOut?: () => void } = {};
function Probe() {
  const current = useSession();
  probe.signIn = useSignIn();
  probe.signOut = useSignOut();
  return <p>{current ? current.membership.firm_name : 'signed out'}</p>;
}

describe('session hooks', () => {
  it('sign-in and sign-out update readers and empty the query cache', () => {
    const store = createSessionStore();
    const queryClient = new QueryClient();
    const { container } = render(
      <SessionProvider store={store}>
        <Probe />
      </SessionProvider>,
      queryClient,
    );
    expect(container.querySelector('p')?.textContent).toBe('signed out');

    queryClient.setQueryData(['left', 'over'], 'from an earlier session');
    act(() => probe.signIn?.(session));
    expect(container.querySelector('p')?.textContent).toBe('Demo Firm LLP');
    expect(queryClient.getQueryData(['left', 'over'])).toBeUndefined();

    queryClient.setQueryData(['matters'], ['confidential']);
    act(() => probe.signOut?.());
    expect(container.querySelector('p')?.textContent).toBe('signed out');
    expect(store.get()).toBeNull();
    expect(queryClient.getQueryData(['matters'])).toBeUndefined();
  });
});

describe('SessionProvider', () => {
  it('drops every cached response when the account changes, and only then', () => {
    const store = createSessionStore(session);
    const queryClient = new QueryClient();
    render(
      <SessionProvider store={store}>
        <Probe />
      </SessionProvider>,
      queryClient,
    );

    queryClient.setQueryData(['matters'], ['of Demo Firm LLP']);
    act(() => store.set({ ...session, access_token: 'renewed' }));
    expect(queryClient.getQueryData(['matters'])).toEqual(['of Demo Firm LLP']);

    // Another tab switched account: the renewal brings back a session of another membership.
    act(() => store.set(fakeSession({ id: 'm2', firm_name: 'Harbor & Vale LLP' })));
    expect(queryClient.getQueryData(['matters'])).toBeUndefined();
  });
});
