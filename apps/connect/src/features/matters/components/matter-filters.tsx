import type { MatterStatus } from '@chambers/contracts/matters';
import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

const statusOptions = [
  { value: 'all', label: 'Any status' },
  { value: 'open', label: 'Open' },
  { value: 'pending', label: 'Pending' },
  { value: 'closed', label: 'Closed' },
];

export interface MatterFiltersProps {
  search: string;
  onSearchChange: (value: string) => void;
  status: MatterStatus | undefined;
  onStatusChange: (value: MatterStatus | undefined) => void;
}

/** The search box (number, description or client) and the status filter above the Matters list. */
export function MatterFilters({ search, onSearchChange, status, onStatusChange }: MatterFiltersProps) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search">
      <TextInput
        label="Search matters"
        description="Number, description or client"
        type="search"
        value={search}
        onChange={(event) => onSearchChange(event.currentTarget.value)}
        leftSection={<IconSearch aria-hidden size={16} />}
        maxLength={200}
        style={{ flex: '1 1 16rem' }}
      />
      <Select
        label="Status"
        data={statusOptions}
        value={status ?? 'all'}
        onChange={(value) => onStatusChange(value && value !== 'all' ? (value as MatterStatus) : undefined)}
        allowDeselect={false}
        style={{ flex: '0 1 10rem' }}
      />
    </Group>
  );
}
