/**
 * `pnpm bench`: runs every benchmark section (or only those named on the command line, e.g.
 * `pnpm bench storage`), prints a table per section and exits non-zero if any target is missed.
 * Add a section by writing a `BenchSection` and listing it below.
 */
import { availableParallelism, cpus, totalmem } from 'node:os';
import { coCounselDocumentsSection } from './co-counsel-documents';
import { documentTransferSection } from './document-transfer';
import { listPagesSection } from './list-pages';
import { passwordHashSection } from './password-hash';
import { type BenchSection, formatTable, type SectionReport } from './section';
import { storageRssSection } from './storage-rss';

const sections: BenchSection[] = [
  passwordHashSection,
  storageRssSection,
  listPagesSection,
  documentTransferSection,
  coCounselDocumentsSection,
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !sections.some((section) => section.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown section(s): ${unknown.join(', ')}. Known: ${sections.map((s) => s.name).join(', ')}`,
  );
  process.exit(2);
}
const selected = wanted.length > 0 ? sections.filter((section) => wanted.includes(section.name)) : sections;

console.log(
  `Chambers benchmarks — node ${process.version}, ${availableParallelism()} × ${cpus()[0]?.model ?? 'cpu'}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB RAM\n`,
);

let failed = 0;
for (const section of selected) {
  console.log(`== ${section.title} ==\n`);
  let report: SectionReport;
  try {
    report = await section.run();
  } catch (error) {
    // One broken section should not hide the others' figures.
    console.error(`FAIL  ${section.name} did not complete:`, error);
    failed += 1;
    continue;
  }
  console.log(formatTable(report.columns, report.rows));
  console.log();
  for (const note of report.notes ?? []) console.log(note);
  if (report.notes?.length) console.log();
  for (const check of report.checks) {
    console.log(`${check.passed ? 'PASS' : 'FAIL'}  ${check.label}: ${check.detail}`);
    if (!check.passed) failed += 1;
  }
  console.log();
}

console.log(failed === 0 ? 'All targets met.' : `${failed} target(s) missed.`);
process.exitCode = failed === 0 ? 0 : 1;
