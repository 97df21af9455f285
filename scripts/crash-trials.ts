/**
 * Crash trials (docs/storage.md, "Crash trials"): SIGKILL a writing process at random moments
 * and check every acknowledged write after the restart.
 *
 *   npm run crash-trials                                  # 100 trials on PGlite and on PostgreSQL
 *   CRASH_TRIALS=20 CRASH_STORES=pglite npm run crash-trials
 *
 * Environment: CRASH_TRIALS (per store, default 100), CRASH_STORES (pglite,postgres), CRASH_OPS
 * (import,save,approve: the kinds of write, taken in turn),
 * CRASH_SEED (default 23), CRASH_ROWS (lines per import, default 2,000), ASSAY_TEST_PG_URL.
 * Prints a line per trial and a summary per store; exit status 1 when a write was lost or
 * anything half-written or unverifiable was found.
 */
import { type CrashOp, type CrashStoreKind, runCrashTrials } from '../packages/store/test/crash-trials.js';

const trials = Number(process.env.CRASH_TRIALS ?? 100);
const stores = (process.env.CRASH_STORES ?? 'pglite,postgres').split(',') as CrashStoreKind[];
let failed = false;
for (const store of stores) {
  const s = await runCrashTrials({
    store,
    trials,
    ...(process.env.CRASH_OPS ? { ops: process.env.CRASH_OPS.split(',') as CrashOp[] } : {}),
    seed: Number(process.env.CRASH_SEED ?? 23),
    rows: Number(process.env.CRASH_ROWS ?? 2000),
    log: (r) =>
      console.log(
        `${store} #${r.trial} ${r.op} killed after ${r.killAfterMs} ms: ${r.acknowledged} acknowledged, ` +
          `${r.lost.length} lost${r.unacknowledgedImports ? `, ${r.unacknowledgedImports} import(s) in flight (${r.committedUnacknowledged} committed)` : ''}` +
          `${r.lost.length ? ` ${JSON.stringify(r.lost)}` : ''}${r.problems.length ? ` PROBLEMS ${JSON.stringify(r.problems)}` : ''}`,
      ),
  });
  const { results: _, ...summary } = s;
  console.log(JSON.stringify(summary));
  if (s.failedTrials > 0) failed = true;
}
process.exit(failed ? 1 : 0);
