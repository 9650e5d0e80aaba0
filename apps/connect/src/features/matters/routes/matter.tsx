import { isApiError } from '@chambers/api-client/api-error';
import { LoadError, Loading } from '@chambers/ui/query-state';
import { Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChevronLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useMatter } from '../../../api/get-matter';
import { paths } from '../../../lib/paths';
import { pageTitle } from '../../../lib/product';
import { ClientCard } from '../components/client-card';
import { MatterCommunications } from '../components/matter-communications';
import { MatterDetailsCard } from '../components/matter-details-card';
import { MatterNotFound } from '../components/matter-not-found';
import { MatterNotes } from '../components/matter-notes';
import { MatterStatusBadge } from '../components/matter-status-badge';

function BackToMatters() {
  return (
    <Anchor component={Link} to={paths.matters} size="sm">
      <Group gap={4} component="span">
        <IconChevronLeft aria-hidden size={16} />
        Matters
      </Group>
    </Anchor>
  );
}

/** One shared matter: its details, its client, its notes and its phone and email logs. */
export function Component() {
  const { id = '' } = useParams();
  const matter = useMatter(id);
  // A malformed id (400) is as much "not here" as an unshared one (404).
  const notFound = isApiError(matter.error) && (matter.error.status === 404 || matter.error.status === 400);
  useDocumentTitle(
    pageTitle(matter.data ? matter.data.description : notFound ? 'Matter not found' : 'Matter'),
  );

  if (matter.isPending) return <Loading label="Loading the matter" />;
  if (notFound) return <MatterNotFound />;
  if (matter.isError) {
    return (
      <Stack gap="md">
        <BackToMatters />
        <Title order={1}>Matter</Title>
        <LoadError error={matter.error} onRetry={() => matter.refetch()} />
      </Stack>
    );
  }

  const data = matter.data;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <BackToMatters />
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {data.description}
          </Title>
          <MatterStatusBadge status={data.status} />
        </Group>
        <Text c="dimmed">
          Matter {data.number} · {data.client.name}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <MatterDetailsCard matter={data} />
        <ClientCard client={data.client} />
      </SimpleGrid>
      <MatterNotes matterId={data.id} />
      <MatterCommunications matterId={data.id} />
    </Stack>
  );
}
