import type { Message, MessageAttachment } from '@chambers/contracts/conversations';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDateTime, useTimeZone } from './date-time';

export interface MessageThreadProps {
  /** Oldest first, as the API lists them. */
  messages: Message[];
  /** Fetches an attachment with the session's token and saves it (see `downloadFile`). */
  onDownload: (attachment: MessageAttachment) => void;
  /** Extra actions under a message, e.g. "Add time". */
  actions?: (message: Message) => ReactNode;
}

/** A conversation's messages: author, time in the person's zone, the body as typed, attachments. */
export function MessageThread({ messages, onDownload, actions }: MessageThreadProps) {
  const timeZone = useTimeZone();
  return (
    <Stack gap="sm" component="ol" aria-label="Messages" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {messages.map((message) => {
        const when = formatDateTime(message.created_at, timeZone);
        return (
          <li key={message.id}>
            <Paper
              withBorder
              p="sm"
              component="article"
              aria-label={`Message from ${message.author.name}, ${when}`}
            >
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {message.author.name}
                </Text>
                <Text size="sm" c="dimmed" component="time" dateTime={message.created_at}>
                  {when}
                </Text>
              </Group>
              {/* Bodies are plain text: shown as typed, line breaks kept, never as markup. */}
              <Text mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {message.body}
              </Text>
              {message.attachments.length > 0 && (
                <Group gap="xs" mt="xs" wrap="wrap">
                  {message.attachments.map((attachment) => (
                    <Button
                      key={attachment.document_id}
                      size="xs"
                      variant="light"
                      leftSection={<IconPaperclip aria-hidden size={14} />}
                      onClick={() => onDownload(attachment)}
                      aria-label={`Download ${attachment.name}`}
                      styles={{ label: { whiteSpace: 'normal', overflowWrap: 'anywhere' } }}
                      h="auto"
                      py={4}
                    >
                      {attachment.name} ({formatSize(attachment.size)})
                    </Button>
                  ))}
                </Group>
              )}
              {actions && (
                <Group gap="xs" mt="xs" data-print-hidden>
                  {actions(message)}
                </Group>
              )}
            </Paper>
          </li>
        );
      })}
    </Stack>
  );
}

/** A byte count as a person reads it: 512 B, 14 KB, 1.8 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
