import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The migration drift check: generates migrations from the schema into a scratch copy of the
 * committed ones and fails if drizzle-kit had anything new to write.
 */
const apiDir = fileURLToPath(new URL('..', import.meta.url));
const committed = path.join(apiDir, 'drizzle');
// drizzle-kit only takes an --out relative to the working directory.
const scratch = await mkdtemp(path.join(apiDir, '.migrations-check-'));
try {
  await cp(committed, scratch, { recursive: true });
  const before = new Set(await readdir(scratch));
  const drizzleKit = path.join(apiDir, 'node_modules', '.bin', 'drizzle-kit');
  const result = spawnSync(
    drizzleKit,
    [
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      './src/db/schema/*.ts',
      '--out',
      path.relative(apiDir, scratch),
    ],
    { cwd: apiDir, encoding: 'utf8' },
  );
  // drizzle-kit can print an error and still exit 0: require one of its two success messages.
  if (result.status !== 0 || !/No schema changes|Your SQL migration file/.test(result.stdout)) {
    console.error(result.stdout, result.stderr);
    throw new Error('drizzle-kit generate failed');
  }
  const added = (await readdir(scratch)).filter((name) => !before.has(name));
  if (added.length > 0) {
    console.error(
      `The schema has changes without a migration (${added.join(', ')}): run "pnpm db:generate" and commit.`,
    );
    process.exitCode = 1;
  } else {
    console.log('Migrations match the schema.');
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
