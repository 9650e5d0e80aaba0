import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database';
import { runMigrations } from '../src/db/migrate';
import { encodeCursor } from '../src/lib/cursor';
import { openBenchDatabase, signInToken, startBenchApp } from './bench-app';
import { type BigFirm, seedBigFirm } from './big-firm';
import type { BenchSection, SectionReport } from './section';

const DURATION_SECONDS = 5;
const CONNECTIONS = 8;
const BENCH_DATABASE = 'chambers_bench';
/** Keyset pagination: a page deep in the table costs about what the first one does. */
const DEEP_PAGE_RATIO_TARGET = 2;
const P99_TARGET_MS = 250;

interface Scenario {
  label: string;
  url: (firm: BigFirm) => string;
  /** The same page as one plain SQL query, the floor the API is measured against. */
  raw: (firm: BigFirm) => { text: string; values: unknown[] };
}

const matterPage = (after: string | null) => ({
  text: `select * from matters where firm_id = $1 ${after ? 'and id > $2' : ''} order by id limit 51`,
});
const activityPage = (column: 'firm_id' | 'matter_id', after: string | null) => ({
  text: `select * from activities where ${column} = $1 ${after ? 'and id > $2' : ''} order by id limit 51`,
});

const scenarios: Scenario[] = [
  {
    label: 'matters, first page',
    url: () => '/api/v1/matters?limit=50',
    raw: (firm) => ({ ...matterPage(null), values: [firm.firmId] }),
  },
  {
    label: 'matters, page 199 of 200',
    url: (firm) => `/api/v1/matters?limit=50&cursor=${encodeCursor(firm.deepMatterId)}`,
    raw: (firm) => ({ ...matterPage(firm.deepMatterId), values: [firm.firmId, firm.deepMatterId] }),
  },
  {
    label: 'time entries, first page',
    url: () => '/api/v1/activities?limit=50',
    raw: (firm) => ({ ...activityPage('firm_id', null), values: [firm.firmId] }),
  },
  {
    label: 'time entries, page 19,999 of 20,000',
    url: (firm) => `/api/v1/activities?limit=50&cursor=${encodeCursor(firm.deepActivityId)}`,
    raw: (firm) => ({
      ...activityPage('firm_id', firm.deepActivityId),
      values: [firm.firmId, firm.deepActivityId],
    }),
  },
  {
    label: "one matter's time entries",
    url: (firm) => `/api/v1/activities?limit=50&matter_id=${firm.busyMatterId}`,
    raw: (firm) => ({ ...activityPage('matter_id', null), values: [firm.busyMatterId] }),
  },
];

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
}

/** The same query as fast as `CONNECTIONS` concurrent callers can run it, for `DURATION_SECONDS`. */
async function measureRaw(database: Database, query: { text: string; values: unknown[] }): Promise<Figures> {
  const run =
    database.driver === 'postgres'
      ? () => database.pool.query(query.text, query.values)
      : () => database.client.query(query.text, query.values);
  const latencies: number[] = [];
  const deadline = performance.now() + DURATION_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await run();
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: latencies.length / DURATION_SECONDS, p50: at(0.5), p99: at(0.99) };
}

async function measureApi(
  baseUrl: string,
  path: string,
  token: string,
): Promise<Figures & { failures: number }> {
  const result = await autocannon({
    url: `${baseUrl}${path}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

export const listPagesSection: BenchSection = {
  name: 'lists',
  title:
    'List pages through the API on a big firm (10,000 matters, 1,000,000 time entries) vs the raw SQL page',
  async run(): Promise<SectionReport> {
    const bench = await openBenchDatabase(BENCH_DATABASE);
    let app: FastifyInstance | null = null;
    try {
      await runMigrations(bench.database);
      const seedStarted = performance.now();
      const firm = await seedBigFirm(bench.database);
      const seedSeconds = (performance.now() - seedStarted) / 1000;

      let baseUrl: string;
      ({ app, baseUrl } = await startBenchApp(bench));
      const token = await signInToken(app, { email: firm.email, password: firm.password });

      const results: Array<{ label: string; api: Figures & { failures: number }; raw: Figures }> = [];
      for (const scenario of scenarios) {
        const raw = await measureRaw(bench.database, scenario.raw(firm));
        const api = await measureApi(baseUrl, scenario.url(firm), token);
        results.push({ label: scenario.label, api, raw });
      }

      const ms = (value: number) => value.toFixed(1);
      const rows = results.map(({ label, api, raw }) => [
        label,
        api.perSecond.toFixed(0),
        ms(api.p50),
        ms(api.p99),
        raw.perSecond.toFixed(0),
        ms(raw.p50),
        ms(raw.p99),
        `×${(api.p50 / Math.max(raw.p50, 0.01)).toFixed(1)}`,
      ]);
      const byLabel = (label: string) => results.find((result) => result.label.startsWith(label));
      const deepRatio = (first: string, deep: string) => {
        const a = byLabel(first)?.api.p50 ?? 0;
        const b = byLabel(deep)?.api.p50 ?? Number.POSITIVE_INFINITY;
        // +1 ms: autocannon reports whole milliseconds, so tiny pages would otherwise be noise.
        return b / (a + 1);
      };
      const matterRatio = deepRatio('matters, first', 'matters, page');
      const activityRatio = deepRatio('time entries, first', 'time entries, page');
      const worstP99 = Math.max(...results.map((result) => result.api.p99));
      const failures = results.reduce((sum, result) => sum + result.api.failures, 0);
      return {
        columns: ['page', 'API req/s', 'p50 ms', 'p99 ms', 'SQL q/s', 'p50 ms', 'p99 ms', 'API/SQL p50'],
        rows,
        notes: [
          `Database: ${bench.database.driver}; seeded in ${seedSeconds.toFixed(1)} s. ` +
            `${CONNECTIONS} concurrent clients for ${DURATION_SECONDS} s per figure; the API figures include ` +
            'HTTP, authentication (session check), JSON schemas and the page envelope.',
        ],
        checks: [
          {
            label: 'every API request answered 200',
            passed: failures === 0,
            detail: `${failures} failed`,
          },
          {
            label: `a deep matters page costs ≤ ${DEEP_PAGE_RATIO_TARGET}× the first (keyset)`,
            passed: matterRatio <= DEEP_PAGE_RATIO_TARGET,
            detail: `×${matterRatio.toFixed(2)}`,
          },
          {
            label: `a deep time-entries page costs ≤ ${DEEP_PAGE_RATIO_TARGET}× the first (keyset)`,
            passed: activityRatio <= DEEP_PAGE_RATIO_TARGET,
            detail: `×${activityRatio.toFixed(2)}`,
          },
          {
            label: `API p99 ≤ ${P99_TARGET_MS} ms on every page`,
            passed: worstP99 <= P99_TARGET_MS,
            detail: `worst ${worstP99.toFixed(1)} ms`,
          },
        ],
      };
    } finally {
      // Closing the app closes its database; without an app, close the database here.
      if (app) await app.close();
      else await bench.database.close();
      await bench.drop();
    }
  },
};
