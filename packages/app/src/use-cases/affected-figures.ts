/**
 * The figures a write changed: what differs between the snapshot before the write and the one
 * after it, so a client can update its figures without fetching them all again. After a value
 * edit the incremental evaluation already knows the changed ids (evaluation.ts); otherwise the
 * two evaluations are compared figure by figure.
 */
import type { Figure, QuantityResult } from '@assay/core';
import type { Snapshot } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';

export type AffectedFigures = {
  /** Figures that are new or whose value (or error), unit, precision or method note changed. */
  readonly changed: readonly Figure[];
  /** Ids of figures the earlier snapshot had and the later one has not. */
  readonly removed: readonly string[];
};

/** Exact equality of two results: the value with its unit, or the error with its origin and cause. */
export function sameValue(a: QuantityResult, b: QuantityResult): boolean {
  if (a.kind === 'error' || b.kind === 'error') {
    if (a.kind !== 'error' || b.kind !== 'error') return false;
    if (a.code !== b.code || a.message !== b.message || a.origin !== b.origin) return false;
    if (a.cause === undefined || b.cause === undefined) return a.cause === b.cause;
    return sameValue(a.cause, b.cause);
  }
  return a.value.equals(b.value) && a.unit.symbol === b.unit.symbol && a.unit.scale.equals(b.unit.scale);
}

function samePresented(a: Figure, b: Figure): boolean {
  return sameValue(a.value, b.value) && a.precision === b.precision && a.method === b.method;
}

/** Figures that differ from `before` to `after` (both snapshots of one workspace). */
export function affectedFigures(before: Snapshot, after: Snapshot): AffectedFigures {
  if (before.bundle === after.bundle) return { changed: [], removed: [] };
  const b = evaluated(after);
  if (b.derivation.kind === 'incremental' && b.derivation.from === before.bundle) {
    const changed = b.derivation.changedFigureIds.map((id) => b.byId.get(id) as Figure);
    return { changed, removed: [] };
  }
  const a = evaluated(before);
  const changed = b.evaluation.figures.filter((f) => {
    const old = a.byId.get(f.id);
    return old === undefined || (old !== f && !samePresented(old, f));
  });
  const removed = [...a.byId.keys()].filter((id) => !b.byId.has(id));
  return { changed, removed };
}
