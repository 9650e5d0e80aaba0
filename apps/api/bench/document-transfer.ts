import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src/seed/demo-firm';
import { hashStream } from '../test/support/random-stream';
import { startS3rver } from '../test/support/s3rver';
import { streamingUpload } from '../test/support/streaming-upload';
import type {
  RawCopyResult,
  RssWindow,
  ServerCommand,
  ServerMessage,
  ServerSpec,
} from './document-transfer-server';
import type { BenchSection, SectionReport } from './section';
import { type TransferData, transferData } from './transfer-data';

const MiB = 1024 * 1024;
const DATA_BYTES = 1024 * MiB;
/** Loads lazily required code (multipart parsing, SDK middleware) before anything is measured. */
const WARM_UP_BYTES = 16 * MiB;
/** What an HTTP client writes at a time, and what the raw copy is fed in. */
const CHUNK_BYTES = 64 * 1024;
const SEED = 'chambers-document-bench';
/** Each figure is the best of this many rounds: the bench shares its machine with whatever else runs. */
const ROUNDS = 3;
const RATIO_TARGET = 0.7;
const RSS_TARGET_MIB = 64;
const SERVER = new URL('./document-transfer-server.ts', import.meta.url);

type Driver = 'disk' | 's3';
const CASES: Array<{ driver: Driver; label: string }> = [
  { driver: 'disk', label: 'disk driver' },
  { driver: 's3', label: 's3 driver (local s3rver)' },
];

interface ApiRoundTrip {
  uploadMs: number;
  downloadMs: number;
  intact: boolean;
}

/** The best time of each transfer over the rounds, and the largest RSS growth any one caused. */
interface CaseResult {
  apiUploadMs: number;
  apiDownloadMs: number;
  rawPutMs: number;
  rawGetMs: number;
  apiGrowthMiB: number;
  rawGrowthMiB: number;
  intact: boolean;
}

export const documentTransferSection: BenchSection = {
  name: 'documents',
  title: `Documents: a ${DATA_BYTES / MiB} MiB file uploaded and downloaded through the API vs a raw copy to the same store`,
  async run(): Promise<SectionReport> {
    const s3rver = await startS3rver({ bucket: 'chambers-bench-documents' });
    const results = new Map<Driver, CaseResult>();
    try {
      for (const { driver } of CASES) {
        const dataDir = await mkdtemp(join(tmpdir(), `chambers-bench-documents-${driver}-`));
        try {
          const storage: Record<string, string> =
            driver === 'disk'
              ? { STORAGE_DRIVER: 'disk' }
              : {
                  STORAGE_DRIVER: 's3',
                  S3_ENDPOINT: s3rver.config.endpoint,
                  S3_REGION: s3rver.config.region,
                  S3_BUCKET: s3rver.config.bucket,
                  S3_ACCESS_KEY_ID: s3rver.config.accessKeyId,
                  S3_SECRET_ACCESS_KEY: s3rver.config.secretAccessKey,
                  S3_FORCE_PATH_STYLE: 'true',
                  S3_PRESIGNED_DOWNLOADS: 'false',
                };
          results.set(driver, await measureCase({ ...baseEnv(dataDir), ...storage }));
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      }
    } finally {
      await s3rver.stop();
    }
    return report(results);
  },
};

/** The server's settings: its own data directory (PGlite and disk blobs), no jobs, no rate limit in the way. */
function baseEnv(dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    JOBS_ENABLED: 'false',
    SEED_DEMO: 'false',
    RATE_LIMIT_MAX: '1000000',
    UPLOAD_MAX_FILE_BYTES: String(2 * DATA_BYTES),
    UPLOAD_MAX_REQUEST_BYTES: String(2 * DATA_BYTES),
  };
}

