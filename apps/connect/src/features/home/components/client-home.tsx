import { Stack, Text, Title } from '@mantine/core';
import { PortalList } from './portal-list';

/** A client's Home is its portals, listed like a messaging app's chats. */
export function ClientHome() {
  return (
    <Stack gap="xs" component="section" aria-labelledby="client-portals-heading">
      <Title order={2} size="h3" id="client-portals-heading">
        Your portals
      </Title>
      <Text size="sm" c="dimmed">
        Messages and documents your lawyers share with you.
      </Text>
      <PortalList empty="Your firm has not opened a portal for you yet." />
    </Stack>
  );
}
