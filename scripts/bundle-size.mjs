// Prints the JavaScript each SPA's first page load fetches (the entry and the chunks it preloads),
// gzipped, and fails when it is over budget: the sign-in page must stay quick on a phone.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

let over = false;
for (const app of ['manage', 'connect']) {
  const dist = path.join(repoRoot, 'apps', app, 'dist');
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g),
  ].map((match) => match[1]);
  let total = 0;
  for (const src of scripts) {
    const file = path.join(dist, src.replace(/^\/(connect\/)?/, ''));
    total += gzipSync(await readFile(file)).length;
  }
  const verdict = total > BUDGET_BYTES ? 'OVER BUDGET' : 'ok';
  console.log(
    `${app}: initial JavaScript ${(total / 1024).toFixed(1)} KiB gzipped in ${scripts.length} file(s) (budget ${BUDGET_BYTES / 1024} KiB) ${verdict}`,
  );
  if (total > BUDGET_BYTES) over = true;
}
if (over) process.exit(1);
