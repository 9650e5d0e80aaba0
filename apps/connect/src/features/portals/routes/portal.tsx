import { isApiError } from '@chambers/api-client/api-error';
import type { Portal } from '@chambers/contracts/portals';
import { DateTime } from '@chambers/ui/date-time';
import { LoadError, Loading } from '@chambers/ui/query-state';
import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFiles, IconLock, IconMessages } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { pageTitle } from '../../../lib/product';
import { usePortal } from '../api/get-portal';
import { PortalMessages } from '../components/portal-messages';
import { PortalNotFound } from '../components/portal-not-found';
import { SharedFiles } from '../components/shared-files';

/** A client portal: its messages and its shared files, as two tabs. */
export function Component() {
  const { id = '' } = useParams();
  const portal = usePortal(id);
  useDocumentTitle(pageTitle(portal.data?.name ?? 'Portal'));

  if (portal.isPending) return <Loading label="Loading the portal" />;
  if (portal.isError) {
    if (isApiError(portal.error) && portal.error.status === 404) return <PortalNotFound />;
    return <LoadError error={portal.error} onRetry={() => portal.refetch()} />;
  }
  return <PortalPage portal={portal.data} />;
}

function PortalPage({ portal }: { portal: Portal }) {
  const closed = portal.closed_at !== null;
  return (
    <Stack gap="sm">
      <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
        {portal.name}
      </Title>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        With {portal.participants.map((p) => p.person.name).join(', ')}
      </Text>
      {portal.closed_at && (
        <Alert color="gray" icon={<IconLock aria-hidden size={18} />} title="This portal is closed">
          The firm closed it on <DateTime value={portal.closed_at} />. You can still read its messages and
          open its files, but not post or upload.
        </Alert>
      )}
      <Tabs defaultValue="messages" keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="messages" leftSection={<IconMessages aria-hidden size={16} />}>
            Messages
          </Tabs.Tab>
          <Tabs.Tab value="files" leftSection={<IconFiles aria-hidden size={16} />}>
            Shared files
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="messages" pt="sm">
          <PortalMessages portalId={portal.id} closed={closed} />
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="sm">
          <SharedFiles portalId={portal.id} closed={closed} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
