import type { Session } from '@chambers/contracts/auth';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSessionRenewal, renewalDelaySeconds, type SessionRenewalOptions } from './session-renewal';
import { createSessionStore } from './session-store';
import { deferred, problem, sessionWith } from './test/sessions';

const renewals: { dispose(): void }[] = [];

function renewalFor(options: Partial<SessionRenewalOptions> & Pick<SessionRenewalOptions, 'refresh'>) {
  const store = options.store ?? createSessionStore();
  const renewal = createSessionRenewal({ lock: (task) => task(), ...options, store });
  renewals.push(renewal);
  return { store, renewal };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const renewal of renewals.splice(0)) renewal.dispose();
  vi.useRealTimers();
});

describe('renew', () => {
  it('shares one refresh between concurrent callers and keeps the new session', async () => {
    const answer = deferred<Session>();
    const refresh = vi.fn(() => answer.promise);
    const { store, renewal } = renewalFor({ refresh });

    const first = renewal.renew();
    const second = renewal.renew();
    expect(refresh).toHaveBeenCalledTimes(1);

    const next = sessionWith('t2');
    answer.resolve(next);
    await expect(Promise.all([first, second])).resolves.toEqual([next, next]);
    expect(store.get()).toBe(next);

    // Once settled, the next call asks again (the cookie has rotated).
    refresh.mockResolvedValueOnce(sessionWith('t3'));
    await renewal.renew();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('empties the store when the session is over', async () => {
    const { store, renewal } = renewalFor({
      store: createSessionStore(sessionWith('t1')),
      refresh: () => Promise.reject(problem(401, 'unauthenticated')),
    });
    await expect(renewal.renew()).resolves.toBeNull();
    expect(store.get()).toBeNull();
  });

  it('keeps the session when the server could not answer', async () => {
    const session = sessionWith('t1');
    const { store, renewal } = renewalFor({
      store: createSessionStore(session),
      refresh: () => Promise.reject(problem(0, 'network_error')),
    });
    await expect(renewal.renew()).rejects.toMatchObject({ code: 'network_error' });
    expect(store.get()).toBe(session);
  });

  it('lets a sign-out made meanwhile stand', async () => {
    const answer = deferred<Session>();
    const { store, renewal } = renewalFor({
      store: createSessionStore(sessionWith('t1')),
      refresh: () => answer.promise,
    });

    const renewing = renewal.renew();
    store.set(null);
    answer.resolve(sessionWith('t2'));
    await expect(renewing).resolves.toBeNull();
    expect(store.get()).toBeNull();
  });

  it('lets an account switch made meanwhile stand, even when the refresh then fails', async () => {
    const answer = deferred<Session>();
    const { store, renewal } = renewalFor({
      store: createSessionStore(sessionWith('t1')),
      refresh: () => answer.promise,
    });

    const renewing = renewal.renew();
    const switched = sessionWith('other-account');
    store.set(switched);
    answer.reject(problem(401, 'unauthenticated'));
    await expect(renewing).resolves.toBe(switched);
    expect(store.get()).toBe(switched);
  });

  it('renews under the lock', async () => {
    const order: string[] = [];
    const { renewal } = renewalFor({
      refresh: async () => {
        order.push('refresh');
        return sessionWith('t2');
      },
      lock: async (task) => {
        order.push('lock');
        try {
          return await task();
        } finally {
          order.push('unlock');
        }
      },
    });
    await renewal.renew();
    expect(order).toEqual(['lock', 'refresh', 'unlock']);
  });
});

describe('scheduled renewal', () => {
  it('renews a minute before the access token expires, and again for the next one', async () => {
    const refresh = vi.fn(async () => sessionWith(`t${refresh.mock.calls.length + 1}`));
    const { store } = renewalFor({ store: createSessionStore(sessionWith('t1', 900)), refresh });

    await vi.advanceTimersByTimeAsync(839_000);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(store.get()?.access_token).toBe('t2');

    await vi.advanceTimersByTimeAsync(840_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('starts with every new session and stops on sign-out', async () => {
    const refresh = vi.fn(async () => sessionWith('renewed'));
    const { store } = renewalFor({ refresh });

    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(refresh).not.toHaveBeenCalled();

    store.set(sessionWith('signed-in'));
    store.set(null);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('tries again while the token still works when the server could not answer', async () => {
    const refresh = vi
      .fn<() => Promise<Session>>()
      .mockRejectedValueOnce(problem(503))
      .mockResolvedValueOnce(sessionWith('t2'));
    const { store } = renewalFor({ store: createSessionStore(sessionWith('t1', 900)), refresh });

    await vi.advanceTimersByTimeAsync(840_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(store.get()?.access_token).toBe('t1');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(store.get()?.access_token).toBe('t2');
  });

  it('signs out when the scheduled renewal finds the session over', async () => {
    const { store } = renewalFor({
      store: createSessionStore(sessionWith('t1', 900)),
      refresh: () => Promise.reject(problem(401)),
    });
    await vi.advanceTimersByTimeAsync(840_000);
    expect(store.get()).toBeNull();
  });

  it('waits for an exclusive call (a switch) to finish before renewing', async () => {
    const refresh = vi.fn(async () => sessionWith('renewed'));
    const { renewal } = renewalFor({ store: createSessionStore(sessionWith('t1', 900)), refresh });

    const switching = deferred<string>();
    const done = renewal.exclusive(() => switching.promise);
    await vi.advanceTimersByTimeAsync(840_000);
    expect(refresh).not.toHaveBeenCalled();

    switching.resolve('failed, session unchanged');
    await expect(done).resolves.toBe('failed, session unchanged');
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('runs an exclusive call only once the renewal in flight is done', async () => {
    const answer = deferred<Session>();
    const { renewal } = renewalFor({
      store: createSessionStore(sessionWith('t1')),
      refresh: () => answer.promise,
    });
    const task = vi.fn(async () => 'switched');

    void renewal.renew();
    const done = renewal.exclusive(task);
    await vi.advanceTimersByTimeAsync(0);
    expect(task).not.toHaveBeenCalled();

    answer.resolve(sessionWith('t2'));
    await expect(done).resolves.toBe('switched');
    expect(task).toHaveBeenCalledTimes(1);
  });
});

describe('tokenAfterRejection', () => {
  it('renews once for every request rejected with the same token', async () => {
    const answer = deferred<Session>();
    const refresh = vi.fn(() => answer.promise);
    const { renewal } = renewalFor({ store: createSessionStore(sessionWith('t1')), refresh });

    const tokens = Promise.all([
      renewal.tokenAfterRejection('t1'),
      renewal.tokenAfterRejection('t1'),
      renewal.tokenAfterRejection('t1'),
    ]);
    answer.resolve(sessionWith('t2'));
    await expect(tokens).resolves.toEqual(['t2', 't2', 't2']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('hands out a token renewed meanwhile without renewing again', async () => {
    const refresh = vi.fn(async () => sessionWith('t3'));
    const { renewal } = renewalFor({ store: createSessionStore(sessionWith('t2')), refresh });
    await expect(renewal.tokenAfterRejection('t1')).resolves.toBe('t2');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('has nothing to offer once signed out', async () => {
    const refresh = vi.fn(async () => sessionWith('t2'));
    const { renewal } = renewalFor({ refresh });
    await expect(renewal.tokenAfterRejection('t1')).resolves.toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe('renewalDelaySeconds', () => {
  it('renews a margin before expiry, but never before half the lifetime', () => {
    expect(renewalDelaySeconds(900, 60)).toBe(840);
    expect(renewalDelaySeconds(60, 60)).toBe(30);
  });
});