async function measureCase(env: Record<string, string>): Promise<CaseResult> {
  const server = await startServer({ env, chunkBytes: CHUNK_BYTES, seed: SEED });
  try {
    const token = await signIn(server.baseUrl);
    const api = (data: TransferData) => apiRoundTrip(server.baseUrl, server.folderId, token, data);
    const raw = (bytes: number) => server.call({ command: 'raw-copy', bytes }) as Promise<RawCopyResult>;
    await api(transferData(WARM_UP_BYTES, CHUNK_BYTES, SEED));
    await raw(WARM_UP_BYTES);

    const data = transferData(DATA_BYTES, CHUNK_BYTES, SEED);
    const result: CaseResult = {
      apiUploadMs: Number.POSITIVE_INFINITY,
      apiDownloadMs: Number.POSITIVE_INFINITY,
      rawPutMs: Number.POSITIVE_INFINITY,
      rawGetMs: Number.POSITIVE_INFINITY,
      apiGrowthMiB: 0,
      rawGrowthMiB: 0,
      intact: true,
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternating which side goes first, so a busy spell of a shared machine hits both alike. The API
      // goes first in the first round: its RSS window then follows only the warm-up, so memory the
      // allocator kept from an earlier 1 GiB transfer cannot hide growth of its own.
      for (const side of round % 2 === 0 ? ['api', 'raw'] : ['raw', 'api']) {
        if (side === 'raw') {
          const { value, growthMiB } = await withRss(server, () => raw(DATA_BYTES));
          result.rawPutMs = Math.min(result.rawPutMs, value.putMs);
          result.rawGetMs = Math.min(result.rawGetMs, value.getMs);
          result.rawGrowthMiB = Math.max(result.rawGrowthMiB, growthMiB);
          result.intact &&= value.intact;
        } else {
          const { value, growthMiB } = await withRss(server, () => api(data));
          result.apiUploadMs = Math.min(result.apiUploadMs, value.uploadMs);
          result.apiDownloadMs = Math.min(result.apiDownloadMs, value.downloadMs);
          result.apiGrowthMiB = Math.max(result.apiGrowthMiB, growthMiB);
          result.intact &&= value.intact;
        }
      }
    }
    return result;
  } finally {
    await server.close();
  }
}

/** Runs `work` inside an RSS sampling window of the server process: its peak over the settled baseline. */
async function withRss<T>(server: Server, work: () => Promise<T>): Promise<{ value: T; growthMiB: number }> {
  await server.call({ command: 'rss-start' });
  const value = await work();
  const window = (await server.call({ command: 'rss-stop' })) as RssWindow;
  return { value, growthMiB: (window.peakRss - window.baselineRss) / MiB };
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo-firm.test', password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`bench sign-in failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { data: { access_token: string } };
  return body.data.access_token;
}

/** Uploads `data` through `POST /documents` over a real socket, then downloads and hashes it. */
async function apiRoundTrip(
  baseUrl: string,
  folderId: string,
  token: string,
  data: TransferData,
): Promise<ApiRoundTrip> {
  const bytes = data.totalBytes;
  const authorization = `Bearer ${token}`;
  const uploadStarted = performance.now();
  const upload = await streamingUpload({
    url: `${baseUrl}/api/v1/documents`,
    headers: { authorization },
    fields: { folder_id: folderId },
    file: {
      field: 'file',
      name: 'bench.pdf',
      contentType: 'application/pdf',
      size: bytes,
      body: data.chunks(),
    },
  }).response;
  const uploadMs = performance.now() - uploadStarted;
  if (upload.status !== 201) throw new Error(`bench upload answered ${upload.status}: ${upload.body}`);
  const [document] = (
    JSON.parse(upload.body) as { data: Array<{ id: string; size: number; sha256: string }> }
  ).data;
  if (!document) throw new Error('bench upload answered no document');

  const downloadStarted = performance.now();
  const read = await download(`${baseUrl}/api/v1/documents/${document.id}/download`, authorization);
  const downloadMs = performance.now() - downloadStarted;
  const intact =
    document.size === bytes &&
    document.sha256 === data.sha256 &&
    read.size === bytes &&
    read.sha256 === data.sha256;
  return { uploadMs, downloadMs, intact };
}

