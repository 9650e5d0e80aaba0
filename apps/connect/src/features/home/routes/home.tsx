import { useSession } from '@chambers/ui/session';
import { SignedInAs } from '@chambers/ui/signed-in-as';
import { Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { pageTitle } from '../../../lib/product';

/** Placeholder: replaced by the overview (GET /api/v1/home). */
export function Component() {
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
