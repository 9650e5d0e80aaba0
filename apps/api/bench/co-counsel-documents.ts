import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { runMigrations } from '../src/db/migrate';
import { encodeCursor } from '../src/lib/cursor';
import { openBenchDatabase, signInToken, startBenchApp } from './bench-app';
import { type DocumentFirm, FULL_DOCUMENT_FIRM, SMALL_DOCUMENT_FIRM, seedDocumentFirm } from './big-firm';
import type { BenchSection, SectionReport } from './section';

const DURATION_SECONDS = 5;
const WARM_UP_SECONDS = 1;
const CONNECTIONS = 8;
const PAGE = 50;
const BENCH_DATABASE = 'chambers_bench_co_counsel';
/** The list target every page is held to (`pnpm bench lists`). */
const P99_TARGET_MS = 250;
/**
 * The admin's page is one index range scan; the co-counsel's works out its visible documents first
 * (a few index lookups per share, ~2 ms more on PostgreSQL) and is audited. Walking the firm's
 * documents instead (the plan `external-scope.ts` avoids) cost seven times the admin's page here,
 * and more as the firm grows.
 */
const RATIO_TARGET = 4;
/** Keyset pagination: the co-counsel's deep page costs about what its first does. */
const DEEP_PAGE_RATIO_TARGET = 2;

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

async function measure(baseUrl: string, path: string, token: string): Promise<Figures> {
  const run = (duration: number) =>
    autocannon({
      url: `${baseUrl}${path}`,
      connections: CONNECTIONS,
      duration,
      headers: { authorization: `Bearer ${token}` },
    });
  // Unrecorded first: the first URL measured would otherwise also pay for warming the JIT and caches.
  await run(WARM_UP_SECONDS);
  const result = await run(DURATION_SECONDS);
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Every id of the list, read page by page as `token`. */
async function readAll(app: FastifyInstance, token: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/documents?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.statusCode !== 200) throw new Error(`document list failed: ${response.body}`);
    const page = response.json() as { data: { id: string }[]; meta: { next_cursor: string | null } };
    ids.push(...page.data.map((document) => document.id));
    cursor = page.meta.next_cursor;
  } while (cursor);
  return ids;
}

/** The co-counsel's last full page (as deep as a full page goes), and its cursor. */
function deepCoCounselPage(firm: DocumentFirm): { number: number; cursor: string } {
  const full = Math.floor(firm.visibleDocumentIds.length / PAGE);
  return { number: full, cursor: encodeCursor(firm.visibleDocumentIds[(full - 1) * PAGE - 1] ?? '') };
}

