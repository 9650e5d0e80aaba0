import type { MatterStatus } from '@chambers/contracts/matters';
import { PagedList } from '@chambers/ui/paged-list';
import { Box, Stack, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { pageTitle } from '../../../lib/product';
import { useMatters } from '../api/get-matters';
import { MatterCards } from '../components/matter-cards';
import { MatterFilters } from '../components/matter-filters';
import { MatterTable } from '../components/matter-table';

const statuses: readonly string[] = ['open', 'pending', 'closed'];

/** The matters shared with the co-counsel, searchable; each opens its matter page. */
export function Component() {
  useDocumentTitle(pageTitle('Matters'));
  // The search lives in the URL, so coming back from a matter finds the same list.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = statusParam && statuses.includes(statusParam) ? (statusParam as MatterStatus) : undefined;
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const matters = useMatters({ q: debouncedSearch || undefined, status });

  const setParam = (name: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const filtered = Boolean(debouncedSearch || status);
  return (
    <Stack gap="md">
      <Title order={1}>Matters</Title>
      <MatterFilters
        search={search}
        onSearchChange={(value) => setParam('q', value)}
        status={status}
        onStatusChange={(value) => setParam('status', value)}
      />
      <PagedList
        query={matters}
        loadingLabel="Loading matters"
        empty={filtered ? 'No shared matter matches this search.' : 'No matters are shared with you yet.'}
      >
        {(rows) => (
          // One of the two is shown (CSS), so the other is out of the accessibility tree too.
          <>
            <Box visibleFrom="sm">
              <MatterTable matters={rows} />
            </Box>
            <Box hiddenFrom="sm">
              <MatterCards matters={rows} />
            </Box>
          </>
        )}
      </PagedList>
    </Stack>
  );
}
