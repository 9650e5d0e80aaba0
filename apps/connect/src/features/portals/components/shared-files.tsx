import { DocumentPreview, type PreviewableDocument } from '@chambers/ui/document-preview';
import { downloadFile } from '@chambers/ui/file-download';
import { PagedList } from '@chambers/ui/paged-list';
import { type SendFile, UploadQueueList, useUploadQueue } from '@chambers/ui/upload-queue';
import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../../../lib/api-client';
import { useSharedResources } from '../api/get-shared-resources';
import { uploadToPortal } from '../api/upload-to-portal';
import { SharedDocumentRow } from './shared-document-row';
import { SharedFolder } from './shared-folder';

/** The portal's shared folders and documents: preview, download, and upload (while it is open). */
export function SharedFiles({ portalId, closed }: { portalId: string; closed: boolean }) {
  const resources = useSharedResources(portalId);
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<PreviewableDocument | null>(null);
  const resetPicker = useRef<() => void>(null);

  const send: SendFile = async (item, { signal, onProgress }) => {
    await uploadToPortal(portalId, [{ file: item.file, name: item.name }], {
      signal,
      onProgress,
      idempotencyKey: item.idempotencyKey,
    });
  };
  const queue = useUploadQueue(send, () =>
    queryClient.invalidateQueries({ queryKey: ['portals', portalId, 'shared-resources'] }),
  );

  function download(documentId: string, name: string) {
    downloadFile(api, `/api/v1/documents/${documentId}/download`, name).catch(() =>
      notifications.show({ color: 'red', message: `Could not download ${name}.` }),
    );
  }

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" size="sm">
          {closed
            ? 'This portal is closed: its files can be opened, not added to.'
            : 'Files shared with you, and yours.'}
        </Text>
        <FileButton
          multiple
          resetRef={resetPicker}
          disabled={closed}
          onChange={(files) => {
            queue.add(files);
            resetPicker.current?.();
          }}
        >
          {(props) => (
            <Button {...props} leftSection={<IconUpload aria-hidden size={16} />} disabled={closed}>
              Upload files
            </Button>
          )}
        </FileButton>
      </Group>
      <UploadQueueList queue={queue} />
      <PagedList query={resources} empty="Nothing is shared here yet." loadingLabel="Loading shared files">
        {(rows) => (
          <Stack
            component="ul"
            gap="xs"
            aria-label="Shared files"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {rows.map((resource) =>
              resource.resource_type === 'folder' ? (
                <SharedFolder
                  key={resource.id}
                  portalId={portalId}
                  folderId={resource.resource_id}
                  name={resource.name}
                  onPreview={setPreview}
                  onDownload={download}
                />
              ) : (
                <SharedDocumentRow
                  key={resource.id}
                  documentId={resource.resource_id}
                  name={resource.name}
                  onPreview={setPreview}
                  onDownload={download}
                />
              ),
            )}
          </Stack>
        )}
      </PagedList>
      <DocumentPreview api={api} document={preview} onClose={() => setPreview(null)} />
    </Stack>
  );
}
