import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startS3rver } from '../test/support/s3rver';
import type { BenchSection, SectionReport } from './section';
import type { ChildResult, ChildSpec, StorageCase } from './storage-rss-child';

const MiB = 1024 * 1024;
const DATA_BYTES = 1024 * MiB;
/** The size of the reads an HTTP upload arrives in, which is what the storage layer sees in production. */
const CHUNK_BYTES = 64 * 1024;
const RSS_TARGET_MIB = 64;
const CHILD = new URL('./storage-rss-child.ts', import.meta.url);

const CASES: Array<{ case: StorageCase; label: string; isDriver: boolean }> = [
  { case: 'baseline', label: 'baseline (plain pipeline to a file)', isDriver: false },
  { case: 'disk', label: 'disk driver', isDriver: true },
  { case: 's3', label: 's3 driver (local s3rver)', isDriver: true },
];

export const storageRssSection: BenchSection = {
  name: 'storage',
  title: `Blob storage: ${DATA_BYTES / MiB} MiB streamed round trip in ${CHUNK_BYTES / 1024} KiB chunks (put, then get + SHA-256)`,
  async run(): Promise<SectionReport> {
    const s3rver = await startS3rver({ bucket: 'chambers-bench' });
    const results = new Map<StorageCase, ChildResult>();
    try {
      for (const { case: name } of CASES) {
        const workDir = await mkdtemp(join(tmpdir(), `chambers-bench-${name}-`));
        try {
          results.set(
            name,
            await runChild({
              case: name,
              bytes: DATA_BYTES,
              chunkBytes: CHUNK_BYTES,
              workDir,
              s3: s3rver.config,
            }),
          );
        } finally {
          await rm(workDir, { recursive: true, force: true });
        }
      }
    } finally {
      await s3rver.stop();
    }

    const baseline = results.get('baseline');
    const growthMiB = (r: ChildResult) => (r.peakRss - r.baselineRss) / MiB;
    const wallMs = (r: ChildResult) => r.putMs + r.getMs;
    const rate = (ms: number) => (DATA_BYTES / MiB / (ms / 1000)).toFixed(0);
    const ratio = (value: number, reference: number | undefined) =>
      reference ? `×${(value / reference).toFixed(2)}` : '–';
    const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;

    const rows = CASES.map(({ case: name, label }) => {
      const r = results.get(name);
      if (!r) return [label, 'missing'];
      return [
        label,
        (wallMs(r) / 1000).toFixed(1),
        rate(r.putMs),
        rate(r.getMs),
        growthMiB(r).toFixed(1),
        ratio(wallMs(r), baseline && wallMs(baseline)),
        // A difference, not a ratio: the baseline's growth is close to zero.
        baseline ? signed(growthMiB(r) - growthMiB(baseline)) : '–',
        r.intact ? 'yes' : 'NO',
      ];
    });

    const checks = CASES.flatMap(({ case: name, label, isDriver }) => {
      const r = results.get(name);
      if (!r) return [{ label, passed: false, detail: 'no result' }];
      const intact = { label: `${label} data intact`, passed: r.intact, detail: 'size and SHA-256 match' };
      if (!isDriver) return [intact];
      const growth = growthMiB(r);
      return [
        intact,
        {
          label: `${label} peak RSS growth < ${RSS_TARGET_MIB} MiB`,
          passed: growth < RSS_TARGET_MIB,
          detail: `${growth.toFixed(1)} MiB`,
        },
      ];
    });

    return {
      columns: [
        'case',
        'wall s',
        'put MiB/s',
        'get MiB/s',
        'peak RSS +MiB',
        'time vs base',
        'RSS vs base MiB',
        'intact',
      ],
      rows,
      checks,
      notes: [
        'Each case runs in its own process; RSS is sampled every 20 ms and compared with the figure taken',
        'after a 16 MiB warm-up. s3rver runs in a separate process and is not counted.',
      ],
    };
  },
};

function runChild(spec: ChildSpec): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [JSON.stringify(spec)], {
      // Keeps the TypeScript loader the parent was started with; --expose-gc lets the child settle its heap.
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ChildResult | undefined;
    child.once('message', (message) => {
      result = message as ChildResult;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`storage bench child for ${spec.case} exited with ${code} and no result`));
    });
  });
}
