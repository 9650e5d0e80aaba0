import type { ApiClient } from '@chambers/api-client/client';
import { Center, Modal } from '@mantine/core';
import { useEffect, useState } from 'react';
import { fetchObjectUrl } from './file-download';
import { LoadError, Loading } from './query-state';

/** Content types the API serves inline (`disposition=inline`); anything else answers 415. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Whether a document of this content type can be shown in the page. */
export function canPreview(contentType: string): boolean {
  return contentType === 'application/pdf' || IMAGE_TYPES.has(contentType);
}

export interface PreviewableDocument {
  id: string;
  name: string;
  content_type: string;
}

export interface DocumentPreviewProps {
  api: ApiClient;
  /** The document shown; `null` closes the preview. */
  document: PreviewableDocument | null;
  onClose: () => void;
  /** The download URL of a document (defaults to `/api/v1/documents/{id}/download`). */
  downloadPath?: (id: string) => string;
}

const defaultDownloadPath = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}/download`;

/** A PDF or an image shown in a modal, fetched with the session's token as a `blob:` URL. */
export function DocumentPreview({
  api,
  document,
  onClose,
  downloadPath = defaultDownloadPath,
}: DocumentPreviewProps) {
  const [attempt, setAttempt] = useState(0);
  return (
    <Modal
      opened={document !== null}
      onClose={onClose}
      title={document ? `Preview of ${document.name}` : 'Preview'}
      size="xl"
      styles={{ title: { overflowWrap: 'anywhere' } }}
    >
      {document && (
        <PreviewBody
          // A retry mounts a fresh body, which fetches again.
          key={`${document.id}:${attempt}`}
          api={api}
          document={document}
          path={downloadPath(document.id)}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
    </Modal>
  );
}

type Loaded = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; url: string };

function PreviewBody({
  api,
  document,
  path,
  onRetry,
}: {
  api: ApiClient;
  document: PreviewableDocument;
  path: string;
  onRetry: () => void;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    setLoaded({ state: 'loading' });
    fetchObjectUrl(api, path, { disposition: 'inline' }, controller.signal).then(
      (objectUrl) => {
        url = objectUrl;
        if (controller.signal.aborted) URL.revokeObjectURL(objectUrl);
        else setLoaded({ state: 'ready', url: objectUrl });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ state: 'error', error });
      },
    );
    // Closing (or another document) frees the bytes the blob URL holds.
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, path]);

  if (loaded.state === 'loading') return <Loading label={`Loading ${document.name}`} />;
  if (loaded.state === 'error') return <LoadError error={loaded.error} onRetry={onRetry} />;
  if (document.content_type === 'application/pdf') {
    return (
      <iframe src={loaded.url} title={document.name} style={{ width: '100%', height: '70vh', border: 0 }} />
    );
  }
  return (
    <Center>
      <img src={loaded.url} alt={document.name} style={{ maxWidth: '100%', maxHeight: '70vh' }} />
    </Center>
  );
}
