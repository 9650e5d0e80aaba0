import { AccountMenu } from '@chambers/ui/account-menu';
import { useMe } from '@chambers/ui/auth-api';
import { TimeZoneProvider } from '@chambers/ui/date-time';
import { useSession } from '@chambers/ui/session';
import { ActionIcon, AppShell, Box, Group, Indicator, Text, Tooltip } from '@mantine/core';
import { IconInbox, IconSettings } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { useHome } from '../api/get-home';
import { authApi } from '../features/auth/api/auth-api';
import { paths } from '../lib/paths';
import { appNames, productName } from '../lib/product';
import { SectionNav } from './section-nav';

/**
 * The frame of every signed-in Connect page: the header (product, inbox, profile, accounts), the
 * section tabs for co-counsel, and the page. Times below are shown in the person's own zone.
 */
export function Component() {
  const session = useSession();
  const me = useMe(authApi);
  if (!session) return null;
  const isClient = session.membership.role === 'client';

  return (
    <TimeZoneProvider timeZone={me.data?.time_zone}>
      <AppShell header={{ height: isClient ? 56 : 96 }} padding="md">
        <AppShell.Header>
          <Group h={56} px="md" justify="space-between" wrap="nowrap" gap="xs">
            <Text component={Link} to={paths.home} fw={700} size="lg" c="inherit" td="none" truncate>
              {productName}
            </Text>
            <Group gap={4} wrap="nowrap">
              <InboxButton />
              <Tooltip label="Profile settings">
                <ActionIcon
                  component={Link}
                  to={paths.profile}
                  variant="subtle"
                  color="dark"
                  size="lg"
                  aria-label="Profile settings"
                >
                  <IconSettings aria-hidden size={20} />
                </ActionIcon>
              </Tooltip>
              <AccountMenu auth={authApi} appNames={appNames} />
            </Group>
          </Group>
          {!isClient && (
            <Box px="md">
              <SectionNav />
            </Box>
          )}
        </AppShell.Header>
        {/* A page keeps no state (a half-filled form, a scroll position) from the previous account. */}
        <AppShell.Main key={session.membership.id}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </TimeZoneProvider>
  );
}

/** The header's inbox: unread messages across conversations and portals, opening the conversations. */
function InboxButton() {
  const session = useSession();
  const home = useHome();
  const unread =
    home.data?.view === 'external'
      ? home.data.unread_conversations.unread_messages +
        home.data.portals.items.reduce((sum, portal) => sum + portal.unread_count, 0)
      : 0;
  const target = session?.membership.role === 'client' ? paths.home : paths.conversations;
  const label = unread > 0 ? `Messages, ${unread} unread` : 'Messages';
  return (
    <Tooltip label={label}>
      <Indicator label={unread} size={16} disabled={unread === 0} offset={4}>
        <ActionIcon component={Link} to={target} variant="subtle" color="dark" size="lg" aria-label={label}>
          <IconInbox aria-hidden size={20} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
