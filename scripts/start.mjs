// `pnpm start`: builds the SPAs when their build is missing or older than their sources, then
// runs the API server (which migrates, seeds the demo firm on first run and serves everything).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const sharedSources = ['packages/ui/src', 'packages/api-client/src', 'packages/contracts/src'];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function isStale(app) {
  const built = path.join(root, 'apps', app, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = [
    `apps/${app}/src`,
    `apps/${app}/index.html`,
    `apps/${app}/vite.config.ts`,
    ...sharedSources,
  ];
  return sources.some((source) => newestMtime(path.join(root, source)) > statSync(built).mtimeMs);
}

const stale = ['manage', 'connect'].filter(isStale);
if (stale.length > 0) {
  console.log(`Building ${stale.join(' and ')}…`);
  const filters = stale.flatMap((app) => ['--filter', `@chambers/${app}`]);
  const result = spawnSync('pnpm', [...filters, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

register();
await import('../apps/api/src/server.ts');
