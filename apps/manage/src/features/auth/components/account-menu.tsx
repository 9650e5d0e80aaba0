import { useSession } from '@chambers/ui/session';
import { UserMenu } from '@chambers/ui/user-menu';
import { appNames } from '../../../lib/product';
import { useMe } from '../api/get-me';
import { useMyMemberships } from '../api/get-my-memberships';
import { useLogout } from '../api/logout';
import { useSwitchAccount } from '../api/switch-account';

/** The header's menu: the signed-in person, their accounts to switch between, and sign-out. */
export function AccountMenu() {
  const session = useSession();
  const me = useMe();
  const accounts = useMyMemberships();
  const switchAccount = useSwitchAccount();
  const logout = useLogout();
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
