import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));

export interface ApiProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Resolves with the exit code, or the signal that ended the process. */
  exit: Promise<number | NodeJS.Signals | null>;
  stderr(): string;
}

/**
 * Runs the real server entry (`src/server.ts`, as `pnpm start` does) on a free port with `env` over
 * the test's environment, and resolves once `/api/health` answers. DATABASE_URL is only passed on
 * when `env` names it: otherwise the server uses PGlite under DATA_DIR.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const childEnv: Record<string, string> = { ...(process.env as Record<string, string>) };
  delete childEnv.DATABASE_URL;
  Object.assign(childEnv, { PORT: String(port), HOST: '127.0.0.1' }, env);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const started: ApiProcess = { child, baseUrl: `http://127.0.0.1:${port}`, exit, stderr: () => stderr };
  await waitForHealth(started);
  return started;
}

async function waitForHealth(api: ApiProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`the API process exited: ${api.stderr()}`);
    try {
      if ((await fetch(`${api.baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  api.child.kill('SIGKILL');
  throw new Error('the API process did not become healthy within 60 s');
}
