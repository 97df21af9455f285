/**
 * Running the model-based tests: fast-check generates command sequences (fc.commands) and runs
 * each on a fresh store from the template (model-system.ts) against a fresh model, checking
 * everything after each step (model-check.ts). Used by model.test.ts (store steps),
 * packages/server/src/workspace/workspace.model.test.ts (with the workspace) and
 * scripts/model-run.ts (the long run).
 */
import type { Bundle } from '@assay/core';
import fc from 'fast-check';
import { checkAll } from './model-check.js';
import { importDataPoints, importLines, reimportCurrent, reimportIdless } from './model-import-commands.js';
import { lockedMove } from './model-lock-commands.js';
import { type Fact, type Fields, type Model, normaliseDecimal } from './model-reference.js';
import { timed, totals } from './model-stats.js';
import { cliRetract, restartCommand, tamper } from './model-store-commands.js';
import {
  closeReal,
  type OpenWorkspace,
  openReal,
  type Real,
  SEED_META,
  type StoreHost,
  T0,
} from './model-system.js';
import { wsConcurrent, wsRetract, wsWrite } from './model-workspace-commands.js';
import { wsLineRetract, wsLineWrite } from './model-workspace-lines.js';

type Step = { readonly label: string; readonly step: (m: Model, r: Real) => Promise<string[]> };

export { totals };

/** Each step's own time, one second after the one before (the model checks every revision's time). */
const stepTime = (n: number) => new Date(T0 + n * 1000).toISOString();

function asCommand(s: Step): fc.AsyncCommand<Model, Real> {
  return {
    check: () => true,
    async run(m, real) {
      real.steps += 1;
      totals.steps += 1;
      real.at = stepTime(real.steps);
      try {
        const touched = await timed(s.label.split(' ')[0] as string, () => s.step(m, real));
        // A restart re-reads everything: compare everything after it.
        const full = real.steps % real.checkEvery === 0 || s.label === 'restart';
        await timed('check', () => checkAll(m, real, touched, full));
      } catch (e) {
        totals.firstDivergenceAt ??= totals.steps;
        throw e;
      }
    },
    toString: () => s.label,
  };
}

export type Families = {
  readonly workspace: boolean;
  /** Known items of issue #14 a run may leave out until fixed: 'overlap' (3), 'rekey' (4), 'tamper' (9), 'idless' (11). */
  readonly skip?: readonly string[];
};

/** ASSAY_MODEL_SKIP=overlap,rekey,…: leave families out (to look past a known divergence while it is being fixed). */
export const skippedFromEnv = (): string[] => (process.env.ASSAY_MODEL_SKIP ?? '').split(',').filter(Boolean);

/**
 * The command arbitraries with their weights (with the workspace, out of 88: web writes of data
 * points 25 and of activity lines 5, retractions 8 and 2, concurrent writes 6, CSV imports 24,
 * a line moved out of a locked period 2, re-imports 7, `assay retract` 6, tampering 2, restarts
 * 1; without it, CSV imports and `assay retract` take the web's share). The line steps took
 * their weight from the data-point ones, and the lock step from the line imports, so the mix of
 * web and CLI steps, and a run's time, stay as they were.
 */
export function commandArbitraries(f: Families): fc.Arbitrary<fc.AsyncCommand<Model, Real>> {
  const skip = new Set(f.skip ?? []);
  const w = (weight: number, arbitrary: fc.Arbitrary<Step>) => ({
    weight,
    arbitrary: arbitrary.filter((s) => !skipped(s.label, skip)).map(asCommand),
  });
  const list = [
    w(f.workspace ? 14 : 25, importDataPoints()),
    w(f.workspace ? 10 : 23, importLines()),
    // A line moved out of a locked period by `assay import` or (with the workspace) a web write.
    w(2, lockedMove()),
    w(4, reimportCurrent()),
    ...(skip.has('idless') ? [] : [w(3, reimportIdless())]),
    w(f.workspace ? 6 : 15, cliRetract()),
    // A PGlite restart takes about 0.5 s, twenty steps' worth: one step in about ninety.
    w(1, restartCommand()),
    ...(skip.has('tamper') ? [] : [w(2, tamper())]),
    ...(f.workspace
      ? [
          w(25, wsWrite()),
          w(8, wsRetract()),
          w(6, wsConcurrent()),
          w(5, wsLineWrite()),
          w(2, wsLineRetract()),
        ]
      : []),
  ];
  return fc.oneof(...list);
}

