/**
 * The API server of the document transfer bench, in a process of its own so that the RSS it samples
 * is the server's alone. It seeds a demo firm, listens on a free port, tells the parent its address
 * and a folder to upload into, then answers the parent's commands over IPC: a raw copy through the
 * same blob store, and RSS sampling windows around the transfers. Started by `document-transfer.ts`.
 */
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, isNull } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config/load-config';
import { openDatabase } from '../src/db/database';
import { runMigrations } from '../src/db/migrate';
import { folders } from '../src/db/schema/documents';
import { firms } from '../src/db/schema/firms';
import { createMailer } from '../src/mail/create-mailer';
import { DEMO_FIRM_NAME, seedDemoFirm } from '../src/seed/demo-firm';
import { createBlobStore } from '../src/storage/create-blob-store';
import { hashStream } from '../test/support/random-stream';
import { type TransferData, transferData } from './transfer-data';

export interface ServerSpec {
  /** Settings as the environment would give them (data directory, storage driver, ...). */
  env: Record<string, string>;
  chunkBytes: number;
  seed: string;
}

export type ServerCommand =
  | { command: 'raw-copy'; bytes: number }
  | { command: 'rss-start' }
  | { command: 'rss-stop' }
  | { command: 'close' };

export type ServerMessage =
  | { type: 'ready'; baseUrl: string; folderId: string }
  | { type: 'reply'; id: number; result?: unknown; error?: string };

export interface RawCopyResult {
  putMs: number;
  getMs: number;
  intact: boolean;
}

export interface RssWindow {
  baselineRss: number;
  peakRss: number;
}

const spec = JSON.parse(process.argv[2] ?? '') as ServerSpec;
const config = loadConfig(spec.env);
const database = await openDatabase(config.database);
await runMigrations(database);
await seedDemoFirm(database.db, { practice: true });
const [root] = await database.db
  .select({ id: folders.id })
  .from(folders)
  .innerJoin(firms, eq(firms.id, folders.firmId))
  .where(and(eq(firms.name, DEMO_FIRM_NAME), isNull(folders.parentId)))
  .limit(1);
if (!root) throw new Error('the demo seed made no folder');
const blobs = createBlobStore(config.storage);
const app = await buildApp({ config, database, blobs, mailer: createMailer(config.mail, database.db) });
const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });

const generated = new Map<number, TransferData>();
/** Made once per size: each makes its checksum up front, which no round should pay for twice. */
function dataOf(bytes: number): TransferData {
  let data = generated.get(bytes);
  if (!data) {
    data = transferData(bytes, spec.chunkBytes, spec.seed);
    generated.set(bytes, data);
  }
  return data;
}

/** The baseline: the same bytes put into the same store in this process, then read back and hashed. */
async function rawCopy(bytes: number): Promise<RawCopyResult> {
  const data = dataOf(bytes);
  const body = Readable.from(data.chunks(), { objectMode: false, highWaterMark: spec.chunkBytes });
  const putStarted = performance.now();
  const stored = await blobs.put(body, {
    contentType: 'application/pdf',
    maxBytes: config.documents.maxFileBytes,
    key: blobs.newKey(),
  });
  const putMs = performance.now() - putStarted;
  const getStarted = performance.now();
  const read = await hashStream(await blobs.get(stored.key));
  const getMs = performance.now() - getStarted;
  await blobs.delete(stored.key);
  const intact =
    stored.size === bytes &&
    read.size === bytes &&
    stored.sha256 === data.sha256 &&
    read.sha256 === data.sha256;
  return { putMs, getMs, intact };
}

let sampler: NodeJS.Timeout | undefined;
let window: RssWindow = { baselineRss: 0, peakRss: 0 };

async function startRssWindow(): Promise<null> {
  // Let the collector settle first, so the reference figure is not inflated by earlier garbage.
  globalThis.gc?.();
  await sleep(200);
  const rss = process.memoryUsage.rss();
  window = { baselineRss: rss, peakRss: rss };
  sampler = setInterval(() => {
    window.peakRss = Math.max(window.peakRss, process.memoryUsage.rss());
  }, 10);
  return null;
}

function stopRssWindow(): RssWindow {
  clearInterval(sampler);
  window.peakRss = Math.max(window.peakRss, process.memoryUsage.rss());
  return window;
}

async function run(message: ServerCommand): Promise<unknown> {
  switch (message.command) {
    case 'raw-copy':
      return rawCopy(message.bytes);
    case 'rss-start':
      return startRssWindow();
    case 'rss-stop':
      return stopRssWindow();
    case 'close':
      await app.close();
      return null;
  }
}

process.on('message', (message: ServerCommand & { id: number }) => {
  run(message).then(
    (result) => {
      const reply: ServerMessage = { type: 'reply', id: message.id, result };
      process.send?.(reply, () => {
        if (message.command === 'close') process.exit(0);
      });
    },
    (error: unknown) => {
      const reply: ServerMessage = { type: 'reply', id: message.id, error: String(error) };
      process.send?.(reply);
    },
  );
});
process.send?.({ type: 'ready', baseUrl, folderId: root.id } satisfies ServerMessage);
