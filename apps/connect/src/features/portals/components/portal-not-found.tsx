import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';

/** A portal that does not exist or that the person does not take part in: nothing of it is shown. */
export function PortalNotFound() {
  return (
    <Stack>
      <Title order={1}>Portal not found</Title>
      <Text>There is no portal at this address, or you do not take part in it.</Text>
      <Anchor component={Link} to={paths.home}>
        Go to the home page
      </Anchor>
    </Stack>
  );
}
