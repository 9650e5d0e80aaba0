import { createSessionStore } from '@chambers/api-client/session-store';
import type { Session } from '@chambers/contracts/auth';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SessionProvider } from './session';
import { SessionGate } from './session-gate';
import { renderAsync } from './test/render';
import { fakeSession } from './test/sessions';

/** Manage's gate around a stand-in for its router, restoring from `restoring`. */
async function renderManage(restoring: Promise<unknown>, store = createSessionStore()) {
  const leave = vi.fn();
  const { container } = await renderAsync(
    <SessionProvider store={store}>
      <SessionGate
        restoring={restoring}
        portal="manage"
        otherAppUrl="/connect/"
        otherAppName="Chambers Connect"
        leave={leave}
      >
        <h1>Manage</h1>
      </SessionGate>
    </SessionProvider>,
  );
  return { container, leave, store };
}

describe('SessionGate', () => {
  it('shows a loader, not the app, until the session is restored', async () => {
    let restore!: (session: Session | null) => void;
    const restoring = new Promise<Session | null>((resolve) => {
      restore = resolve;
    });
    const { container, leave } = await renderManage(restoring);

    expect(container.querySelector('h1')).toBeNull();
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Loading…');

    await act(async () => restore(null));
    expect(container.querySelector('h1')?.textContent).toBe('Manage');
    expect(container.querySelector('[role="status"]')).toBeNull();
    expect(leave).not.toHaveBeenCalled();
  });

  it('takes a session of the other app there', async () => {
    const store = createSessionStore(fakeSession({ portal: 'connect', role: 'co_counsel' }));
    const restoring = Promise.resolve();
    const { container, leave } = await renderManage(restoring, store);

    expect(leave).toHaveBeenCalledWith('/connect/');
    expect(container.querySelector('h1')).toBeNull();
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Opening Chambers Connect…');
  });

  it('hands over when the session moves to the other app later (a switch)', async () => {
    const store = createSessionStore(fakeSession({ portal: 'manage' }));
    const restoring = Promise.resolve();
    const { container, leave } = await renderManage(restoring, store);
    expect(container.querySelector('h1')?.textContent).toBe('Manage');

    act(() => store.set(fakeSession({ id: 'm2', portal: 'connect', role: 'co_counsel' })));
    expect(leave).toHaveBeenCalledWith('/connect/');
    expect(container.querySelector('h1')).toBeNull();
  });
});
