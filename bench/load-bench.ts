/**
 * `BENCH_LOAD=1 npm run bench` (or `BENCH_ONLY=load`): the load test (docs/performance.md,
 * "Load"; `npm run load-test` prints every figure) as a benchmark: throughput and p50/p95/p99 per
 * request kind. Sizes from LOAD_PREPARERS, LOAD_REVIEWERS, LOAD_REPORTERS, LOAD_SECONDS (default
 * 200, 20, 5, 60 s). Throws on an error answer, a lost write or a failed `assay audit verify`.
 * Not in the default `npm run bench`: it takes minutes and needs PostgreSQL on 127.0.0.1.
 */
import { loadFailed, runLoadTest } from '../packages/cli/test/load-test.js';
import type { BenchResult } from './calc-bench.js';

const num = (name: string, fallback: number) => Number(process.env[name] || fallback);

export async function benchLoad(): Promise<BenchResult[]> {
  const r = await runLoadTest({
    preparers: num('LOAD_PREPARERS', 200),
    reviewers: num('LOAD_REVIEWERS', 20),
    reporters: num('LOAD_REPORTERS', 5),
    seconds: num('LOAD_SECONDS', 60),
  });
  const why = loadFailed(r);
  if (why.length > 0) throw new Error(`load test: ${why.join('; ')}`);
  const out: BenchResult[] = [];
  for (const [kind, k] of Object.entries(r.kinds))
    out.push({
      name: `load ${kind}`,
      value: k.perSecond,
      unit: 'requests/s',
      note: `${k.requests} requests; p50 ${k.p50} ms, p95 ${k.p95} ms, p99 ${k.p99} ms`,
    });
  out.push({
    name: 'load: acknowledged saves lost',
    value: r.lostWrites.length,
    unit: `of ${r.acknowledgedSaves}`,
    target: '0',
    note: `${r.durationSeconds} s of load; 412s ${r.conflicts412}; approvals ${r.approvals}`,
  });
  return out;
}
