import { isApiError } from '@chambers/api-client/api-error';
import { ActionIcon, Button, Group, Paper, Progress, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconRefresh, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './query-state';

/** How many files go up at once. */
const PARALLEL_UPLOADS = 2;

export type UploadStatus = 'ready' | 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';

/** One file picked or dropped, on its way up. */
export interface QueuedFile {
  key: string;
  file: File;
  /** The name it will be stored under; editable until it starts. */
  name: string;
  /** Its path inside a folder that was picked or dropped (`Pleadings/2026/motion.pdf`), else `null`. */
  relativePath: string | null;
  status: UploadStatus;
  /** 0 to 1. */
  progress: number;
  error: string | null;
  /**
   * Sent as `Idempotency-Key`, so a retry never stores the file twice: kept while the outcome of
   * the last attempt is unknown (every byte had gone out when it was cut off), renewed once an
   * answer or an early cut-off proves nothing was stored (a fresh attempt must not replay a refusal).
   */
  idempotencyKey: string;
  /** Where the file goes (a folder, a matter), fixed when it was added; `null` when the caller has one place only. */
  destination: UploadDestination | null;
}

/** A place files can be uploaded into: the caller's own id and the name shown for it. */
export interface UploadDestination {
  id: string;
  label: string;
}

/** Sends one file; the queue reports its progress and can cancel it through `signal`. */
export type SendFile = (
  item: QueuedFile,
  control: { signal: AbortSignal; onProgress: (fraction: number) => void },
) => Promise<void>;

/**
 * The path a file had inside a picked folder (`webkitRelativePath`) or a dropped one (the `path`
 * the drop zone adds), without a leading `./` or `/`; `null` for a loose file.
 */
export function relativePathOf(file: File): string | null {
  const dropped = (file as File & { path?: string }).path;
  const raw = file.webkitRelativePath || dropped || '';
  const path = raw.replace(/^\.?\//, '');
  return path.includes('/') ? path : null;
}

let nextKey = 0;

/**
 * Files waiting, going up, done or failed: add them, rename them, start them (two at a time),
 * cancel one under way, retry one that failed. Each file's outcome is its own.
 */
export function useUploadQueue(send: SendFile, onUploaded?: () => void) {
  const [items, setItems] = useState<QueuedFile[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const sendRef = useRef(send);
  sendRef.current = send;
  const onUploadedRef = useRef(onUploaded);
  onUploadedRef.current = onUploaded;

  const update = useCallback((key: string, change: Partial<QueuedFile>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const run = useCallback(
    async (item: QueuedFile) => {
      const controller = new AbortController();
      controllers.current.set(item.key, controller);
      update(item.key, { status: 'uploading', progress: 0, error: null });
      let sentAll = false;
      try {
        await sendRef.current(item, {
          signal: controller.signal,
          onProgress: (fraction) => {
            if (fraction >= 1) sentAll = true;
            update(item.key, { progress: fraction });
          },
        });
        update(item.key, { status: 'done', progress: 1 });
        onUploadedRef.current?.();
      } catch (error) {
        const idempotencyKey = outcomeUnknown(error, sentAll) ? item.idempotencyKey : newIdempotencyKey();
        if (controller.signal.aborted) update(item.key, { status: 'cancelled', progress: 0, idempotencyKey });
        else update(item.key, { status: 'failed', error: uploadError(error), idempotencyKey });
      } finally {
        controllers.current.delete(item.key);
      }
    },
    [update],
  );

  // Starts queued files while fewer than PARALLEL_UPLOADS are under way.
  useEffect(() => {
    const active = items.filter((item) => item.status === 'uploading').length;
    const waiting = items.filter((item) => item.status === 'queued').slice(0, PARALLEL_UPLOADS - active);
    for (const item of waiting) void run(item);
  }, [items, run]);

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  return {
    items,
    add(files: readonly File[], destination: UploadDestination | null = null) {
      const added = files.map<QueuedFile>((file) => ({
        key: `upload-${++nextKey}`,
        file,
        name: file.name,
        relativePath: relativePathOf(file),
        status: 'ready',
        progress: 0,
        error: null,
        idempotencyKey: newIdempotencyKey(),
        destination,
      }));
      setItems((current) => [...current, ...added]);
    },
    rename(key: string, name: string) {
      update(key, { name });
    },
    startAll() {
      setItems((current) =>
        current.map((item) => (item.status === 'ready' ? { ...item, status: 'queued' } : item)),
      );
    },
    cancel(key: string) {
      controllers.current.get(key)?.abort();
    },
    retry(key: string) {
      update(key, { status: 'queued', progress: 0, error: null });
    },
    remove(key: string) {
      setItems((current) => current.filter((item) => item.key !== key));
    },
    clearFinished() {
      setItems((current) => current.filter((item) => item.status !== 'done'));
    },
  };
}

export type UploadQueue = ReturnType<typeof useUploadQueue>;

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * Whether the server may have stored the file although no success came back: every byte had gone
 * out and no answer came, or the server says the first attempt is still running (409). Any other
 * answer, or a cut-off before the end of the file, means nothing was stored.
 */
export function outcomeUnknown(error: unknown, sentAll: boolean): boolean {
  if (isApiError(error) && error.status === 409) return true;
  // Status 0: no answer came (a network failure), like a cancel.
  if (isApiError(error) && error.status !== 0) return false;
  return sentAll;
}

function uploadError(error: unknown): string {
  if (isApiError(error) && error.status === 413) return `Too large: ${errorMessage(error)}`;
  if (isApiError(error) && error.status === 415) return `Refused type: ${errorMessage(error)}`;
  return errorMessage(error);
}

const statusText: Record<UploadStatus, string> = {
  ready: 'Ready',
  queued: 'Waiting',
  uploading: 'Uploading',
  done: 'Uploaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The queue as a list: rename before upload, a progress bar per file, cancel, retry, and errors. */
export function UploadQueueList({ queue }: { queue: UploadQueue }) {
  if (queue.items.length === 0) return null;
  const ready = queue.items.filter((item) => item.status === 'ready').length;
  const done = queue.items.filter((item) => item.status === 'done').length;
  return (
    <Paper withBorder p="sm" component="section" aria-label="Uploads">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>Uploads</Text>
          <Group gap="xs">
            {done > 0 && (
              <Button size="xs" variant="default" onClick={queue.clearFinished}>
                Clear finished
              </Button>
            )}
            {ready > 0 && (
              <Button size="xs" onClick={queue.startAll}>
                Upload {ready} {ready === 1 ? 'file' : 'files'}
              </Button>
            )}
          </Group>
        </Group>
        {queue.items.map((item) => (
          <UploadRow key={item.key} item={item} queue={queue} />
        ))}
      </Stack>
    </Paper>
  );
}

function UploadRow({ item, queue }: { item: QueuedFile; queue: UploadQueue }) {
  const folder = item.relativePath?.split('/').slice(0, -1).join('/');
  return (
    <Stack gap={4} data-upload-status={item.status}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        {item.status === 'ready' ? (
          <TextInput
            style={{ flex: 1, minWidth: 0 }}
            size="xs"
            label={`Name for ${item.file.name}`}
            value={item.name}
            onChange={(event) => queue.rename(item.key, event.currentTarget.value)}
          />
        ) : (
          <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            {item.name}
          </Text>
        )}
        {item.status === 'uploading' && (
          <Tooltip label="Cancel upload">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Cancel upload of ${item.name}`}
              onClick={() => queue.cancel(item.key)}
            >
              <IconX aria-hidden size={16} />
            </ActionIcon>
          </Tooltip>
        )}
        {(item.status === 'failed' || item.status === 'cancelled') && (
          <Tooltip label="Retry">
            <ActionIcon
              variant="subtle"
              aria-label={`Retry upload of ${item.name}`}
              onClick={() => queue.retry(item.key)}
            >
              <IconRefresh aria-hidden size={16} />
            </ActionIcon>
          </Tooltip>
        )}
        {(item.status === 'ready' || item.status === 'failed' || item.status === 'cancelled') && (
          <Tooltip label="Remove from the list">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove ${item.name} from the list`}
              onClick={() => queue.remove(item.key)}
            >
              <IconX aria-hidden size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {(folder || item.destination) && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {item.destination ? `To ${item.destination.label}` : ''}
          {item.destination && folder ? ', ' : ''}
          {folder ? `in folder ${folder}` : ''}
        </Text>
      )}
      <Progress
        value={Math.round(item.progress * 100)}
        color={item.status === 'failed' ? 'red' : item.status === 'done' ? 'green' : undefined}
        aria-label={`Upload of ${item.name}`}
        size="sm"
      />
      <Text
        size="xs"
        c={item.status === 'failed' ? 'red.8' : 'dimmed'}
        role={item.status === 'failed' ? 'alert' : undefined}
      >
        {statusText[item.status]}
        {item.status === 'uploading' ? ` ${Math.round(item.progress * 100)}%` : ''}
        {item.error ? ` — ${item.error}` : ''}
      </Text>
    </Stack>
  );
}
