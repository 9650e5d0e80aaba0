import type { MatterStatus } from '@chambers/contracts/matters';
import { Badge } from '@mantine/core';

const looks: Record<MatterStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'green' },
  pending: { label: 'Pending', color: 'yellow' },
  closed: { label: 'Closed', color: 'gray' },
};

/** A dot in the status's colour beside dark text: light badges' coloured text fails contrast. */
export function MatterStatusBadge({ status }: { status: MatterStatus }) {
  const look = looks[status];
  return (
    <Badge color={look.color} variant="dot" style={{ flexShrink: 0 }}>
      {look.label}
    </Badge>
  );
}
