import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';

/**
 * A matter the API answered 404 for: it does not exist or is not shared. Which one is not said,
 * and nothing of the address (its id) is repeated back.
 */
export function MatterNotFound() {
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>Matter not found</Title>
      <Alert color="gray" variant="light" w="100%">
        <Text>This matter was not found, or it is not shared with you.</Text>
      </Alert>
      <Button component={Link} to={paths.matters} variant="light">
        Back to Matters
      </Button>
    </Stack>
  );
}
