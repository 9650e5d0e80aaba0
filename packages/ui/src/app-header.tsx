import type { MembershipSummary } from '@chambers/contracts/auth';
import { Button, Group, Text } from '@mantine/core';

export interface AppHeaderProps {
  /** "Chambers" or "Chambers Connect". */
  product: string;
  membership: MembershipSummary;
  onSignOut: () => void;
}

/** The top bar of both SPAs once signed in: which product, which firm, and the way out. */
export function AppHeader({ product, membership, onSignOut }: AppHeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Text component="span" fw={700} size="lg">
        {product}
      </Text>
      <Group gap="sm" wrap="nowrap">
        <Text component="span" size="sm" truncate="end">
          {membership.firm_name}
        </Text>
        <Button variant="default" size="xs" onClick={onSignOut}>
          Sign out
        </Button>
      </Group>
    </Group>
  );
}
