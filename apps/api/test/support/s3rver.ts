import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface S3rverInstance {
  endpoint: string;
  bucket: string;
  /** Ready-made settings for `StorageConfig['s3']`. */
  config: {
    endpoint: string;
    region: string;
    bucket: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: true;
  };
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const S3RVER_BIN = join(dirname(require.resolve('s3rver/package.json')), 'bin', 's3rver.js');
const LISTENING = /S3rver listening on [^:\s]+:(\d+)/;

/**
 * Starts a real s3rver in its own process (so its memory and CPU do not count against the caller's) on a
 * free port of 127.0.0.1, with a temporary data directory and one bucket. `stop()` kills it and removes
 * the directory.
 */
export async function startS3rver(options: { bucket?: string } = {}): Promise<S3rverInstance> {
  const bucket = options.bucket ?? 'chambers-test';
  const directory = await mkdtemp(join(tmpdir(), 'chambers-s3rver-'));
  const child = spawn(
    process.execPath,
    [S3RVER_BIN, '-d', directory, '-a', '127.0.0.1', '-p', '0', '--silent', '--configure-bucket', bucket],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let port: number;
  try {
    port = await waitForPort(child);
  } catch (error) {
    await stopChild(child);
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    config: {
      endpoint,
      region: 'us-east-1',
      bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    async stop() {
      await stopChild(child);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`s3rver did not start within 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        cleanup();
        // Keep draining the pipes so a chatty child can never block on a full buffer.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null) =>
      fail(new Error(`s3rver exited (${code}) before listening:\n${output}`));
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', fail);
    }
    function fail(error: Error) {
      cleanup();
      reject(error);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', fail);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
