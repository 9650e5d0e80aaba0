/** One benchmark family (storage, HTTP routes, ...) that `run.ts` executes and reports. */
export interface BenchSection {
  name: string;
  title: string;
  run(): Promise<SectionReport>;
}

export interface SectionReport {
  columns: string[];
  rows: string[][];
  /** Targets the run must meet; any failure makes `pnpm bench` exit non-zero. */
  checks: Array<{ label: string; passed: boolean; detail: string }>;
  notes?: string[];
}

/** Left-aligns the first column and right-aligns the rest (they are numbers). */
export function formatTable(columns: string[], rows: string[][]): string {
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
