import { pbkdf2Sync } from 'node:crypto';
import { hashPassword, verifyPassword } from '../src/lib/password';
import type { BenchSection } from './section';

const RUNS = 21;
const TARGET_MS = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(run: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * argon2id as Chambers configures it (m = 19 MiB, t = 2, p = 1), hashing and verifying, next to a
 * baseline of PBKDF2-SHA256 at OWASP's 600,000 iterations measured in the same run.
 */
export const passwordHashSection: BenchSection = {
  name: 'password',
  title: 'Password hashing (argon2id, m=19 MiB, t=2, p=1)',
  async run() {
    const password = 'correct horse battery staple';
    const stored = await hashPassword(password);
    const baseline = median(
      await time(() => pbkdf2Sync(password, 'salt-for-the-baseline', 600_000, 32, 'sha256')),
    );
    const hashing = median(await time(() => hashPassword(password)));
    const verifying = median(await time(() => verifyPassword(stored, password)));
    const [, memoryKiB = 0, iterations = 0] = (stored.match(/m=(\d+),t=(\d+)/) ?? []).map(Number);
    const row = (label: string, ms: number) => [label, ms.toFixed(1), `×${(ms / baseline).toFixed(2)}`];
    return {
      columns: ['operation', 'median ms', 'vs baseline'],
      rows: [
        row('baseline: PBKDF2-SHA256, 600k iterations', baseline),
        row('argon2id hash', hashing),
        row('argon2id verify', verifying),
      ],
      notes: [`Median of ${RUNS} runs each. Stored form: ${stored.slice(0, stored.lastIndexOf('$'))}$…`],
      checks: [
        {
          label: 'argon2id parameters meet SECURITY.md (m ≥ 19 MiB, t ≥ 2)',
          passed: stored.startsWith('$argon2id$') && memoryKiB >= 19_456 && iterations >= 2,
          detail: stored.split('$').slice(1, 4).join(' '),
        },
        {
          label: `median hash time under ${TARGET_MS} ms`,
          passed: hashing < TARGET_MS,
          detail: `${hashing.toFixed(1)} ms`,
        },
      ],
    };
  },
};
