/**
 * Incremental evaluation (evaluation.ts) against full evaluation: random histories of writes
 * through a MemoryWorkspace over examples/minimal and examples/xinxin-2025, mostly value edits
 * (new values, other units of the same dimension, a unit of another dimension, zero), sometimes
 * structural (a data point retracted, added back, its source changed; an explanation written).
 * After every step the figures derived for the new snapshot must equal evaluateBundle of its
 * bundle figure by figure (id, value, unit, error, precision, method), the figures of the
 * snapshot before must be unchanged, and affectedFigures must name exactly the figures whose
 * value differs. ASSAY_EVAL_STEPS sets the number of steps per example (default 200).
 *
 * A value edit goes the incremental way by the workspace's record of what it wrote
 * (Snapshot.dataPointChangesSince: `via: 'changes'`), also across several writes between two
 * evaluated snapshots ('values-twice'); on random steps the snapshot is evaluated through a copy
 * without that record, so the comparison of all data points (`via: 'comparison'`) is checked
 * on the same histories.
 */
import { join } from 'node:path';
import {
  type Bundle,
  type DataPoint,
  Decimal,
  evaluateBundle,
  type Figure,
  parseUnit,
  type Quantity,
  type Unit,
} from '@assay/core';
import { loadBundle } from '@assay/io';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChunkedList } from '../workspace/chunked-list.js';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import type { Snapshot } from '../workspace/workspace.js';
import { affectedFigures, sameValue } from './affected-figures.js';
import { evaluated, findDataPoint, withGraph } from './evaluation.js';
import { updateDataPoint } from './write-data-point.js';

const STEPS = Number(process.env.ASSAY_EVAL_STEPS ?? process.env.ASSAY_MODEL_STEPS ?? 200);
const EXAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'examples');

async function load(name: string): Promise<Bundle> {
  const r = await loadBundle(join(EXAMPLES, name));
  if (!r.ok) throw new Error(`examples/${name} should load`);
  return r.bundle;
}

const unit = (s: string): Unit | undefined => {
  const p = parseUnit(s);
  return p.ok ? p.unit : undefined;
};
/** Units a value may be re-entered in: groups of one dimension, tried against the unit table. */
const UNIT_GROUPS = [
  ['t', 'kg', '千噸'],
  ['萬元', '百萬元', '億元', 'CNY million'],
  ['MWh', 'kWh', 'GJ'],
  ['person', '人次'],
].map((g) => g.map(unit).filter((u): u is Unit => u !== undefined));
const OTHER_DIMENSION = unit('h') as Unit;

function sameUnitGroup(u: Unit): readonly Unit[] {
  return UNIT_GROUPS.find((g) => g.some((x) => x.symbol === u.symbol)) ?? [u];
}

/** One step of a history; indices pick among the data points current at that step. */
type Step =
  | { kind: 'value'; picks: number[]; values: string[]; unitPick: number }
  /** Two value writes, the second after a snapshot nobody evaluates: the evaluation joins both. */
  | { kind: 'values-twice'; picks: number[]; values: string[]; unitPick: number }
  | { kind: 'retract'; pick: number }
  | { kind: 'add-back' }
  | { kind: 'source'; pick: number }
  | { kind: 'explanation' };

