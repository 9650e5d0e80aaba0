import type { ApiClient, DataEnvelope, PageEnvelope } from '@chambers/api-client/client';
import type { SessionRenewal } from '@chambers/api-client/session-renewal';
import type { MembershipSummary, Session, SwitchRequest } from '@chambers/contracts/auth';
import type { Me } from '@chambers/contracts/me';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { accountSwitchOptions, useAccountSwitch } from './account-switch';
import { endSessionOptions, useEndSession } from './end-session';

export interface AuthApiOptions {
  /** The app's one API client. */
  api: ApiClient;
  /** The app's session renewal: switching and signing out replace the refresh cookie, so run exclusively. */
  sessionRenewal: Pick<SessionRenewal, 'exclusive'>;
  /** Where a switch to an account of this app lands, and where signing out leaves. */
  paths: { home: string; signIn: string };
}

/**
 * The signed-in person's endpoints, the same in both SPAs: each fetcher with its `queryOptions`
 * or mutation options, bound once to the app's API client and session renewal. The hooks below
 * take that binding.
 */
export function createAuthApi({ api, sessionRenewal, paths }: AuthApiOptions) {
  /** `GET /api/v1/me`: the signed-in person and the account this session acts as. */
  async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me> {
    const envelope = await api.request<DataEnvelope<Me>>('GET', '/api/v1/me', { signal });
    return envelope.data;
  }

  const meQueryOptions = () =>
    queryOptions({ queryKey: ['me'], queryFn: ({ signal }) => getMe({ signal }), staleTime: 5 * 60_000 });

  /**
   * `GET /api/v1/me/memberships`, every page (a person has a handful of accounts). `as` asks with a
   * session that is not kept yet (sign-in choosing an account of this app) instead of the current one.
   */
  async function getMyMemberships(as?: Session, signal?: AbortSignal): Promise<MembershipSummary[]> {
    const accounts: MembershipSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.request<PageEnvelope<MembershipSummary>>('GET', '/api/v1/me/memberships', {
        query: { limit: 200, cursor },
        signal,
        ...(as ? { accessToken: as.access_token } : {}),
      });
      accounts.push(...page.data);
      cursor = page.meta.next_cursor ?? undefined;
    } while (cursor);
    return accounts;
  }

  const myMembershipsQueryOptions = () =>
    queryOptions({
      queryKey: ['me', 'memberships'],
      queryFn: ({ signal }) => getMyMemberships(undefined, signal),
      staleTime: 5 * 60_000,
    });

  /**
   * `POST /api/v1/auth/switch`: a session as another account of the same person; the API ends the
   * current one. `as` switches from a session that is not kept yet (sign-in) instead.
   */
  async function switchAccount(membershipId: string, as?: Session): Promise<Session> {
    const body: SwitchRequest = { membership_id: membershipId };
    const envelope = await sessionRenewal.exclusive(() =>
      api.request<DataEnvelope<Session>>('POST', '/api/v1/auth/switch', {
        body,
        ...(as ? { accessToken: as.access_token } : {}),
      }),
    );
    return envelope.data;
  }

  const switchAccountMutationOptions = () =>
    accountSwitchOptions({ switchAccount: (membershipId) => switchAccount(membershipId) });

  /**
   * `POST /api/v1/auth/logout`: ends the session and clears the refresh cookie. `as` ends a session
   * that was opened but not kept (sign-in turning an account away) instead of the current one.
   */
  function logout(as?: Session): Promise<void> {
    return sessionRenewal.exclusive(() =>
      api.request<void>('POST', '/api/v1/auth/logout', as ? { accessToken: as.access_token } : {}),
    );
  }

  const logoutMutationOptions = () => endSessionOptions({ logout: () => logout() });

  return {
    getMe,
    meQueryOptions,
    getMyMemberships,
    myMembershipsQueryOptions,
    switchAccount,
    switchAccountMutationOptions,
    logout,
    logoutMutationOptions,
    paths,
  };
}

export type AuthApi = ReturnType<typeof createAuthApi>;

export function useMe(auth: AuthApi) {
  return useQuery(auth.meQueryOptions());
}

export function useMyMemberships(auth: AuthApi) {
  return useQuery(auth.myMembershipsQueryOptions());
}

/** Switches account: one of this app opens on its home page, one of the other app there. */
export function useSwitchAccount(auth: AuthApi) {
  return useAccountSwitch(auth.switchAccountMutationOptions(), auth.paths.home);
}

/** Signs out and shows sign-in; the session and the cache are forgotten once the API has ended it. */
export function useLogout(auth: AuthApi) {
  return useEndSession(auth.logoutMutationOptions(), auth.paths.signIn);
}
