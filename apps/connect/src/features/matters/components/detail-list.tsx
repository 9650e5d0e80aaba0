import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Detail {
  label: string;
  /** `null` is shown as "—", so every label keeps its place. */
  value: ReactNode;
}

/** Label and value pairs as a description list (screen readers announce them as pairs). */
export function DetailList({ details }: { details: Detail[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
      {details.map((detail) => (
        <div key={detail.label}>
          <Text component="dt" size="sm" c="dimmed">
            {detail.label}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
            {detail.value ?? '—'}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