function download(url: string, authorization: string): Promise<{ size: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { authorization } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`bench download answered ${response.statusCode}`));
        return;
      }
      hashStream(response).then(resolve, reject);
    }).once('error', reject);
  });
}

interface Server {
  baseUrl: string;
  folderId: string;
  call(command: ServerCommand): Promise<unknown>;
  close(): Promise<void>;
}

/** Forks the server process and waits for its address; `call` sends a command and awaits its reply. */
function startServer(spec: ServerSpec): Promise<Server> {
  const child: ChildProcess = fork(SERVER, [JSON.stringify(spec)], {
    // Keeps the TypeScript loader the parent was started with; --expose-gc lets the server settle its heap.
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  const call = (command: ServerCommand) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...command, id });
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await call({ command: 'close' }).catch(() => child.kill());
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const error = new Error(`document bench server exited with ${code}`);
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
    });
    child.on('message', (message: ServerMessage) => {
      if (message.type === 'ready') {
        resolve({ baseUrl: message.baseUrl, folderId: message.folderId, call, close });
        return;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.result);
    });
  });
}

function report(results: Map<Driver, CaseResult>): SectionReport {
  const rate = (ms: number) => (DATA_BYTES / MiB / (ms / 1000)).toFixed(0);
  const percent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
  const rows = CASES.map(({ driver, label }) => {
    const r = results.get(driver);
    if (!r) return [label, 'missing'];
    return [
      label,
      rate(r.apiUploadMs),
      rate(r.rawPutMs),
      percent(r.rawPutMs / r.apiUploadMs),
      rate(r.apiDownloadMs),
      rate(r.rawGetMs),
      percent(r.rawGetMs / r.apiDownloadMs),
      r.apiGrowthMiB.toFixed(1),
      r.rawGrowthMiB.toFixed(1),
      r.intact ? 'yes' : 'NO',
    ];
  });
  const checks = CASES.flatMap(({ driver, label }) => {
    const r = results.get(driver);
    if (!r) return [{ label, passed: false, detail: 'no result' }];
    const upload = r.rawPutMs / r.apiUploadMs;
    const download = r.rawGetMs / r.apiDownloadMs;
    return [
      {
        label: `${label}: API upload ≥ ${percent(RATIO_TARGET)} of the raw put`,
        passed: upload >= RATIO_TARGET,
        detail: percent(upload),
      },
      {
        label: `${label}: API download ≥ ${percent(RATIO_TARGET)} of the raw get`,
        passed: download >= RATIO_TARGET,
        detail: percent(download),
      },
      {
        label: `${label}: server peak RSS growth < ${RSS_TARGET_MIB} MiB during an API transfer`,
        passed: r.apiGrowthMiB < RSS_TARGET_MIB,
        detail: `${r.apiGrowthMiB.toFixed(1)} MiB`,
      },
      {
        label: `${label}: what is downloaded is what was uploaded`,
        passed: r.intact,
        detail: r.intact ? 'size and SHA-256 match' : 'MISMATCH',
      },
    ];
  });
  return {
    columns: [
      'store',
      'API up MiB/s',
      'raw put MiB/s',
      'up/raw',
      'API down MiB/s',
      'raw get MiB/s',
      'down/raw',
      'API RSS +MiB',
      'raw RSS +MiB',
      'intact',
    ],
    rows,
    checks,
    notes: [
      'The server runs in its own process (PGlite). The bench process streams each upload as multipart/form-data',
      `over a socket in ${CHUNK_BYTES / 1024} KiB writes and hashes each download as it arrives; the raw copy runs in the server`,
      'process: blobs.put of the same bytes, then blobs.get, hashed. Figures are the best of',
      `${ROUNDS} rounds (alternating which side goes first); RSS growth is the largest any one transfer caused in the server,`,
      'sampled every 10 ms against the figure taken after a 16 MiB warm-up and a GC. s3rver runs in its own process.',
    ],
  };
}