/** Leave out bad rows and changes of the kinds skipped ('overlap', 'rekey'). */
function skipped(label: string, skip: ReadonlySet<string>): boolean {
  for (const s of skip) if (label.includes(`"bad":"${s}"`)) return true;
  return false;
}

const dpFields = (b: Bundle) =>
  b.dataPoints.map(
    (d): Fields => ({
      id: d.id,
      entity: d.entityId,
      period: d.periodId,
      indicator: d.indicatorId,
      disaggregation: Object.entries(d.disaggregation)
        .map(([k, v]) => `${k}=${v}`)
        .sort()
        .join(';'),
      value: normaliseDecimal(d.quantity.value.toString()),
      unit: d.quantity.unit.symbol,
      source: d.source,
      comment: d.comment ?? '',
    }),
  );
const alFields = (b: Bundle) =>
  b.activityLines.map(
    (a): Fields => ({
      id: a.id,
      entity: a.entityId,
      period: a.periodId,
      activity: a.activity,
      subject: a.subject,
      use: a.use ?? '',
      amount: normaliseDecimal(a.amount.value.toString()),
      unit: a.amount.unit.symbol,
      attributes: Object.entries(a.attributes)
        .map(([k, v]) => `${k}=${v}`)
        .sort()
        .join(';'),
      source: a.source,
      comment: a.comment ?? '',
    }),
  );

/** The model of the template: examples/minimal, each fact at revision 1 by the seed import. */
export function initialModel(host: StoreHost): Model {
  const facts = (list: Fields[], key: (f: Fields) => string) =>
    new Map(
      list.map((fields): [string, Fact] => [
        key(fields),
        { key: key(fields), revisions: [{ fields, retracted: false, ...SEED_META }] },
      ]),
    );
  return {
    facts: {
      dp: facts(dpFields(host.seed), (f) => `${f.entity}|${f.period}|${f.indicator}|${f.disaggregation}`),
      al: facts(alFields(host.seed), (f) => f.id as string),
    },
    audit: host.seedAudit,
    wsVersion: 1,
    files: new Set(),
  };
}

export type ModelRunOptions = {
  readonly host: StoreHost;
  readonly openWorkspace?: OpenWorkspace;
  readonly families: Families;
  /** Commands per run: up to this many (fast-check draws the length; the mean is about half). */
  readonly maxCommands: number;
  /** Full verification (verifyAudit, verifyRevisions) after every this many steps, and at the end of each run. */
  readonly checkEvery: number;
  readonly numRuns: number;
  readonly seed?: number;
  /** Replay one failing case: fast-check's `path` with its `seed` (no new runs, no shrinking). */
  readonly path?: string;
  /** Stop after this long, reporting a divergence found so far with the shrinking done by then. */
  readonly interruptAfterMs?: number;
};

/** One fc.assert over `numRuns` runs; throws fast-check's report (seed, path, shrunk counterexample) on a divergence. */
export async function assertModel(o: ModelRunOptions): Promise<void> {
  const arbitrary = fc.commands([commandArbitraries(o.families)], {
    maxCommands: o.maxCommands,
    size: 'max',
  });
  await fc.assert(
    fc.asyncProperty(arbitrary, async (cmds) => {
      const run = await timed('fresh store', () => o.host.fresh());
      const real = await timed('open', () => openReal(o.host, run, o.openWorkspace, o.checkEvery));
      totals.runs += 1;
      try {
        const model = initialModel(o.host);
        await checkAll(model, real, [], true);
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        await checkAll(model, real, [], true);
      } finally {
        await timed('close', async () => {
          await closeReal(real).catch(() => undefined);
          await run.dispose();
        });
      }
    }),
    {
      numRuns: o.numRuns,
      includeErrorInReport: true,
      ...(o.seed === undefined ? {} : { seed: o.seed }),
      ...(o.path === undefined ? {} : { path: o.path, endOnFailure: true }),
      ...(o.interruptAfterMs === undefined ? {} : { interruptAfterTimeLimit: o.interruptAfterMs }),
    },
  );
}
