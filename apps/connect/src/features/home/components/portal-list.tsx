import type { Portal } from '@chambers/contracts/portals';
import { useTimeZone } from '@chambers/ui/date-time';
import { PagedList } from '@chambers/ui/paged-list';
import { Avatar, Badge, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { pathTo } from '../../../lib/paths';
import { usePortals } from '../api/get-portals';
import { chatTime } from './chat-time';
import classes from './portal-list.module.css';

function initials(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
}

function PortalRow({ portal }: { portal: Portal }) {
  const timeZone = useTimeZone();
  const unread = portal.unread_count > 0;
  return (
    <li>
      <UnstyledButton component={Link} to={pathTo.portal(portal.id)} className={classes.row}>
        <Group gap="sm" wrap="nowrap" align="center">
          <Avatar color="blue" radius="xl" aria-hidden>
            {initials(portal.name)}
          </Avatar>
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
              <Text fw={unread ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
                {portal.name}
              </Text>
              <Text size="xs" c={unread ? 'blue.8' : 'dimmed'} style={{ flexShrink: 0 }}>
                <time dateTime={portal.last_message_at}>{chatTime(portal.last_message_at, timeZone)}</time>
              </Text>
            </Group>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" truncate>
                {portal.closed_at ? 'Closed by the firm — read only' : unread ? 'New messages' : 'Up to date'}
              </Text>
              {unread && (
                <Badge circle={portal.unread_count < 10} size="md" style={{ flexShrink: 0 }}>
                  {portal.unread_count}
                  <VisuallyHidden> unread</VisuallyHidden>
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>
      </UnstyledButton>
    </li>
  );
}

/** The caller's portals as a messaging app lists its chats: newest activity first, unread counts. */
export function PortalList({ empty }: { empty: string }) {
  const portals = usePortals();
  return (
    <PagedList query={portals} loadingLabel="Loading portals" empty={empty}>
      {(rows) => (
        <ul className={classes.list}>
          {rows.map((portal) => (
            <PortalRow key={portal.id} portal={portal} />
          ))}
        </ul>
      )}
    </PagedList>
  );
}
