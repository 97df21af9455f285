/**
 * Model-based test of the workspace over the store (issue #14): random sequences of web edits
 * (writeDataPoints with current, stale and unknown versions, new data points, re-adding
 * retracted ones, ids of other data points, overlapping periods), retractions, concurrent
 * writes naming the same version, CLI imports and retractions, restarts and tampering, on
 * PGlite and on PostgreSQL, checked after every step against a plain in-memory model
 * (packages/store/test/model-*.ts; docs/storage.md, "Model-based tests"). fast-check prints
 * the seed and the shrunk sequence of a divergence.
 */

import { assertModel, type StoreHost, skippedFromEnv, storeHost, totals } from '@assay/store/testing/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreWorkspace } from '../../test/model-workspace.js';

/**
 * Steps per store in this file; with packages/store/test/model.test.ts, 10,000 in all, most on PostgreSQL,
 * where a step costs about half as much (docs/storage.md, "Model-based tests").
 * ASSAY_MODEL_STEPS sets both (e.g. 200 for a quick look).
 */
const STEPS = { pglite: 1500, postgres: 3500 } as const;
/**
 * Fixed seeds (ASSAY_MODEL_SEED sets the first): a red run here replays exactly. Random seeds are
 * the long runner's job (`npm run test:model-long`); divergences found and fixed are recorded in
 * docs/storage.md ("Model-based tests").
 */
const SEED = Number(process.env.ASSAY_MODEL_SEED ?? 20_261_206);
const stepsOf = (kind: keyof typeof STEPS) => Number(process.env.ASSAY_MODEL_STEPS ?? STEPS[kind]);
/**
 * Milliseconds one assertModel call may take (2 runs take well under a minute): a divergence is
 * then reported with the shrinking done so far, instead of the test timing out while fast-check
 * shrinks (it replays shorter sequences on fresh stores for as long as it is allowed).
 */
const INTERRUPT_AFTER_MS = 120_000;

describe.each(['pglite', 'postgres'] as const)('model-based test: workspace and store on %s', (kind) => {
  let host: StoreHost;
  beforeAll(async () => {
    host = await storeHost(kind);
  });
  afterAll(() => host?.dispose());

  it(`agrees with the model for ${stepsOf(kind)} random steps`, async () => {
    const start = totals.steps;
    let run = 0;
    while (totals.steps - start < stepsOf(kind))
      await assertModel({
        host,
        openWorkspace: openStoreWorkspace,
        families: { workspace: true, skip: skippedFromEnv() },
        maxCommands: 200,
        checkEvery: 1,
        numRuns: 2,
        seed: SEED + run++,
        interruptAfterMs: INTERRUPT_AFTER_MS,
      });
    expect(totals.steps - start).toBeGreaterThanOrEqual(stepsOf(kind));
  }, 900_000);
});
