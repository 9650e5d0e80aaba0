import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface AppHeaderProps {
  /** "Chambers" or "Chambers Connect". */
  product: string;
  /** The signed-in person's menu (`UserMenu`, fed by the app's own queries). */
  userMenu: ReactNode;
}

/** The top bar of both SPAs once signed in: which product, and who is signed in as which account. */
export function AppHeader({ product, userMenu }: AppHeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Text component="span" fw={700} size="lg" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
        {product}
      </Text>
      {userMenu}
    </Group>
  );
}