const valueText = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9_999 }))
    .map(([a, b]) => `${a}.${String(b).padStart(4, '0')}`),
  fc.constant('0'),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('value' as const),
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      values: fc.array(valueText, { minLength: 3, maxLength: 3 }),
      unitPick: fc.nat({ max: 19 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('values-twice' as const),
      picks: fc.array(fc.nat(), { minLength: 2, maxLength: 4 }),
      values: fc.array(valueText, { minLength: 4, maxLength: 4 }),
      unitPick: fc.nat({ max: 19 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retract' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'add-back' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('source' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'explanation' as const }) },
);

/** unitPick 0–13: same unit; 14–18: another unit of its group; 19: a unit of another dimension. */
function newQuantity(d: DataPoint, value: string, unitPick: number): Quantity {
  const group = sameUnitGroup(d.quantity.unit);
  const u =
    unitPick < 14
      ? d.quantity.unit
      : unitPick < 19
        ? (group[unitPick % group.length] as Unit)
        : OTHER_DIMENSION;
  return { kind: 'quantity', value: new Decimal(value), unit: u };
}

/** Field-by-field comparison; returns the differences (an empty list when equal). */
function differences(got: readonly Figure[], want: readonly Figure[]): string[] {
  const out: string[] = [];
  if (got.length !== want.length) out.push(`${got.length} figures, want ${want.length}`);
  for (let i = 0; i < Math.min(got.length, want.length); i++) {
    const g = got[i] as Figure;
    const w = want[i] as Figure;
    const same =
      g.id === w.id &&
      g.indicatorId === w.indicatorId &&
      g.entityId === w.entityId &&
      g.periodId === w.periodId &&
      JSON.stringify(g.disaggregation) === JSON.stringify(w.disaggregation) &&
      g.precision === w.precision &&
      g.method === w.method &&
      sameValue(g.value, w.value);
    if (!same) out.push(`${w.id}: ${show(g)} ≠ ${show(w)}`);
  }
  return out;
}
const show = (f: Figure) =>
  f.value.kind === 'error'
    ? `error ${f.value.code} ${f.value.message} @${f.value.origin}`
    : `${f.value.value.toString()} ${f.value.unit.symbol}`;
const printed = (fs: readonly Figure[]) => fs.map(show).join('\n');

async function apply(ws: MemoryWorkspace, s: Step, retracted: DataPoint[]): Promise<'value' | 'other'> {
  const current = ws.snapshot();
  const dps = current.bundle.dataPoints;
  const pickOf = (n: number) => dps[n % dps.length] as DataPoint;
  const versionOf = (d: DataPoint) => current.versionOf(d.id) as number;
  switch (s.kind) {
    case 'value': {
      const chosen = [...new Map(s.picks.map((p) => [pickOf(p).id, pickOf(p)])).values()];
      const changes = chosen.map((d, k) => ({
        dataPoint: { ...d, quantity: newQuantity(d, s.values[k] as string, s.unitPick) },
        expectedVersion: versionOf(d),
      }));
      const out = await ws.writeDataPoints(changes, 'model step', 'test');
      expect(out.ok).toBe(true);
      return 'value';
    }
    case 'values-twice': {
      // The same data point may be written in both writes: the first object before, the last after.
      const half = Math.ceil(s.picks.length / 2);
      for (const [w, picks] of [s.picks.slice(0, half), s.picks.slice(half)].entries()) {
        const now = ws.snapshot(); // handed out, never evaluated
        const chosen = [
          ...new Map(picks.map((p) => [pickOf(p).id, now.dataPoint?.(pickOf(p).id) as DataPoint])).values(),
        ];
        const changes = chosen.map((d, k) => ({
          dataPoint: { ...d, quantity: newQuantity(d, s.values[w * 2 + k] as string, s.unitPick) },
          expectedVersion: now.versionOf(d.id) as number,
        }));
        expect((await ws.writeDataPoints(changes, 'model step', 'test')).ok).toBe(true);
      }
      return 'value';
    }
    case 'retract': {
      if (dps.length <= 1) return 'other';
      const d = pickOf(s.pick);
      expect((await ws.retractDataPoint(d.id, versionOf(d), 'model step', 'test')).ok).toBe(true);
      retracted.push(d);
      return 'other';
    }
    case 'add-back': {
      const d = retracted.pop();
      if (!d) return 'other';
      const out = await ws.writeDataPoints([{ dataPoint: d, expectedVersion: undefined }], 'back', 'test');
      expect(out.ok).toBe(true);
      return 'other';
    }
    case 'source': {
      const d = pickOf(s.pick);
      const changes = [
        { dataPoint: { ...d, source: `${d.source} (checked)` }, expectedVersion: versionOf(d) },
      ];
      expect((await ws.writeDataPoints(changes, 'source', 'test')).ok).toBe(true);
      return 'other';
    }
    case 'explanation': {
      const e = { subject: 'hkex:A1.1', text: { 'zh-Hant': '說明', en: `step ${current.version}` } };
      expect((await ws.writeExplanation(e, current.version, 'test')).ok).toBe(true);
      return 'other';
    }
  }
}

/** The snapshot without the workspace's record of its writes (the evaluation must compare). */
function withoutRecord(s: Snapshot): Snapshot {
  const { dataPointChangesSince: _unused, ...rest } = s;
  return rest;
}

function brutalAffected(before: readonly Figure[], after: readonly Figure[]): string[] {
  const old = new Map(before.map((f) => [f.id, f]));
  return after
    .filter((f) => {
      const o = old.get(f.id);
      return !o || !sameValue(o.value, f.value) || o.precision !== f.precision || o.method !== f.method;
    })
    .map((f) => f.id)
    .sort();
}

describe.each(['minimal', 'xinxin-2025'])('incremental evaluation of examples/%s', (name) => {
  it('equals a full evaluation after every step of random write histories', async () => {
    const bundle = await load(name);
    const runs = Math.max(1, Math.round(STEPS / 10));
    let incrementalSteps = 0;
    let valueSteps = 0;
    let viaChanges = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 10, maxLength: 10 }),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        async (steps, compareAt) => {
          // A fresh bundle object per run: evaluations are cached by bundle object.
          const ws = new MemoryWorkspace({ ...bundle }, () => '2026-01-01T00:00:00Z');
          const retracted: DataPoint[] = [];
          let before: Snapshot = ws.snapshot();
          evaluated(before);
          for (const [k, s] of steps.entries()) {
            const beforeFigures = evaluated(before).evaluation.figures;
            const beforeText = printed(beforeFigures);
            const kind = await apply(ws, s, retracted);
            const after = ws.snapshot();
            // Without the workspace's record of its writes: the evaluation compares all data points.
            const compare = compareAt[k] === true;
            const ev = evaluated(compare ? withoutRecord(after) : after);
            const full = evaluateBundle(after.bundle);
            expect(differences(ev.evaluation.figures, full.figures)).toEqual([]);
            for (const f of full.figures) expect(ev.byId.get(f.id)?.id).toBe(f.id);
            expect(ev.byId.size).toBe(full.figures.length);
            // A value edit through the memory workspace keeps every data point in place: incremental.
            if (kind === 'value') {
              valueSteps += 1;
              expect(ev.derivation.kind).toBe('incremental');
              if (ev.derivation.kind === 'incremental')
                expect(ev.derivation.via).toBe(compare ? 'comparison' : 'changes');
            }
            if (ev.derivation.kind === 'incremental') incrementalSteps += 1;
            if (ev.derivation.kind === 'incremental' && ev.derivation.via === 'changes') viaChanges += 1;
            // Each snapshot finds its own data points by id (the older one too, after the write).
            for (const d of after.bundle.dataPoints) expect(findDataPoint(after, d.id)).toBe(d);
            for (const d of before.bundle.dataPoints) expect(before.dataPoint?.(d.id)).toBe(d);
            // The snapshot before is untouched: same figures, and its graph (rebuilt) agrees.
            expect(evaluated(before).evaluation.figures).toBe(beforeFigures);
            expect(printed(beforeFigures)).toBe(beforeText);
            const oldFull = evaluateBundle(before.bundle).figures;
            expect(differences(beforeFigures, oldFull)).toEqual([]);
            withGraph(before, ({ graph }) => {
              for (const f of beforeFigures)
                expect(sameValue(graph.value(f.id) as Figure['value'], f.value)).toBe(true);
            });
            const affected = affectedFigures(before, after);
            expect(affected.changed.map((f) => f.id).sort()).toEqual(brutalAffected(oldFull, full.figures));
            const removed = oldFull.filter((f) => !full.figures.some((g) => g.id === f.id)).map((f) => f.id);
            expect([...affected.removed].sort()).toEqual(removed.sort());
            before = after;
          }
        },
      ),
      { numRuns: runs, seed: Number(process.env.ASSAY_EVAL_SEED ?? Date.now() % 2 ** 31) },
    );
    // Not vacuous: most steps were value edits and each went the incremental way, both ways.
    expect(valueSteps).toBeGreaterThan(0);
    expect(incrementalSteps).toBeGreaterThanOrEqual(valueSteps);
    expect(viaChanges).toBeGreaterThan(0);
    expect(incrementalSteps).toBeGreaterThan(viaChanges);
  }, 600_000);
});

