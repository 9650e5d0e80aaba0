import { Anchor, Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { formatPageTitle } from './page-title';

export interface NotFoundPageProps {
  /** "Chambers" or "Chambers Connect", for the tab's title. */
  product: string;
  /** The app's home page, linked as the way out. */
  homePath: string;
}

/** The answer to an address no route matches, and to a route that throws a 404. */
export function NotFoundPage({ product, homePath }: NotFoundPageProps) {
  useDocumentTitle(formatPageTitle('Page not found', product));

  return (
    <Center component="main" mih="100dvh" p="md">
      <Stack align="center" gap="sm">
        <Title order={1}>Page not found</Title>
        <Text>There is no page at this address.</Text>
        <Anchor component={Link} to={homePath}>
          Go to the home page
        </Anchor>
      </Stack>
    </Center>
  );
}
