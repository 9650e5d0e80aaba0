import type { Matter } from '@chambers/contracts/matters';
import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { pathTo } from '../../../lib/paths';
import { MatterStatusBadge } from './matter-status-badge';

const wrap = { overflowWrap: 'anywhere' } as const;

/** The shared matters as a table; on a phone the table scrolls inside its box, the page does not. */
export function MatterTable({ matters }: { matters: Matter[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Number</Table.Th>
            <Table.Th scope="col">Description</Table.Th>
            <Table.Th scope="col">Client</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matters.map((matter) => (
            <Table.Tr key={matter.id}>
              <Table.Td>{matter.number}</Table.Td>
              <Table.Td style={wrap}>
                <Anchor component={Link} to={pathTo.matter(matter.id)} fw={500}>
                  {matter.description}
                </Anchor>
              </Table.Td>
              <Table.Td style={wrap}>{matter.client.name}</Table.Td>
              <Table.Td>
                <MatterStatusBadge status={matter.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
