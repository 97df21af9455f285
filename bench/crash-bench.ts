/**
 * `BENCH_ONLY=crash npm run bench`: the crash trials (docs/storage.md, "Crash trials") as a
 * benchmark: CRASH_TRIALS per store (default 10 here; `npm run crash-trials` runs 100), on
 * PGlite and PostgreSQL. Throws when a write was lost or anything half-written was found.
 */
import { runCrashTrials } from '../packages/store/test/crash-trials.js';
import type { BenchResult } from './calc-bench.js';

export async function benchCrash(): Promise<BenchResult[]> {
  const trials = Number(process.env.CRASH_TRIALS ?? 10);
  const out: BenchResult[] = [];
  for (const store of ['pglite', 'postgres'] as const) {
    const s = await runCrashTrials({ store, trials, seed: Number(process.env.CRASH_SEED ?? 23) });
    const bad = s.results.filter((r) => r.lost.length > 0 || r.problems.length > 0);
    if (bad.length > 0) throw new Error(`crash trials on ${store}: ${JSON.stringify(bad.slice(0, 3))}`);
    out.push(
      {
        name: `crash ${store}: acknowledged writes lost`,
        value: s.lost,
        unit: `of ${s.acknowledged}`,
        target: '0',
      },
      { name: `crash ${store}: trials`, value: s.trials, unit: 'SIGKILLs', note: `${s.seconds} s` },
    );
  }
  return out;
}
