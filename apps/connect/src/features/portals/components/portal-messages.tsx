import { downloadFile } from '@chambers/ui/file-download';
import { MessageComposer } from '@chambers/ui/message-composer';
import { MessageThread } from '@chambers/ui/message-thread';
import { PagedList } from '@chambers/ui/paged-list';
import { Box, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { api } from '../../../lib/api-client';
import { usePortalMessages } from '../api/get-portal-messages';
import { useMarkPortalRead } from '../api/mark-portal-read';
import { usePostPortalMessage } from '../api/post-portal-message';

/** The portal's thread, read on opening, with the reply box held at the bottom of the screen. */
export function PortalMessages({ portalId, closed }: { portalId: string; closed: boolean }) {
  const messages = usePortalMessages(portalId);
  const send = usePostPortalMessage(portalId);
  const { mutate: read } = useMarkPortalRead();
  const loaded = messages.isSuccess;
  const composer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!loaded) return;
    read(portalId);
    // As a messaging app does, open at the latest message, right above the reply box.
    composer.current?.scrollIntoView({ block: 'end' });
  }, [loaded, portalId, read]);

  function download(attachment: { document_id: string; name: string }) {
    downloadFile(api, `/api/v1/documents/${attachment.document_id}/download`, attachment.name).catch(() =>
      notifications.show({ color: 'red', message: `Could not download ${attachment.name}.` }),
    );
  }

  return (
    <Stack gap="sm">
      <PagedList query={messages} empty="No messages yet." loadingLabel="Loading messages">
        {(rows) => <MessageThread messages={rows} onDownload={download} />}
      </PagedList>
      {/* Like a messaging app: the reply box stays in reach at the bottom while the thread scrolls. */}
      <Box
        ref={composer}
        pos="sticky"
        bottom={0}
        pb="xs"
        bg="var(--mantine-color-body)"
        style={{ zIndex: 1 }}
      >
        <MessageComposer
          onSend={send}
          disabledReason={closed ? 'This portal is closed: you can read it, but not post.' : null}
        />
      </Box>
    </Stack>
  );
}