export const coCounselDocumentsSection: BenchSection = {
  name: 'co-counsel',
  title:
    'A co-counsel’s document list (20 shares) on a firm with 1,000,000 documents and 10,000 shares, next to a firm admin’s',
  async run(): Promise<SectionReport> {
    const bench = await openBenchDatabase(BENCH_DATABASE);
    const size = bench.database.driver === 'postgres' ? FULL_DOCUMENT_FIRM : SMALL_DOCUMENT_FIRM;
    let app: FastifyInstance | null = null;
    try {
      await runMigrations(bench.database);
      const seedStarted = performance.now();
      const firm = await seedDocumentFirm(bench.database, size);
      const seedSeconds = (performance.now() - seedStarted) / 1000;

      let baseUrl: string;
      ({ app, baseUrl } = await startBenchApp(bench));
      const adminToken = await signInToken(app, firm.admin);
      const coCounselToken = await signInToken(app, firm.coCounsel);
      // The figures only count if the co-counsel's list is the right one.
      const served = await readAll(app, coCounselToken);
      const seesExactly =
        served.length === firm.visibleDocumentIds.length &&
        served.every((id, i) => id === firm.visibleDocumentIds[i]);

      const coCounselPages = Math.ceil(firm.visibleDocumentIds.length / PAGE);
      const adminPages = size.documents / PAGE;
      const deep = deepCoCounselPage(firm);
      // Both deep pages are full pages of 50, like the first ones.
      const pages = [
        {
          label: 'first page',
          coCounsel: `/api/v1/documents?limit=${PAGE}`,
          admin: `/api/v1/documents?limit=${PAGE}`,
        },
        {
          label: `deep page (co-counsel ${deep.number} of ${coCounselPages}; admin ${(adminPages - 1).toLocaleString('en')} of ${adminPages.toLocaleString('en')})`,
          coCounsel: `/api/v1/documents?limit=${PAGE}&cursor=${deep.cursor}`,
          admin: `/api/v1/documents?limit=${PAGE}&cursor=${encodeCursor(firm.deepDocumentId)}`,
        },
      ];
      const results: { label: string; coCounsel: Figures; admin: Figures }[] = [];
      for (const page of pages) {
        const coCounsel = await measure(baseUrl, page.coCounsel, coCounselToken);
        const admin = await measure(baseUrl, page.admin, adminToken);
        results.push({ label: page.label, coCounsel, admin });
      }

      const ms = (value: number) => value.toFixed(1);
      // +1 ms: autocannon reports whole milliseconds, so tiny pages would otherwise be noise.
      const ratio = (a: number, b: number) => (a + 1) / (b + 1);
      const rows = results.map(({ label, coCounsel, admin }) => [
        label,
        coCounsel.perSecond.toFixed(0),
        ms(coCounsel.p50),
        ms(coCounsel.p99),
        admin.perSecond.toFixed(0),
        ms(admin.p50),
        ms(admin.p99),
        `×${ratio(coCounsel.p50, admin.p50).toFixed(2)}`,
      ]);
      const [first, deepest] = results;
      const worstRatio = Math.max(...results.map((r) => ratio(r.coCounsel.p50, r.admin.p50)));
      const deepRatio = ratio(deepest?.coCounsel.p50 ?? Number.POSITIVE_INFINITY, first?.coCounsel.p50 ?? 0);
      const worstP99 = Math.max(...results.map((r) => r.coCounsel.p99));
      const failures = results.reduce((sum, r) => sum + r.coCounsel.failures + r.admin.failures, 0);
      const scaleNote =
        size === FULL_DOCUMENT_FIRM
          ? ''
          : ` PGlite (no DATABASE_URL): a smaller firm — ${size.documents.toLocaleString('en')} documents, ` +
            `${size.shares.toLocaleString('en')} shares; set DATABASE_URL for the full 1,000,000 / 10,000.`;
      return {
        columns: [
          'page',
          'co-counsel req/s',
          'p50 ms',
          'p99 ms',
          'admin req/s',
          'p50 ms',
          'p99 ms',
          'p50 ratio',
        ],
        rows,
        notes: [
          `Database: ${bench.database.driver}; ${size.documents.toLocaleString('en')} documents in ` +
            `${size.matters.toLocaleString('en')} matters (10 folders each), ${size.shares.toLocaleString('en')} shares ` +
            `over ${size.coCounselContacts.toLocaleString('en')} co-counsel; seeded in ${seedSeconds.toFixed(1)} s. ` +
            `The co-counsel sees ${firm.visibleDocumentIds.length} documents (folder shares, document shares, ` +
            `its uploads, attachments). ${CONNECTIONS} concurrent clients for ${DURATION_SECONDS} s per figure.` +
            scaleNote,
        ],
        checks: [
          {
            label: 'the co-counsel lists exactly the documents shared with it, in order',
            passed: seesExactly,
            detail: `${served.length} served, ${firm.visibleDocumentIds.length} expected`,
          },
          { label: 'every API request answered 200', passed: failures === 0, detail: `${failures} failed` },
          {
            label: `a co-counsel page costs ≤ ${RATIO_TARGET}× the admin's same page (p50)`,
            passed: worstRatio <= RATIO_TARGET,
            detail: `worst ×${worstRatio.toFixed(2)}`,
          },
          {
            label: `the co-counsel's deep page costs ≤ ${DEEP_PAGE_RATIO_TARGET}× its first (keyset)`,
            passed: deepRatio <= DEEP_PAGE_RATIO_TARGET,
            detail: `×${deepRatio.toFixed(2)}`,
          },
          {
            label: `co-counsel p99 ≤ ${P99_TARGET_MS} ms on every page`,
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
