import type { PageEnvelope } from '@chambers/api-client/client';
import type { MembershipSummary, Session } from '@chambers/contracts/auth';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/**
 * `GET /api/v1/me/memberships`, every page (a person has a handful of accounts). `as` asks with a
 * session that is not kept yet (sign-in choosing an account of this app) instead of the current one.
 */
export async function getMyMemberships(as?: Session, signal?: AbortSignal): Promise<MembershipSummary[]> {
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

export const myMembershipsQueryOptions = () =>
  queryOptions({
    queryKey: ['me', 'memberships'],
    queryFn: ({ signal }) => getMyMemberships(undefined, signal),
    staleTime: 5 * 60_000,
  });

export function useMyMemberships() {
  return useQuery(myMembershipsQueryOptions());
}