/**
 * The store workspace's order (store-workspace.ts applyWritten): written data points leave their
 * places and follow the others. Bundles are made here the same way, so every case is reached.
 */
function storeOrder(b: Bundle, written: readonly DataPoint[]): Bundle {
  const ids = new Set(written.map((d) => d.id));
  const kept = b.dataPoints.filter((d) => !ids.has(d.id));
  const moved = b.dataPoints
    .filter((d) => ids.has(d.id))
    .map((d) => written.find((w) => w.id === d.id) as DataPoint);
  return { ...b, dataPoints: [...kept, ...moved] };
}

describe.each(['minimal', 'xinxin-2025'])(
  'incremental evaluation in the store order, examples/%s',
  (name) => {
    it('equals a full evaluation when written data points move to the end', async () => {
      // A fixed seed unless one is given: on xinxin-2025 only about 2 % of random moves keep the
      // figures (4 of 200 at seed 11), so a random seed left the "both ways" check below at zero
      // incremental steps now and then (a clean-clone CI run failed on it). ASSAY_EVAL_SEED explores.
      const moveSeed = Number(process.env.ASSAY_EVAL_SEED ?? 20261206);
      const bundle = await load(name);
      let incrementalSteps = 0;
      let fullSteps = 0;
      await fc.assert(
        fc.property(
          fc.array(
            fc.record({
              picks: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
              value: valueText,
              unitPick: fc.nat({ max: 19 }),
            }),
            { minLength: 10, maxLength: 10 },
          ),
          (steps) => {
            let b: Bundle = { ...bundle };
            let version = 1;
            const snap = (x: Bundle): Snapshot => ({
              bundle: x,
              version: version++,
              versionOf: () => 1,
              lineVersionOf: () => 1,
            });
            let before = snap(b);
            evaluated(before);
            for (const st of steps) {
              const dps = b.dataPoints;
              const chosen = [...new Set(st.picks.map((p) => dps[p % dps.length] as DataPoint))];
              // The store appends them in its own order: the old relative order here.
              chosen.sort((x, y) => dps.indexOf(x) - dps.indexOf(y));
              b = storeOrder(
                b,
                chosen.map((d) => ({ ...d, quantity: newQuantity(d, st.value, st.unitPick) })),
              );
              const after = snap(b);
              const ev = evaluated(after);
              const full = evaluateBundle(b);
              expect(differences(ev.evaluation.figures, full.figures)).toEqual([]);
              if (ev.derivation.kind === 'incremental') {
                incrementalSteps += 1;
                // These snapshots carry no record of writes: found by comparing.
                expect(ev.derivation.via).toBe('comparison');
              } else fullSteps += 1;
              // Data points are found by id wherever the write moved them.
              for (const d of b.dataPoints) expect(findDataPoint(after, d.id)).toBe(d);
              const oldFull = evaluateBundle(before.bundle).figures;
              expect(
                affectedFigures(before, after)
                  .changed.map((f) => f.id)
                  .sort(),
              ).toEqual(brutalAffected(oldFull, full.figures));
              before = after;
            }
          },
        ),
        { numRuns: Math.max(1, Math.round(STEPS / 10)), seed: moveSeed },
      );
      console.info(`moves (${name}, seed ${moveSeed}): ${incrementalSteps} incremental, ${fullSteps} full`);
      // Both ways are taken: moves that keep the figures, and moves that would change them.
      expect(incrementalSteps).toBeGreaterThan(0);
      if (name === 'xinxin-2025') expect(fullSteps).toBeGreaterThan(0);
    }, 600_000);
  },
);

