import { Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { pageTitle } from '../../../lib/product';

/** Placeholder: replaced by the feature's screen. */
export function Component() {
  useDocumentTitle(pageTitle('Matters'));
  return <Title order={1}>Matters</Title>;
}
