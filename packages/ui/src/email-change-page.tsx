import { isApiError } from '@chambers/api-client/api-error';
import { Alert, Anchor, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { LinkProblem, problemText } from './invitation-page';
import { formatPageTitle } from './page-title';

/** What the page needs of an app's `useConfirmEmailChange()` mutation. */
export interface ConfirmEmailChangeMutation {
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
  mutate: (token: string) => void;
}

export interface EmailChangePageProps {
  /** "Chambers" or "Chambers Connect", for the tab's title. */
  product: string;
  /** From the mailed link. */
  token: string;
  confirm: ConfirmEmailChangeMutation;
  signInPath: string;
}

const PAGE_TITLE = 'Confirm new email';

/**
 * The page the "confirm your new login email" mail links to. Nothing happens on load (mail
 * scanners open links too): the person confirms with the button.
 */
export function EmailChangePage({ product, token, confirm, signInPath }: EmailChangePageProps) {
  useDocumentTitle(formatPageTitle(PAGE_TITLE, product));

  if (confirm.isSuccess) {
    return (
      <Center component="main" mih="100dvh" p="md">
        <Stack align="center" gap="sm" maw={460} role="status">
          <Title order={1} size="h2" ta="center">
            Your login email is now changed
          </Title>
          <Text ta="center">Sign in with the new address from now on.</Text>
          <Anchor component={Link} to={signInPath}>
            Go to sign-in
          </Anchor>
        </Stack>
      </Center>
    );
  }

  if (isApiError(confirm.error) && confirm.error.status === 404) {
    return (
      <LinkProblem title="This link is no longer valid" signInPath={signInPath}>
        It may have expired or been used already. Ask for the change again from your profile.
      </LinkProblem>
    );
  }

  return (
    <Center component="main" mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <Stack gap="md">
          <Title order={1} size="h2">
            {PAGE_TITLE}
          </Title>
          <Text>Make the address this link was sent to your login email.</Text>
          {confirm.error ? (
            <Alert
              color="red"
              variant="light"
              title={isApiError(confirm.error) ? confirm.error.title : 'Something went wrong'}
            >
              {problemText(confirm.error)}
            </Alert>
          ) : null}
          <Button
            fullWidth
            loading={confirm.isPending}
            disabled={confirm.isPending}
            onClick={() => confirm.mutate(token)}
          >
            {PAGE_TITLE}
          </Button>
          <Anchor component={Link} to={signInPath} size="sm" ta="center">
            Go to sign-in
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
