import type { MembershipSummary, Session } from '@chambers/contracts/auth';

/** A session as the API returns it after a login, for the demo firm's admin by default. */
export function fakeSession(membership: Partial<MembershipSummary> = {}): Session {
  return {
    access_token: 'token',
    token_type: 'Bearer',
    expires_in: 900,
    membership: {
      id: 'm1',
      firm_id: 'f1',
      firm_name: 'Demo Firm LLP',
      role: 'admin',
      portal: 'manage',
      ...membership,
    },
  };
}
