import { isApiError } from '@chambers/api-client/api-error';
import type { Message } from '@chambers/contracts/conversations';
import { downloadFile } from '@chambers/ui/file-download';
import { MessageComposer } from '@chambers/ui/message-composer';
import { MessageThread } from '@chambers/ui/message-thread';
import { PagedList } from '@chambers/ui/paged-list';
import { LoadError, Loading } from '@chambers/ui/query-state';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconClockPlus, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AddTimeModal, matterChoicesQueryOptions } from '../../../components/add-time-modal';
import { api } from '../../../lib/api-client';
import { paths } from '../../../lib/paths';
import { pageTitle } from '../../../lib/product';
import { useConversation } from '../api/get-conversation';
import { useMessages } from '../api/get-messages';
import { useMarkRead } from '../api/mark-read';
import { usePostMessage } from '../api/post-message';
import { ConversationNotFound } from '../components/conversation-not-found';
import '../components/print.css';

/** One conversation: its messages oldest first, reply, print, and "Add time" on a message. */
export function Component() {
  const { id = '' } = useParams();
  const conversation = useConversation(id);
  useDocumentTitle(pageTitle(conversation.data?.subject ?? 'Conversation'));

  if (conversation.isPending) return <Loading label="Loading the conversation" />;
  if (conversation.isError) {
    if (isApiError(conversation.error) && conversation.error.status === 404) return <ConversationNotFound />;
    return <LoadError error={conversation.error} onRetry={() => conversation.refetch()} />;
  }
  return (
    <ConversationPage
      id={id}
      subject={conversation.data.subject}
      matterId={conversation.data.matter_id}
      people={conversation.data.participants.map((p) => p.person.name)}
    />
  );
}

interface ConversationPageProps {
  id: string;
  subject: string;
  matterId: string | null;
  people: string[];
}

function ConversationPage({ id, subject, matterId, people }: ConversationPageProps) {
  const messages = useMessages(id);
  const matters = useQuery(matterChoicesQueryOptions());
  const matter = matters.data?.find((m) => m.id === matterId);
  const send = usePostMessage(id, matterId);
  const [timing, setTiming] = useState<Message | null>(null);

  // Opening the conversation reads it: once per visit, after the messages are on screen.
  const markRead = useMarkRead();
  const loaded = messages.isSuccess;
  const { mutate: read } = markRead;
  useEffect(() => {
    if (loaded) read(id);
  }, [loaded, id, read]);

  function download(attachment: { document_id: string; name: string }) {
    downloadFile(api, `/api/v1/documents/${attachment.document_id}/download`, attachment.name).catch(() =>
      notifications.show({ color: 'red', message: `Could not download ${attachment.name}.` }),
    );
  }

  return (
    <Stack>
      <Anchor component={Link} to={paths.conversations} size="sm" data-print-hidden>
        <Group gap={4} component="span">
          <IconArrowLeft aria-hidden size={14} />
          All conversations
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={1} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {subject}
        </Title>
        <Button
          variant="default"
          leftSection={<IconPrinter aria-hidden size={16} />}
          onClick={() => window.print()}
          data-print-hidden
        >
          Print
        </Button>
      </Group>
      {matter && (
        <Text style={{ overflowWrap: 'anywhere' }}>Matter: {`${matter.number} · ${matter.description}`}</Text>
      )}
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        With {people.join(', ')}
      </Text>
      <div data-print-thread>
        <PagedList query={messages} empty="No messages yet." loadingLabel="Loading messages">
          {(rows) => (
            <MessageThread
              messages={rows}
              onDownload={download}
              actions={(message) => (
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconClockPlus aria-hidden size={14} />}
                  onClick={() => setTiming(message)}
                >
                  Add time
                </Button>
              )}
            />
          )}
        </PagedList>
      </div>
      <MessageComposer onSend={send} allowAttachments={matterId !== null} />
      <AddTimeModal
        opened={timing !== null}
        onClose={() => setTiming(null)}
        matterId={matterId}
        defaultDescription={timing?.body ?? ''}
      />
    </Stack>
  );
}
