import {
  ActionIcon,
  Alert,
  Button,
  CloseButton,
  FileButton,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { IconPaperclip, IconSend } from '@tabler/icons-react';
import { type FormEvent, useRef, useState } from 'react';
import { errorMessage } from './query-state';

/** What the person typed and picked. */
export interface MessageDraft {
  body: string;
  files: File[];
}

export interface MessageComposerProps {
  /** Uploads the files (reporting 0..1 progress), then posts the message; a rejection is shown. */
  onSend: (draft: MessageDraft, onProgress: (fraction: number) => void) => Promise<void>;
  /** Why posting is not possible (e.g. a closed portal); the composer is disabled and says so. */
  disabledReason?: string | null;
  label?: string;
  /** False where nothing can be attached (e.g. a conversation about no matter). */
  allowAttachments?: boolean;
  className?: string;
}

interface PickedFile {
  key: string;
  file: File;
}

let nextKey = 0;

/** Reply box: a message, attachments picked with the paperclip, a progress bar while they go up. */
export function MessageComposer({
  onSend,
  disabledReason,
  label = 'Reply',
  allowAttachments = true,
  className,
}: MessageComposerProps) {
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missingBody, setMissingBody] = useState(false);
  // Clears the hidden file input, so picking the same file again is seen as a change.
  const resetPicker = useRef<() => void>(null);
  const disabled = Boolean(disabledReason);
  const sending = progress !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setMissingBody(true);
      return;
    }
    setMissingBody(false);
    setError(null);
    setProgress(0);
    try {
      await onSend({ body, files: files.map((picked) => picked.file) }, setProgress);
      setBody('');
      setFiles([]);
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Paper
      component="form"
      onSubmit={submit}
      noValidate
      withBorder
      p="sm"
      className={className}
      data-print-hidden
    >
      <Stack gap="xs">
        {disabledReason && (
          <Text size="sm" c="dimmed">
            {disabledReason}
          </Text>
        )}
        <Textarea
          label={label}
          placeholder="Write a message"
          autosize
          minRows={2}
          maxRows={8}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          disabled={disabled || sending}
          error={missingBody ? 'Write a message first' : undefined}
        />
        {files.length > 0 && (
          <Stack
            gap={4}
            component="ul"
            aria-label="Attachments"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {files.map(({ key, file }) => (
              <Group component="li" key={key} gap="xs" wrap="nowrap">
                <IconPaperclip aria-hidden size={14} />
                <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                  {file.name}
                </Text>
                <CloseButton
                  size="sm"
                  aria-label={`Remove attachment ${file.name}`}
                  disabled={sending}
                  onClick={() => setFiles((current) => current.filter((picked) => picked.key !== key))}
                />
              </Group>
            ))}
          </Stack>
        )}
        {sending && files.length > 0 && (
          <Progress value={Math.round(progress * 100)} aria-label="Uploading attachments" size="sm" />
        )}
        {error !== null && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Group justify="space-between" gap="xs">
          {allowAttachments ? (
            <FileButton
              multiple
              resetRef={resetPicker}
              onChange={(picked) => {
                setFiles((current) => [
                  ...current,
                  ...picked.map((file) => ({ key: `file-${++nextKey}`, file })),
                ]);
                resetPicker.current?.();
              }}
              disabled={disabled || sending}
            >
              {(props) => (
                <Tooltip label="Attach files">
                  <ActionIcon
                    {...props}
                    variant="default"
                    size="lg"
                    aria-label="Attach files"
                    disabled={disabled || sending}
                  >
                    <IconPaperclip aria-hidden size={18} />
                  </ActionIcon>
                </Tooltip>
              )}
            </FileButton>
          ) : (
            <span />
          )}
          <Button
            type="submit"
            rightSection={<IconSend aria-hidden size={16} />}
            loading={sending}
            disabled={disabled}
          >
            Send
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
