import type { Matter } from '@chambers/contracts/matters';
import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { pathTo } from '../../../lib/paths';
import { MatterStatusBadge } from './matter-status-badge';

/** The shared matters as stacked cards, for a phone: no column is cut off. */
export function MatterCards({ matters }: { matters: Matter[] }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {matters.map((matter) => (
        <Card key={matter.id} component="li" withBorder padding="sm">
          <Anchor
            component={Link}
            to={pathTo.matter(matter.id)}
            fw={500}
            style={{ overflowWrap: 'anywhere' }}
          >
            {matter.description}
          </Anchor>
          <Group justify="space-between" gap="xs" mt={4} wrap="nowrap">
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {matter.number} · {matter.client.name}
            </Text>
            <MatterStatusBadge status={matter.status} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
