import { isApiError } from '@chambers/api-client/api-error';
import type { MembershipSummary } from '@chambers/contracts/auth';
import {
  Affix,
  Avatar,
  CheckIcon,
  ComboboxChevron,
  Flex,
  Loader,
  Menu,
  Notification,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { roleLabel } from './signed-in-as';

type Portal = MembershipSummary['portal'];

export interface UserMenuProps {
  /** The account this session acts as. */
  current: MembershipSummary;
  /** The person, from `GET /api/v1/me`; `undefined` while it loads. */
  me: { name: string; email: string } | undefined;
  /** Every account of the person, from `GET /api/v1/me/memberships`. */
  accounts: { data: MembershipSummary[] | undefined; isError: boolean };
  /** How each app is called, for accounts that open the other one. */
  appNames: Record<Portal, string>;
  onSwitch: (account: MembershipSummary) => void;
  onSignOut: () => void;
  /** A switch or a sign-out is under way. */
  pending?: boolean;
  /** Why the last switch or sign-out failed, shown until dismissed. */
  error?: unknown;
  onDismissError?: () => void;
}

/**
 * The signed-in person's menu in the header of both SPAs: who they are, their accounts (the
 * current one checked; choosing another switches to it, in this app or the other) and the way
 * out. Mantine's Menu gives it the menu button pattern: arrow keys, Enter, Escape, focus return.
 */
export function UserMenu({
  current,
  me,
  accounts,
  appNames,
  onSwitch,
  onSignOut,
  pending = false,
  error,
  onDismissError,
}: UserMenuProps) {
  const name = me?.name ?? 'Your account';
  const listed = accountsToList(current, accounts.data);

  return (
    <>
      {/* Mantine's focus placeholder is a focusable role="presentation" element, which axe reports
          as an invalid child of role="menu"; keyboard users get the first item focused instead. */}
      <Menu position="bottom-end" width={300} shadow="md" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <UnstyledButton aria-busy={pending || undefined} px="xs" py={4} miw={0} style={{ borderRadius: 4 }}>
            {/* Spans throughout: a button may only hold phrasing content. */}
            <Flex component="span" align="center" gap="xs" wrap="nowrap" miw={0}>
              <Avatar
                component="span"
                name={me?.name}
                size="sm"
                variant="filled"
                visibleFrom="xs"
                aria-hidden
              />
              <Flex component="span" direction="column" miw={0}>
                <Text component="span" size="sm" fw={600} truncate="end">
                  {name}
                </Text>
                <Text component="span" size="xs" c="dimmed" truncate="end" visibleFrom="sm">
                  {roleLabel(current.role)} · {current.firm_name}
                </Text>
              </Flex>
              {pending ? <Loader size={14} aria-hidden /> : <ComboboxChevron aria-hidden />}
            </Flex>
          </UnstyledButton>
        </Menu.Target>

        <Menu.Dropdown>
          {me && (
            <Menu.Label>
              <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
                {me.name}
              </Text>
              <Text size="xs" truncate="end">
                {me.email}
              </Text>
            </Menu.Label>
          )}
          <Menu.Label>Accounts</Menu.Label>
          <Menu.RadioGroup value={current.id}>
            {listed.map((account) => (
              <Menu.RadioItem
                key={account.id}
                value={account.id}
                checkIcon={<CheckIcon size={12} />}
                closeMenuOnClick
                disabled={pending}
                onChange={() => onSwitch(account)}
                rightSection={
                  account.portal === current.portal ? undefined : (
                    <Text component="span" size="xs" c="dimmed">
                      {appNames[account.portal]}
                    </Text>
                  )
                }
              >
                <Text component="span" size="sm" display="block">
                  {account.firm_name}
                </Text>
                <Text component="span" size="xs" c="dimmed" display="block">
                  {roleLabel(account.role)}
                </Text>
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
          {accounts.data === undefined && !accounts.isError && (
            <Menu.Item disabled leftSection={<Loader size={12} aria-hidden />}>
              Loading your accounts
            </Menu.Item>
          )}
          {accounts.isError && <Menu.Item disabled>Your other accounts could not be loaded</Menu.Item>}
          <Menu.Divider />
          <Menu.Item onClick={onSignOut} disabled={pending}>
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      {error !== undefined && error !== null && (
        <Affix position={{ bottom: 16, right: 16 }} maw="calc(100vw - 32px)" w={380}>
          <Notification
            color="red"
            title={isApiError(error) ? error.title : 'Something went wrong'}
            onClose={onDismissError}
            withCloseButton={Boolean(onDismissError)}
            closeButtonProps={{ 'aria-label': 'Dismiss' }}
          >
            {isApiError(error) ? (error.detail ?? error.message) : 'Try again in a moment.'}
          </Notification>
        </Affix>
      )}
    </>
  );
}

/** The accounts to offer: the API's list, with the current one first should the list lack it. */
export function accountsToList(
  current: MembershipSummary,
  accounts: MembershipSummary[] | undefined,
): MembershipSummary[] {
  if (!accounts) return [current];
  return accounts.some((account) => account.id === current.id) ? accounts : [current, ...accounts];
}
