/**
 * The long run of the model-based tests (docs/storage.md, "Model-based tests"):
 *
 *   npm run test:model-long                     # 1,000,000 steps on PGlite, with the workspace
 *   MODEL_STORE=postgres MODEL_STEPS=500000 npm run test:model-long
 *
 * Environment: MODEL_STEPS (default 1,000,000), MODEL_STORE (pglite | postgres), MODEL_SEED
 * (base seed; run i uses seed + i; default random), MODEL_MAX_COMMANDS (per run, default 400:
 * fast-check draws a length up to it), MODEL_CHECK_EVERY (full comparison and verification
 * every this many steps, default 10; the light checks run after every step), MODEL_WORKSPACE=0
 * (store steps only), MODEL_MAX_DIVERGENCES (stop after this many, default 5),
 * MODEL_SHRINK_MINUTES (time for fast-check to shrink a divergence, default 10),
 * ASSAY_MODEL_SKIP (families to leave out), ASSAY_TEST_PG_URL (PostgreSQL admin URL).
 *
 * Prints a progress line a minute and a summary line (JSON) at the end; a divergence is
 * printed with fast-check's report (seed, path, shrunk counterexample) and the run goes on
 * with the next seed. Exit status 1 when any divergence was found.
 */
import type { StoreKind } from '@assay/store';
import { openStoreWorkspace } from '../packages/app/test/model-workspace.js';
import { assertModel, skippedFromEnv, totals } from '../packages/store/test/model-harness.js';
import { storeHost } from '../packages/store/test/model-system.js';

const env = (name: string, fallback: number) => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${v}"`);
  return n;
};

const steps = env('MODEL_STEPS', 1_000_000);
const kind = (process.env.MODEL_STORE ?? 'pglite') as StoreKind;
if (kind !== 'pglite' && kind !== 'postgres') throw new Error('MODEL_STORE is pglite or postgres');
const seed = env('MODEL_SEED', Math.floor(Math.random() * 2 ** 31));
const maxCommands = env('MODEL_MAX_COMMANDS', 400);
const checkEvery = env('MODEL_CHECK_EVERY', 10);
const workspace = process.env.MODEL_WORKSPACE !== '0';
const maxDivergences = env('MODEL_MAX_DIVERGENCES', 5);
const shrinkMs = env('MODEL_SHRINK_MINUTES', 10) * 60_000;
const skip = skippedFromEnv();

const started = Date.now();
const stamp = () => new Date().toISOString();
const rate = () => totals.steps / Math.max(1, (Date.now() - started) / 1000);
console.log(
  `${stamp()} model run: ${steps} steps on ${kind}, seed ${seed}, up to ${maxCommands} commands per run, ` +
    `full check every ${checkEvery} steps, workspace ${workspace ? 'on' : 'off'}${skip.length ? `, skipping ${skip.join(',')}` : ''}`,
);

const host = await storeHost(kind);
let divergences = 0;
let lastReport = Date.now();
try {
  for (let i = 0; totals.steps < steps && divergences < maxDivergences; i++) {
    try {
      await assertModel({
        host,
        ...(workspace ? { openWorkspace: openStoreWorkspace } : {}),
        families: { workspace, skip },
        maxCommands,
        checkEvery,
        numRuns: 1,
        seed: seed + i,
        interruptAfterMs: shrinkMs,
      });
    } catch (e) {
      divergences += 1;
      console.log(`${stamp()} DIVERGENCE ${divergences} (run seed ${seed + i}):\n${(e as Error).message}`);
    }
    if (Date.now() - lastReport >= 60_000) {
      lastReport = Date.now();
      console.log(
        `${stamp()} progress: ${totals.steps} steps, ${totals.runs} runs, ${Math.round((Date.now() - started) / 1000)} s, ${rate().toFixed(1)} steps/s, ${divergences} divergences`,
      );
    }
  }
} finally {
  await host.dispose();
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  JSON.stringify({
    done: stamp(),
    store: kind,
    seed,
    steps: totals.steps,
    runs: totals.runs,
    seconds,
    stepsPerSecond: Number(rate().toFixed(1)),
    divergences,
    workspace,
    checkEvery,
    maxCommands,
    ms: Object.fromEntries(Object.entries(totals.ms).map(([k, v]) => [k, Math.round(v)])),
  }),
);
process.exitCode = divergences > 0 ? 1 : 0;
