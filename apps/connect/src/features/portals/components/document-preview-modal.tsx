import { fetchObjectUrl } from '@chambers/ui/file-download';
import { LoadError, Loading } from '@chambers/ui/query-state';
import { Box, Modal } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../../lib/api-client';

export interface PreviewTarget {
  documentId: string;
  name: string;
  kind: 'pdf' | 'image';
}

/** What the page can show in place: PDFs and the image types the API serves inline. */
export function previewKind(name: string): PreviewTarget['kind'] | null {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (extension === 'pdf') return 'pdf';
  if (['png', 'jpg', 'jpeg', 'gif', 'webp'].includes(extension)) return 'image';
  return null;
}

/** A PDF or an image, fetched with the session's token and shown from a `blob:` URL. */
export function DocumentPreviewModal({
  target,
  onClose,
}: {
  target: PreviewTarget | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target?.name ?? 'Preview'}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': 'Close preview' }}
    >
      {target && <Preview target={target} />}
    </Modal>
  );
}

function Preview({ target }: { target: PreviewTarget }) {
  const url = useQuery({
    queryKey: ['document-preview', target.documentId],
    queryFn: ({ signal }) =>
      fetchObjectUrl(
        api,
        `/api/v1/documents/${target.documentId}/download`,
        { disposition: 'inline' },
        signal,
      ),
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const objectUrl = url.data;
  // The blob stays in memory until revoked: let it go when the preview closes.
  useEffect(() => () => (objectUrl ? URL.revokeObjectURL(objectUrl) : undefined), [objectUrl]);

  if (url.isPending) return <Loading label={`Loading ${target.name}`} />;
  if (url.isError) return <LoadError error={url.error} onRetry={() => url.refetch()} />;
  return target.kind === 'pdf' ? (
    <Box component="iframe" src={url.data} title={target.name} w="100%" h="70vh" style={{ border: 0 }} />
  ) : (
    <Box
      component="img"
      src={url.data}
      alt={target.name}
      maw="100%"
      style={{ display: 'block', margin: '0 auto' }}
    />
  );
}
