import '@mantine/dropzone/styles.css';
import { Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

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
  const dragging = useDraggingFiles();
  return (
    <Dropzone.FullScreen
      active
      onDrop={onDrop}
      // Refusal is the server's job (it judges types from the bytes): the drop zone takes anything.
      onReject={(rejections) => onDrop(rejections.map((rejection) => rejection.file))}
      disabled={disabled}
      activateOnKeyboard={false}
    >
      {/* The overlay is only transparent between drags: its words are there only during one. */}
      {dragging && (
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
      )}
    </Dropzone.FullScreen>
  );
}

/** Whether files are being dragged over the window (the overlay's own state is not exposed). */
function useDraggingFiles(): boolean {
  const [depth, setDepth] = useState(0);
  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) setDepth((current) => current + 1);
    };
    const leave = () => setDepth((current) => Math.max(0, current - 1));
    const end = () => setDepth(0);
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', end);
    document.addEventListener('dragend', end);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', end);
      document.removeEventListener('dragend', end);
    };
  }, []);
  return depth > 0;
}
