import type { PreviewableDocument } from '@chambers/ui/document-preview';
import { PagedList } from '@chambers/ui/paged-list';
import { Button, Paper, Stack } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import { useFolderDocuments } from '../api/get-folder-documents';
import { SharedDocumentRow } from './shared-document-row';

export interface SharedFolderProps {
  portalId: string;
  folderId: string;
  name: string;
  onPreview: (document: PreviewableDocument) => void;
  onDownload: (documentId: string, name: string) => void;
}

/** A folder shared into the portal: opens to list its documents (as they are now). */
export function SharedFolder({ portalId, folderId, name, onPreview, onDownload }: SharedFolderProps) {
  const [open, setOpen] = useState(false);
  return (
    <Paper component="li" withBorder p="xs">
      <Button
        variant="subtle"
        color="dark"
        aria-expanded={open}
        leftSection={
          <>
            {open ? <IconChevronDown aria-hidden size={14} /> : <IconChevronRight aria-hidden size={14} />}
            <IconFolder aria-hidden size={18} />
          </>
        }
        onClick={() => setOpen((was) => !was)}
        styles={{ label: { whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'left' } }}
        h="auto"
        py={4}
      >
        {name}
      </Button>
      {open && (
        <Stack mt="xs" pl="md">
          <FolderDocuments
            portalId={portalId}
            folderId={folderId}
            onPreview={onPreview}
            onDownload={onDownload}
          />
        </Stack>
      )}
    </Paper>
  );
}

function FolderDocuments({ portalId, folderId, onPreview, onDownload }: Omit<SharedFolderProps, 'name'>) {
  const documents = useFolderDocuments(portalId, folderId);
  return (
    <PagedList query={documents} empty="This folder is empty." loadingLabel="Loading the folder">
      {(rows) => (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((document) => (
            <SharedDocumentRow
              key={document.id}
              documentId={document.id}
              name={document.name}
              onPreview={onPreview}
              onDownload={onDownload}
            />
          ))}
        </Stack>
      )}
    </PagedList>
  );
}
