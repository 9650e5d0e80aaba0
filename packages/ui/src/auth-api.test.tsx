import type { ApiClient, RequestOptions } from '@chambers/api-client/client';
import { describe, expect, it } from 'vitest';
import { createAuthApi } from './auth-api';
import { fakeSession } from './test/sessions';

function fakeApi(answers: unknown[]) {
  const calls: { method: string; path: string; options?: RequestOptions }[] = [];
  const api: ApiClient = {
    request: async <T,>(method: string, path: string, options?: RequestOptions) => {
      calls.push({ method, path, options });
      return answers.shift() as T;
    },
    login: () => Promise.reject(new Error('not used')),
    refreshSession: () => Promise.reject(new Error('not used')),
    requestResponse: () => Promise.reject(new Error('not used')),
    upload: () => Promise.reject(new Error('not used')),
  };
  const exclusive = { runs: 0 };
  const sessionRenewal = {
    exclusive: <T,>(task: () => Promise<T>) => {
      exclusive.runs += 1;
      return task();
    },
  };
  const auth = createAuthApi({ api, sessionRenewal, paths: { home: '/', signIn: '/sign-in' } });
  return { auth, calls, exclusive };
}

describe('createAuthApi', () => {
  it('reads every page of the memberships, with a session not kept yet when given one', async () => {
    const first = fakeSession({ id: 'm1' }).membership;
    const second = fakeSession({ id: 'm2' }).membership;
    const { auth, calls } = fakeApi([
      { data: [first], meta: { next_cursor: 'c2' } },
      { data: [second], meta: { next_cursor: null } },
    ]);

    await expect(auth.getMyMemberships(fakeSession())).resolves.toEqual([first, second]);
    expect(calls.map((call) => call.options?.query)).toEqual([
      { limit: 200, cursor: undefined },
      { limit: 200, cursor: 'c2' },
    ]);
    expect(calls.every((call) => call.options?.accessToken === 'token')).toBe(true);
  });

  it('switches and signs out while no renewal runs', async () => {
    const next = fakeSession({ id: 'm2' });
    const { auth, calls, exclusive } = fakeApi([{ data: next }, undefined]);

    await expect(auth.switchAccount('m2')).resolves.toEqual(next);
    await auth.logout();

    expect(exclusive.runs).toBe(2);
    expect(calls).toEqual([
      { method: 'POST', path: '/api/v1/auth/switch', options: { body: { membership_id: 'm2' } } },
      { method: 'POST', path: '/api/v1/auth/logout', options: {} },
    ]);
  });
});
