import type { Conversation } from '@chambers/contracts/conversations';
import { DateTime } from '@chambers/ui/date-time';
import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import { pathTo } from '../../../lib/paths';

export interface ConversationRowProps {
  conversation: Conversation;
  /** The matter's name, when the matter is one shared with the person. */
  matterName?: string;
}

/** One conversation in the list: subject (bold while unread), matter, people, last activity. */
export function ConversationRow({ conversation, matterName }: ConversationRowProps) {
  const unread = conversation.unread_count > 0;
  const people = conversation.participants.map((p) => p.person.name).join(', ');
  return (
    <Paper component="li" withBorder p="sm" data-unread={unread || undefined}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Anchor
          component={Link}
          to={pathTo.conversation(conversation.id)}
          fw={unread ? 700 : 500}
          style={{ overflowWrap: 'anywhere', minWidth: 0 }}
        >
          {conversation.subject}
        </Anchor>
        <Group gap="xs" wrap="nowrap">
          {unread && (
            <Badge color="blue" variant="filled">
              {conversation.unread_count} unread
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            <DateTime value={conversation.last_message_at} />
          </Text>
        </Group>
      </Group>
      {matterName && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {matterName}
        </Text>
      )}
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {people}
      </Text>
    </Paper>
  );
}
