import '@mantine/dropzone/styles.css';
import { Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconUpload } from '@tabler/icons-react';

export interface FileDropProps {
  /** Files dropped anywhere on the page; a dropped folder's files carry their `path` inside it. */
  onDrop: (files: File[]) => void;
  /** Why nothing can be dropped here now (no place to upload to); `null` accepts drops. */
  disabledReason?: string | null;
  /** Names the place files go to, e.g. "Pleadings". */
  destination?: string;
}

/**
 * Drag and drop of files or whole folders anywhere on the page: an overlay appears while files are
 * dragged over the window. The drop zone only takes drags; pickers are separate buttons, so it
 * adds no hidden control to the keyboard order.
 */
export function FileDrop({ onDrop, disabledReason = null, destination }: FileDropProps) {
  const disabled = disabledReason !== null;
  return (
    <Dropzone.FullScreen
      active
      onDrop={onDrop}
      // Refusal is the server's job (it judges types from the bytes): the drop zone takes anything.
      onReject={(rejections) => onDrop(rejections.map((rejection) => rejection.file))}
      disabled={disabled}
      activateOnKeyboard={false}
    >
      <Stack align="center" justify="center" mih="60vh" gap="xs" p="md">
        <IconUpload aria-hidden size={48} />
        <Text size="xl" fw={600} ta="center">
          {disabled
            ? disabledReason
            : destination
              ? `Drop files or folders to upload them to ${destination}`
              : 'Drop files or folders to upload them'}
        </Text>
      </Stack>
    </Dropzone.FullScreen>
  );
}
