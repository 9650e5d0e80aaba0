import type { Communication, CommunicationType } from '@chambers/contracts/communications';
import { DateTime } from '@chambers/ui/date-time';
import { PagedList } from '@chambers/ui/paged-list';
import { Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useMatterCommunications } from '../api/get-communications';

const typeOptions = [
  { value: 'all', label: 'All' },
  { value: 'phone_call', label: 'Phone calls' },
  { value: 'email', label: 'Emails' },
];

const names = (people: Communication['senders']) => people.map((person) => person.name).join(', ') || '—';

function CommunicationItem({ log }: { log: Communication }) {
  const isCall = log.type === 'phone_call';
  const Icon = isCall ? IconPhone : IconMail;
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="baseline" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Badge variant="default" leftSection={<Icon aria-hidden size={12} />} style={{ flexShrink: 0 }}>
            {isCall ? 'Phone call' : 'Email'}
          </Badge>
          <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {log.subject}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          <DateTime value={log.occurred_at} />
        </Text>
      </Group>
      <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
        From {names(log.senders)} to {names(log.receivers)}
      </Text>
      {log.body && (
        <Text mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {log.body}
        </Text>
      )}
    </Card>
  );
}

/** The matter's logged phone calls and emails, oldest first, narrowed by kind if asked. */
export function MatterCommunications({ matterId }: { matterId: string }) {
  const [type, setType] = useState<CommunicationType | 'all'>('all');
  const logs = useMatterCommunications(matterId, type === 'all' ? undefined : type);
  return (
    <Stack gap="sm" component="section" aria-labelledby="matter-communications-heading">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={2} size="h3" id="matter-communications-heading">
          Communications
        </Title>
        <SegmentedControl
          aria-label="Show communications of kind"
          size="xs"
          data={typeOptions}
          value={type}
          onChange={(value) => setType(value as CommunicationType | 'all')}
        />
      </Group>
      <PagedList
        query={logs}
        loadingLabel="Loading communications"
        empty={type === 'all' ? 'No phone calls or emails logged on this matter.' : 'None of this kind.'}
      >
        {(rows) => (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {rows.map((log) => (
              <CommunicationItem key={log.id} log={log} />
            ))}
          </Stack>
        )}
      </PagedList>
    </Stack>
  );
}
