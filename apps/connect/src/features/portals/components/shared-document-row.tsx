import type { PreviewableDocument } from '@chambers/ui/document-preview';
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconDownload, IconEye, IconFile } from '@tabler/icons-react';
import { previewContentType } from './preview-type';

export interface SharedDocumentRowProps {
  documentId: string;
  name: string;
  onPreview: (document: PreviewableDocument) => void;
  onDownload: (documentId: string, name: string) => void;
}

/** A shared document: its name, "Preview" for PDFs and images, and "Download". */
export function SharedDocumentRow({ documentId, name, onPreview, onDownload }: SharedDocumentRowProps) {
  const contentType = previewContentType(name);
  return (
    <Paper component="li" withBorder p="xs">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
          <IconFile aria-hidden size={18} style={{ flexShrink: 0 }} />
          <Text style={{ overflowWrap: 'anywhere', minWidth: 0 }}>{name}</Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {contentType && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEye aria-hidden size={14} />}
              aria-label={`Preview ${name}`}
              onClick={() => onPreview({ id: documentId, name, content_type: contentType })}
            >
              Preview
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload aria-hidden size={14} />}
            aria-label={`Download ${name}`}
            onClick={() => onDownload(documentId, name)}
          >
            Download
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
