import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';

/** A conversation that does not exist or that the person does not take part in: nothing of it is shown. */
export function ConversationNotFound() {
  return (
    <Stack>
      <Title order={1}>Conversation not found</Title>
      <Text>There is no conversation at this address, or it is not shared with you.</Text>
      <Anchor component={Link} to={paths.conversations}>
        Go to Communications
      </Anchor>
    </Stack>
  );
}
