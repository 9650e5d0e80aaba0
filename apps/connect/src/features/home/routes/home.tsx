import { LoadError, Loading } from '@chambers/ui/query-state';
import { useSession } from '@chambers/ui/session';
import { SignedInAs } from '@chambers/ui/signed-in-as';
import { Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useHome } from '../../../api/get-home';
import { pageTitle } from '../../../lib/product';
import { ClientHome } from '../components/client-home';
import { CoCounselHome } from '../components/co-counsel-home';

/** Co-counsel's overview of everything shared; a client's list of portals. */
export function Component() {
  useDocumentTitle(pageTitle('Home'));
  const session = useSession();
  if (!session) return null;
  const isClient = session.membership.role === 'client';
  return (
    <Stack gap="md">
      <Stack gap={0}>
        <Title order={1}>Home</Title>
        <SignedInAs membership={session.membership} />
      </Stack>
      {isClient ? <ClientHome /> : <Overview />}
    </Stack>
  );
}

function Overview() {
  const home = useHome();
  if (home.isPending) return <Loading label="Loading your overview" />;
  if (home.isError) return <LoadError error={home.error} onRetry={() => home.refetch()} />;
  // Connect is for externals; a firm user's overview lives in Manage.
  if (home.data.view !== 'external') return null;
  return <CoCounselHome home={home.data} />;
}
