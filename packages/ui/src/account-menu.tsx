import type { MembershipSummary } from '@chambers/contracts/auth';
import { type AuthApi, useLogout, useMe, useMyMemberships, useSwitchAccount } from './auth-api';
import { useSession } from './session';
import { UserMenu } from './user-menu';

export interface AccountMenuProps {
  /** The app's binding of the signed-in person's endpoints (`createAuthApi`). */
  auth: AuthApi;
  /** How each app is called, for accounts that open the other one. */
  appNames: Record<MembershipSummary['portal'], string>;
}

/** The header's menu: the signed-in person, their accounts to switch between, and sign-out. */
export function AccountMenu({ auth, appNames }: AccountMenuProps) {
  const session = useSession();
  const me = useMe(auth);
  const accounts = useMyMemberships(auth);
  const switchAccount = useSwitchAccount(auth);
  const logout = useLogout(auth);
  if (!session) return null;

  const failed = switchAccount.error ?? logout.error;
  return (
    <UserMenu
      current={session.membership}
      me={me.data}
      accounts={accounts}
      appNames={appNames}
      onSwitch={(account) => switchAccount.mutate(account)}
      onSignOut={() => logout.mutate()}
      pending={switchAccount.isPending || logout.isPending}
      error={failed}
      onDismissError={() => {
        switchAccount.reset();
        logout.reset();
      }}
    />
  );
}
