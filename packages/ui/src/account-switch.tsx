import type { MembershipSummary, Session } from '@chambers/contracts/auth';
import { mutationOptions } from '@tanstack/react-query';
import { useSessionOpening } from './session-opening';

export interface AccountSwitchOptions {
  /** The app's fetcher for `POST /api/v1/auth/switch`. */
  switchAccount: (membershipId: string) => Promise<Session>;
}

export function accountSwitchOptions({ switchAccount }: AccountSwitchOptions) {
  return mutationOptions({
    mutationKey: ['auth', 'switch'],
    mutationFn: (account: MembershipSummary): Promise<Session> => switchAccount(account.id),
  });
}

/**
 * Switches to another account of the same person. The new session replaces the old one (whose
 * token the API has ended) and the cache starts empty. An account of this app opens on the home
 * page, since the page shown may not exist there; one of the other app is taken there by
 * `SessionGate`.
 */
export function useAccountSwitch(options: ReturnType<typeof accountSwitchOptions>, homePath: string) {
  return useSessionOpening(options, homePath);
}
