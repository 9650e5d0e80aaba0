import type { Document } from '@chambers/contracts/documents';
import { DateTime } from '@chambers/ui/date-time';
import { canPreview } from '@chambers/ui/document-preview';
import { PagedList } from '@chambers/ui/paged-list';
import { ActionIcon, Anchor, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconClockPlus, IconDots, IconDownload, IconEye } from '@tabler/icons-react';
import { useDocuments } from '../api/get-documents';
import type { Place } from '../lib/document-tree';
import { formatBytes } from '../lib/format-bytes';

export interface DocumentActions {
  onPreview: (document: Document) => void;
  onDownload: (document: Document) => void;
  onAddTime: (document: Document) => void;
}

/** The documents at one place of the tree, a page at a time, as cards that wrap on a phone. */
export function DocumentList({ place, ...actions }: DocumentActions & { place: Place }) {
  const query = useDocuments(place);
  return (
    <PagedList query={query} empty="No documents here yet." loadingLabel="Loading documents">
      {(rows) => (
        <Stack
          gap="xs"
          component="ul"
          aria-label="Documents"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {rows.map((document) => (
            <DocumentRow key={document.id} document={document} {...actions} />
          ))}
        </Stack>
      )}
    </PagedList>
  );
}

function DocumentRow({
  document,
  onPreview,
  onDownload,
  onAddTime,
}: DocumentActions & { document: Document }) {
  const previewable = canPreview(document.content_type);
  return (
    <Paper component="li" withBorder p="sm" aria-label={document.name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          {previewable ? (
            <Anchor
              component="button"
              type="button"
              fw={600}
              ta="left"
              style={{ overflowWrap: 'anywhere' }}
              onClick={() => onPreview(document)}
            >
              {document.name}
            </Anchor>
          ) : (
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {document.name}
            </Text>
          )}
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {formatBytes(document.size)} · Modified <DateTime value={document.updated_at} /> · Uploaded by{' '}
            {document.uploaded_by.name}
          </Text>
        </Stack>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${document.name}`}>
              <IconDots aria-hidden size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {previewable && (
              <Menu.Item leftSection={<IconEye aria-hidden size={16} />} onClick={() => onPreview(document)}>
                Preview
              </Menu.Item>
            )}
            <Menu.Item
              leftSection={<IconDownload aria-hidden size={16} />}
              onClick={() => onDownload(document)}
            >
              Download
            </Menu.Item>
            <Menu.Item
              leftSection={<IconClockPlus aria-hidden size={16} />}
              onClick={() => onAddTime(document)}
            >
              Add time
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Paper>
  );
}
