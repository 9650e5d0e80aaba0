import type { DataEnvelope } from '@chambers/api-client/client';
import type { Session, SwitchRequest } from '@chambers/contracts/auth';
import { accountSwitchOptions, useAccountSwitch } from '@chambers/ui/account-switch';
import { api, sessionRenewal } from '../../../lib/api-client';
import { paths } from '../../../lib/paths';

/**
 * `POST /api/v1/auth/switch`: a session as another account of the same person; the API ends the
 * current one. `as` switches from a session that is not kept yet (sign-in) instead.
 */
export async function switchAccount(membershipId: string, as?: Session): Promise<Session> {
  const body: SwitchRequest = { membership_id: membershipId };
  const envelope = await sessionRenewal.exclusive(() =>
    api.request<DataEnvelope<Session>>('POST', '/api/v1/auth/switch', {
      body,
      ...(as ? { accessToken: as.access_token } : {}),
    }),
  );
  return envelope.data;
}

export const switchAccountMutationOptions = () =>
  accountSwitchOptions({ switchAccount: (membershipId) => switchAccount(membershipId) });

/** Switches account: a firm account opens on Manage's home page, a Connect account in Connect. */
export function useSwitchAccount() {
  return useAccountSwitch(switchAccountMutationOptions(), paths.home);
}
