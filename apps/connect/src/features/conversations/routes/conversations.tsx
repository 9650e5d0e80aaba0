import { PagedList } from '@chambers/ui/paged-list';
import { Button, Group, Stack, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { matterChoicesQueryOptions } from '../../../components/add-time-modal';
import { pageTitle } from '../../../lib/product';
import { useConversations } from '../api/get-conversations';
import { ConversationRow } from '../components/conversation-row';
import { NewConversationModal } from '../components/new-conversation-modal';

/** Communications: the conversations the person takes part in, unread ones marked, and "New message". */
export function Component() {
  useDocumentTitle(pageTitle('Communications'));
  const conversations = useConversations();
  // Matter names come only from the matters shared with the person; others stay unnamed.
  const matters = useQuery(matterChoicesQueryOptions());
  const matterNames = new Map((matters.data ?? []).map((m) => [m.id, `${m.number} · ${m.description}`]));
  const [composing, compose] = useDisclosure(false);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Communications</Title>
        <Button leftSection={<IconPlus aria-hidden size={16} />} onClick={compose.open}>
          New message
        </Button>
      </Group>
      <PagedList query={conversations} empty="No conversations yet." loadingLabel="Loading conversations">
        {(rows) => (
          <Stack
            component="ul"
            gap="sm"
            aria-label="Conversations"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {rows.map((conversation) => (
              <ConversationRow
                key={conversation.id}
                conversation={conversation}
                matterName={conversation.matter_id ? matterNames.get(conversation.matter_id) : undefined}
              />
            ))}
          </Stack>
        )}
      </PagedList>
      <NewConversationModal opened={composing} onClose={compose.close} />
    </Stack>
  );
}
