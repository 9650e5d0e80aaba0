import type { Matter } from '@chambers/contracts/matters';
import { PlainDate } from '@chambers/ui/date-time';
import { Card, Stack, Title } from '@mantine/core';
import { DetailList } from './detail-list';
import { MatterStatusBadge } from './matter-status-badge';

/** The matter's own details (billing is never sent to co-counsel, so none is shown). */
export function MatterDetailsCard({ matter }: { matter: Matter }) {
  const related = matter.related_contacts.map(
    (entry) => `${entry.contact.name}${entry.relationship ? ` (${entry.relationship})` : ''}`,
  );
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="matter-details-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="matter-details-heading">
          Matter details
        </Title>
        <DetailList
          details={[
            { label: 'Number', value: matter.number },
            { label: 'Status', value: <MatterStatusBadge status={matter.status} /> },
            { label: 'Practice area', value: matter.practice_area },
            { label: 'Opened', value: matter.open_date && <PlainDate value={matter.open_date} /> },
            { label: 'Closed', value: matter.close_date && <PlainDate value={matter.close_date} /> },
            { label: 'Responsible attorney', value: matter.responsible_attorney?.name ?? null },
            { label: 'Originating attorney', value: matter.originating_attorney?.name ?? null },
            { label: 'Related contacts', value: related.length > 0 ? related.join(', ') : null },
          ]}
        />
      </Stack>
    </Card>
  );
}
