import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the server under test, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string;
  }
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = 'apps/api/src/server.ts';
const STARTUP_TIMEOUT_MS = 60_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;
const OUTPUT_LIMIT = 64 * 1024;

/**
 * Starts the real server once for the whole run: `node --import tsx apps/api/src/server.ts` on a
 * free port, with a fresh data directory (embedded PGlite, disk blobs, dev mailbox, demo seed).
 * `E2E_BASE_URL` skips this and tests a server that is already running.
 */
export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/+$/, ''));
    return;
  }

  for (const app of ['manage', 'connect']) {
    if (!existsSync(path.join(repoRoot, 'apps', app, 'dist', 'index.html'))) {
      throw new Error(`apps/${app} is not built: run "pnpm build" first (pnpm test:e2e does).`);
    }
  }

  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chambers-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    // Every journey comes from 127.0.0.1: one client to the rate limiters (the API's own tests
    // cover them). A whole run of sign-ins must not be throttled as if it were one abusive browser.
    RATE_LIMIT_EXEMPT: '127.0.0.1',
    // Small enough for a journey to cross it with a generated file.
    UPLOAD_MAX_FILE_BYTES: String(16 * 1024 * 1024),
  };
  // Always the embedded database: browser tests must not touch a developer's or CI's PostgreSQL.
  delete env.DATABASE_URL;

  const server = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(server);
  const baseUrl = `http://127.0.0.1:${port}`;

  try {
    await waitForHealth(baseUrl, server, output);
  } catch (error) {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** A port the OS just handed out; the server binds it a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** Keeps the server's latest output to explain a failed start; warnings are echoed as they come. */
function captureOutput(child: ChildProcess): () => string {
  let text = '';
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', (chunk: Buffer) => {
    append(chunk);
    process.stderr.write(`[api] ${chunk.toString('utf8')}`);
  });
  return () => text;
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  const exited = new Promise<string>((resolve) =>
    server.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`)),
  );
  while (Date.now() < deadline) {
    const outcome = await Promise.race([
      exited,
      fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => (response.ok ? 'healthy' : null),
        () => null,
      ),
    ]);
    if (outcome === 'healthy') return;
    if (outcome) throw new Error(`The server ${outcome} before it was healthy. Its output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The server did not answer GET /api/health within ${STARTUP_TIMEOUT_MS / 1000} s. Its output:\n${output()}`,
  );
}

/** SIGTERM, then wait for the process to exit (SIGKILL if it will not). */
async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
