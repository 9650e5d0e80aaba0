import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Runs the real server entry as `pnpm start` does, on the embedded defaults. */
function startServer(env: Record<string, string>): Started {
  const childEnv: Record<string, string> = { ...(process.env as Record<string, string>), ...env };
  delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: apiDir, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function waitForHealth(base: string, started: Started): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`server exited: ${started.stderr()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not become healthy');
}

describe('the server process', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'chambers-server-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it.each([
    [{ DATABASE_URL_OVERRIDE: 'mysql://root@db/x' }, 'DATABASE_URL'],
    [{ STORAGE_DRIVER: 'ftp' }, 'STORAGE_DRIVER'],
  ])('stops on bad config %o with one clear line naming %s, no stack trace', async (env, name) => {
    const { DATABASE_URL_OVERRIDE, ...rest } = env as Record<string, string>;
    const childEnv: Record<string, string> = {
      ...(process.env as Record<string, string>),
      DATA_DIR: dataDir,
      ...rest,
    };
    if (DATABASE_URL_OVERRIDE) childEnv.DATABASE_URL = DATABASE_URL_OVERRIDE;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env: childEnv,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name} `));
  });

  it('serves, drains on SIGTERM (readiness 503 at once, exit 0), and keeps its data across restarts', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SHUTDOWN_DELAY_MS: '2000',
    };

    const first = startServer(env);
    await waitForHealth(base, first);
    expect((await fetch(`${base}/api/ready`)).status).toBe(200);
    expect(first.stdout()).toContain('Seeded the demo firms');
    expect(first.stdout()).toMatch(/admin@demo-firm.test +admin at Demo Firm LLP/);

    first.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const draining = await fetch(`${base}/api/ready`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ checks: { shutting_down: true } });
    expect(await first.exit).toBe(0);

    const second = startServer(env);
    await waitForHealth(base, second);
    expect(second.stdout()).toContain('Demo logins');
    expect(second.stdout()).not.toContain('Seeded');
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo-firm.test', password: 'chambers-demo' }),
    });
    expect(login.status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  }, 120_000);
});
