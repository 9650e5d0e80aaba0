import { useSession } from '@chambers/ui/session';
import { SignedInAs } from '@chambers/ui/signed-in-as';
import { Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { pageTitle } from '../../lib/product';

/** Placeholder until Connect's home overview (GET /api/v1/home) is built. */
export function HomeRoute() {
  useDocumentTitle(pageTitle('Home'));
  const session = useSession();
  if (!session) return null;

  return (
    <Stack gap="xs">
      <Title order={1}>Home</Title>
      <SignedInAs membership={session.membership} />
    </Stack>
  );
}