describe('an edit recalculates only what depends on it', () => {
  it('changes the edited fact and its dependents, a small part of the graph', async () => {
    const bundle = await load('xinxin-2025');
    const ws = new MemoryWorkspace(bundle, () => '2026-01-01T00:00:00Z');
    const before = ws.snapshot();
    const total = withGraph(before, ({ graph }) => graph.size);
    const d = bundle.dataPoints.find(
      (x) => x.indicatorId === 'revenue' && x.entityId === 'group',
    ) as DataPoint;
    const dependents = withGraph(before, ({ graph }) => {
      const out = new Set<string>([`dp:${d.id}`]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const n of graph.nodes())
          if (!out.has(n.id) && graph.inputIds(n.id).some((i) => out.has(i))) {
            out.add(n.id);
            grew = true;
          }
      }
      return out;
    });
    const quantity = { ...d.quantity, value: d.quantity.value.plus(1) };
    await ws.writeDataPoints([{ dataPoint: { ...d, quantity }, expectedVersion: 1 }], 'edit', 'test');
    const ev = evaluated(ws.snapshot());
    if (ev.derivation.kind !== 'incremental') throw new Error('a value edit should be incremental');
    expect(ev.derivation.changedNodes).toBeGreaterThan(1);
    expect(ev.derivation.changedNodes).toBeLessThanOrEqual(dependents.size);
    expect(ev.derivation.changedNodes * 20).toBeLessThan(total);
    for (const id of ev.derivation.changedFigureIds) expect(dependents.has(id)).toBe(true);
    expect(ev.derivation.changedFigureIds).toContain(`revenue@group/${d.periodId}`);
  });

  it('an edit through updateDataPoint on the memory workspace builds no data-point array', async () => {
    const bundle = await load('xinxin-2025');
    const ws = new MemoryWorkspace({ ...bundle }, () => '2026-01-01T00:00:00Z');
    evaluated(ws.snapshot());
    const d = bundle.dataPoints[3] as DataPoint;
    const out = await updateDataPoint({
      ws,
      id: d.id,
      patch: { value: '12345.5' },
      version: 1,
      reason: 'edit',
      author: 'test',
      dryRun: false,
    });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.affected.changed.length).toBeGreaterThan(0);
    // The workspace's list after the write (private: what an edit must not copy in full).
    const points = (ws as unknown as { points: ChunkedList<DataPoint> }).points;
    expect(points.materialised).toBe(false);
    const after = ws.snapshot();
    expect(evaluated(after).derivation).toMatchObject({ kind: 'incremental', via: 'changes' });
    expect(points.materialised).toBe(false);
    // Read when asked for, with the new value in its old place.
    expect(after.bundle.dataPoints[3]?.quantity.value.toString()).toBe('12345.5');
    expect(after.bundle.dataPoints.length).toBe(bundle.dataPoints.length);
    expect(points.materialised).toBe(true);
  });

  it('a pinned graph (read through evaluation.graph) is never changed by a later edit', async () => {
    const bundle = await load('minimal');
    const ws = new MemoryWorkspace(bundle, () => '2026-01-01T00:00:00Z');
    const s0 = ws.snapshot();
    const graph = evaluated(s0).evaluation.graph; // held, as across an await
    const d = bundle.dataPoints[0] as DataPoint;
    const was = graph.value(`dp:${d.id}`);
    const quantity = { ...d.quantity, value: d.quantity.value.plus(7) };
    await ws.writeDataPoints([{ dataPoint: { ...d, quantity }, expectedVersion: 1 }], 'edit', 'test');
    const ev = evaluated(ws.snapshot());
    expect(ev.derivation.kind).toBe('full');
    expect(sameValue(graph.value(`dp:${d.id}`) as Figure['value'], was as Figure['value'])).toBe(true);
    const now = ev.evaluation.graph;
    expect(now).not.toBe(graph);
    expect(sameValue(now.value(`dp:${d.id}`) as Figure['value'], quantity)).toBe(true);
  });
});
