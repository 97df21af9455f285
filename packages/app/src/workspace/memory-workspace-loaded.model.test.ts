/**
 * Model-based test of MemoryWorkspace's loaded data points (docs/performance.md, "MemoryWorkspace
 * without a revision per loaded data point"): a loaded, untouched data point has no revision,
 * key or version entry of its own; its revision 1 and version are derived when asked. Random
 * sequences of edits (current and stale versions), retractions and re-adds of loaded ids and of
 * new ids are checked after every step against a plain model: each id's version (undefined when
 * retracted or unknown), its history (length, retracted flags, first reason), the snapshot's data
 * point ids, and every snapshot taken earlier still answering for its own version.
 */
import { join } from 'node:path';
import { type DataPoint, q } from '@assay/core';
import { loadBundle } from '@assay/io';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from './memory-workspace.js';
import type { Snapshot } from './workspace.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const LOADED = bundle.dataPoints.map((d) => d.id);
const template = bundle.dataPoints[0] as DataPoint;
const NEW_IDS = ['x-1', 'x-2'];

type Op =
  | { kind: 'edit'; id: string; stale: boolean; value: number }
  | { kind: 'retract'; id: string; stale: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    id: fc.constantFrom(...LOADED.slice(0, 4), ...NEW_IDS),
    stale: fc.boolean(),
    value: fc.integer({ min: 1, max: 999 }),
  }),
  fc.record({
    kind: fc.constant('retract' as const),
    id: fc.constantFrom(...LOADED.slice(0, 4), ...NEW_IDS),
    stale: fc.boolean(),
  }),
);

/** The model: per id, its revision list (true = a retraction); current = last is not a retraction. */
type Model = Map<string, boolean[]>;
const versionIn = (m: Model, id: string) => {
  const h = m.get(id);
  return h && h.length > 0 && !h[h.length - 1] ? h.length : undefined;
};

/** A data point for a new id: the template moved to its own period so the overlap rule allows it. */
function pointFor(id: string, value: number): DataPoint {
  const base = bundle.dataPoints.find((d) => d.id === id);
  if (base) return { ...base, quantity: q(`${value} ${base.quantity.unit.symbol}`) };
  return {
    ...template,
    id,
    periodId: id === 'x-1' ? '2019' : '2018',
    quantity: q(`${value} ${template.quantity.unit.symbol}`),
  };
}

describe('MemoryWorkspace: loaded data points derived when asked', () => {
  it('agrees with a plain model of revisions after every step, old snapshots included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        const ws = new MemoryWorkspace(bundle, () => '2026-01-01T00:00:00.000Z');
        const model: Model = new Map(LOADED.map((id) => [id, [false]]));
        const taken: { snap: Snapshot; versions: Map<string, number | undefined> }[] = [];
        const ids = [...LOADED, ...NEW_IDS];
        for (const o of ops) {
          const current = versionIn(model, o.id);
          const named = o.stale && current !== undefined ? current - 1 : current;
          if (o.kind === 'edit') {
            const out = await ws.writeDataPoints(
              [{ dataPoint: pointFor(o.id, o.value), expectedVersion: named === 0 ? 99 : named }],
              'model',
              'tester',
            );
            const ok = !o.stale || current === undefined;
            expect(out.ok, JSON.stringify(out)).toBe(ok);
            if (ok) model.set(o.id, [...(model.get(o.id) ?? []), false]);
          } else {
            const out = await ws.retractDataPoint(o.id, named ?? 1, 'model', 'tester');
            const ok = current !== undefined && !o.stale;
            expect(out.ok, JSON.stringify(out)).toBe(ok);
            if (ok) model.set(o.id, [...(model.get(o.id) ?? []), true]);
          }
          const snap = ws.snapshot();
          taken.push({ snap, versions: new Map(ids.map((id) => [id, versionIn(model, id)])) });
          for (const id of ids) {
            expect(snap.versionOf(id), id).toBe(versionIn(model, id));
            const h = await ws.history(id);
            const m = model.get(id) ?? [];
            expect(
              h.map((r) => r.retracted),
              id,
            ).toEqual(m);
            expect(
              h.map((r) => r.version),
              id,
            ).toEqual(m.map((_, i) => i + 1));
            if (LOADED.includes(id)) expect(h[0]?.reason).toBe('loaded from bundle');
          }
          expect(new Set(snap.bundle.dataPoints.map((d) => d.id))).toEqual(
            new Set(ids.filter((id) => versionIn(model, id) !== undefined)),
          );
        }
        for (const { snap, versions } of taken)
          for (const [id, v] of versions) expect(snap.versionOf(id), `old snapshot, ${id}`).toBe(v);
      }),
      { numRuns: 120, seed: 20_261_207 },
    );
  }, 120_000);
});
