import type { Document } from '@chambers/contracts/documents';
import { DocumentPreview } from '@chambers/ui/document-preview';
import { downloadFile } from '@chambers/ui/file-download';
import { FileDrop } from '@chambers/ui/file-drop';
import { errorMessage, LoadError, Loading } from '@chambers/ui/query-state';
import { UploadQueueList, useUploadQueue } from '@chambers/ui/upload-queue';
import { Grid, Group, Paper, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AddTimeModal, matterChoicesQueryOptions } from '../../../components/add-time-modal';
import { api } from '../../../lib/api-client';
import { pageTitle } from '../../../lib/product';
import { useFolders } from '../api/get-folders';
import { targetId, uploadDocument } from '../api/upload-documents';
import { DocumentBreadcrumbs } from '../components/document-breadcrumbs';
import { DocumentList } from '../components/document-list';
import { FolderTree, nodeKey } from '../components/folder-tree';
import { NewUploadMenu } from '../components/new-upload-menu';
import { buildTree, type Place, trailTo } from '../lib/document-tree';

/** The place in the tree lives in the address (`?folder=` or `?matter=`), so Back and links work. */
function usePlace(): [Place, (place: Place) => void] {
  const [params, setParams] = useSearchParams();
  const folder = params.get('folder');
  const matter = params.get('matter');
  const place: Place = folder
    ? { kind: 'folder', id: folder }
    : matter
      ? { kind: 'matter', id: matter }
      : { kind: 'all' };
  const choose = (next: Place) => setParams(next.kind === 'all' ? {} : { [next.kind]: next.id });
  return [place, choose];
}

/** Shared files and folders: browse, preview, download, log time, and upload into a matter or folder. */
export function Component() {
  useDocumentTitle(pageTitle('Documents'));
  const queryClient = useQueryClient();
  const [place, choose] = usePlace();
  const folders = useFolders();
  const matters = useQuery(matterChoicesQueryOptions());
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [previewing, setPreviewing] = useState<Document | null>(null);
  const [addingTimeTo, setAddingTimeTo] = useState<Document | null>(null);

  const tree = useMemo(
    () =>
      buildTree(
        (matters.data ?? []).map((matter) => ({ id: matter.id, label: matter.description })),
        folders.data ?? [],
      ),
    [matters.data, folders.data],
  );
  const trail = trailTo(tree, place);
  const here = trail.at(-1);
  const shownOpen = useMemo(() => new Set([...open, ...trail.slice(0, -1).map(nodeKey)]), [open, trail]);

  const queue = useUploadQueue(uploadDocument, () => {
    // A folder upload may have made folders; Home lists recent documents.
    void queryClient.invalidateQueries({ queryKey: ['documents'] });
    void queryClient.invalidateQueries({ queryKey: ['folders'] });
    void queryClient.invalidateQueries({ queryKey: ['home'] });
  });
  const destination = here ? { id: targetId(here.kind, here.id), label: here.label } : null;
  const disabledReason = destination ? null : 'Open a matter or folder to upload into it.';
  const addFiles = (files: File[]) => {
    if (destination) queue.add(files, destination);
  };

  async function download(document: Document) {
    try {
      await downloadFile(api, `/api/v1/documents/${encodeURIComponent(document.id)}/download`, document.name);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: `Could not download ${document.name}`,
        message: errorMessage(error),
      });
    }
  }

  const sharedMatterIds = new Set((matters.data ?? []).map((matter) => matter.id));

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Documents</Title>
        <NewUploadMenu onFiles={addFiles} disabledReason={disabledReason} />
      </Group>
      <DocumentBreadcrumbs trail={trail} onChoose={choose} />
      <UploadQueueList queue={queue} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="xs">
            {folders.isPending || matters.isPending ? (
              <Loading label="Loading folders" />
            ) : folders.isError || matters.isError ? (
              <LoadError
                error={folders.error ?? matters.error}
                onRetry={() => {
                  void folders.refetch();
                  void matters.refetch();
                }}
              />
            ) : (
              <FolderTree
                tree={tree}
                place={place}
                open={shownOpen}
                onChoose={choose}
                onToggle={(key) =>
                  setOpen((current) => {
                    const next = new Set(current);
                    if (next.has(key)) next.delete(key);
                    else next.add(key);
                    return next;
                  })
                }
              />
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <section aria-label={here ? `Documents in ${here.label}` : 'All shared documents'}>
            <DocumentList
              place={place}
              onPreview={setPreviewing}
              onDownload={download}
              onAddTime={setAddingTimeTo}
            />
          </section>
        </Grid.Col>
      </Grid>
      <FileDrop onDrop={addFiles} disabledReason={disabledReason} destination={here?.label} />
      <DocumentPreview api={api} document={previewing} onClose={() => setPreviewing(null)} />
      <AddTimeModal
        opened={addingTimeTo !== null}
        onClose={() => setAddingTimeTo(null)}
        matterId={addingTimeTo && sharedMatterIds.has(addingTimeTo.matter_id) ? addingTimeTo.matter_id : null}
        link={addingTimeTo ? { document_id: addingTimeTo.id } : undefined}
        defaultDescription={addingTimeTo ? `Reviewed ${addingTimeTo.name}` : ''}
      />
    </Stack>
  );
}
