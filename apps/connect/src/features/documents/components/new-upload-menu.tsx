import { Button, Group, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconFileUpload, IconFolderUp, IconPlus } from '@tabler/icons-react';
import { type ChangeEvent, useRef } from 'react';

export interface NewUploadMenuProps {
  onFiles: (files: File[]) => void;
  /** Why uploading is not possible here; `null` when it is. */
  disabledReason: string | null;
}

/** "New" → "File upload" or "Folder upload": each opens the browser's own picker. */
export function NewUploadMenu({ onFiles, disabledReason }: NewUploadMenuProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  function picked(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.currentTarget.files ?? []);
    // Cleared so that picking the same file again still reports a change.
    event.currentTarget.value = '';
    if (files.length > 0) onFiles(files);
  }

  const button = (
    <Button
      leftSection={<IconPlus aria-hidden size={16} />}
      rightSection={<IconChevronDown aria-hidden size={14} />}
      disabled={disabledReason !== null}
      aria-describedby={disabledReason ? 'new-upload-reason' : undefined}
    >
      New
    </Button>
  );

  return (
    <>
      {disabledReason ? (
        <Group gap="xs" wrap="wrap">
          {button}
          <Text id="new-upload-reason" size="sm" c="dimmed">
            {disabledReason}
          </Text>
        </Group>
      ) : (
        <Menu position="bottom-end">
          <Menu.Target>{button}</Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconFileUpload aria-hidden size={16} />}
              onClick={() => fileInput.current?.click()}
            >
              File upload
            </Menu.Item>
            <Menu.Item
              leftSection={<IconFolderUp aria-hidden size={16} />}
              onClick={() => folderInput.current?.click()}
            >
              Folder upload
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      <input ref={fileInput} type="file" multiple hidden aria-label="Files to upload" onChange={picked} />
      <input
        // `webkitdirectory` (every current browser) picks a whole folder; each file keeps its path in it.
        ref={(input) => {
          folderInput.current = input;
          input?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        aria-label="Folder to upload"
        onChange={picked}
      />
    </>
  );
}
