import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage, type NotFoundPageProps } from './not-found-page';
import { formatPageTitle } from './page-title';

export type RouteErrorProps = NotFoundPageProps;

/** Shown instead of a blank page when rendering a route throws; a thrown 404 is a not-found page. */
export function RouteError({ product, homePath }: RouteErrorProps) {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage product={product} homePath={homePath} />;
  }
  return <SomethingWentWrong product={product} />;
}

function SomethingWentWrong({ product }: { product: string }) {
  useDocumentTitle(formatPageTitle('Something went wrong', product));

  return (
    <Center component="main" mih="100dvh" p="md">
      <Stack align="center" gap="sm">
        <Title order={1}>Something went wrong</Title>
        <Text>The page could not be shown. Reloading usually helps.</Text>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </Stack>
    </Center>
  );
}
