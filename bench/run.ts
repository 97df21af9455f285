/**
 * `npm run bench`: every benchmark of the project, one after another, printed as a table with
 * the machine it ran on. Figures are recorded by hand in docs/performance.md.
 * Set BENCH_ONLY=calc,check,… to run a subset; the load test runs only with BENCH_LOAD=1 (or BENCH_ONLY=load).
 */
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './calc-bench.js';

type Suite = { name: string; file: string; fn: string };

const SUITES: Suite[] = [
  { name: 'calc', file: 'calc-bench.ts', fn: 'benchCalc' },
  { name: 'check', file: 'check-bench.ts', fn: 'benchCheck' },
  { name: 'import', file: 'import-csv.ts', fn: 'benchImport' },
  { name: 'report', file: 'report-bench.ts', fn: 'benchReport' },
  { name: 'web', file: 'web-bench.ts', fn: 'benchWeb' },
  { name: 'edit', file: 'edit-bench.ts', fn: 'benchEdit' },
  { name: 'bundle-graph', file: 'bundle-graph-bench.ts', fn: 'benchBundleGraph' },
  // 2.4 M data points imported into PostgreSQL (127.0.0.1), then opened as `assay serve` does
  { name: 'store-load', file: 'store-load-bench.ts', fn: 'benchStoreLoad' },
  { name: 'crash', file: 'crash-bench.ts', fn: 'benchCrash' },
  // The load test (minutes, PostgreSQL on 127.0.0.1): only with BENCH_LOAD=1 or BENCH_ONLY=load.
  { name: 'load', file: 'load-bench.ts', fn: 'benchLoad' },
  { name: 'meters', file: 'meters-bench.ts', fn: 'benchMeters' },
];

const only = process.env.BENCH_ONLY?.split(',');
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
for (const s of SUITES) {
  if (only && !only.includes(s.name)) continue;
  if (s.name === 'load' && !only && process.env.BENCH_LOAD !== '1') continue;
  const path = join(import.meta.dirname, s.file);
  if (!existsSync(path)) {
    console.log(`${s.name}: no benchmark file ${s.file}`);
    continue;
  }
  const mod = (await import(path)) as Record<string, () => Promise<BenchResult[]>>;
  const fn = mod[s.fn];
  if (!fn) throw new Error(`${s.file} does not export ${s.fn}`);
  for (const r of await fn()) {
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.target ? `  (target ${r.target})` : ''}${r.note ? `  — ${r.note}` : ''}`,
    );
  }
}
