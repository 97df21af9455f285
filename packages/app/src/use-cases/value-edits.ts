/**
 * Whether a newer bundle differs from an older one only by the values of existing data points,
 * and which: the condition under which the older bundle's calculation graph can be brought up to
 * date with setFact + recalculate instead of being built again (evaluation.ts).
 *
 * Value edits only when ALL of these hold (anything else: undefined, evaluate in full):
 * - every top-level part of the bundle other than `dataPoints` is the same object (organisation,
 *   reporting year, methods, indicators, activity lines, factors, registers with explanations…);
 * - the data points have the same length and, position by position, are either the same object
 *   or have the same id, entity, period, indicator, disaggregation, source, evidence and comment
 *   (the graph's structure and its fact nodes' provenance depend on exactly these and on the
 *   order: consolidation keeps the last own value of non-additive indicators, so a data point
 *   moved elsewhere in the list is a structural change).
 * The quantity (value and unit) may differ in any way: units are converted (or fail) inside the
 * graph's formulas, exactly as a full evaluation does.
 *
 * One reordering is allowed too, the store workspace's (store-workspace.ts applyWritten): the
 * written data points leave their places and follow the others, in their old relative order.
 * It changes no figure when, for each moved data point d, (1) no data point that stays in place
 * follows d with the same entity, indicator, disaggregation and year (the same contribution set:
 * its inputs keep their order, and "the last own value stands" still picks the same one), and
 * (2) if d is the first of its set, no data point that stays in place follows d and is the first
 * of another set of d's entity (the entity's sets keep their order, and with them the figures'
 * order). Only the graph's fact nodes are then in another order than a rebuilt graph's; no
 * figure, formula or lineage depends on that order.
 *
 * When the workspace says which data points it wrote between the two bundles (change-log.ts),
 * `valueEditsFrom` checks the same conditions on those alone: each written data point's old and
 * new object (same fact but the value), and for the store's order the move conditions above;
 * the other data points are the same objects by the workspace's construction, so nothing is
 * compared position by position (docs/performance.md, "Edit through the API").
 */
import { type Bundle, type DataPoint, disaggregationKey, parsePeriod, type Quantity } from '@assay/core';
import type { DataPointChanges } from '../workspace/workspace.js';

export type ValueEdit = { readonly dataPointId: string; readonly quantity: Quantity };
/** `inPlace`: every data point kept its position (false after the store's move to the end). */
export type ValueEdits = { readonly edits: readonly ValueEdit[]; readonly inPlace: boolean };

function sameDisaggregation(a: DataPoint['disaggregation'], b: DataPoint['disaggregation']): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/** Same fact in the same place with the same provenance: only the quantity may differ. */
function sameFactButValue(a: DataPoint, b: DataPoint): boolean {
  return (
    a.id === b.id &&
    a.entityId === b.entityId &&
    a.periodId === b.periodId &&
    a.indicatorId === b.indicatorId &&
    a.source === b.source &&
    a.evidence === b.evidence &&
    a.comment === b.comment &&
    sameDisaggregation(a.disaggregation, b.disaggregation)
  );
}

/** Everything in the bundle but its data points is shared by reference. */
function sameExceptDataPoints(a: Bundle, b: Bundle): boolean {
  const keys = Object.keys(b) as (keyof Bundle)[];
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every((k) => k === 'dataPoints' || a[k] === b[k]);
}

/** The contribution set a data point adds to (methods/contributions.ts): indicator, disaggregation, year. */
function setKey(d: DataPoint): string {
  const year = String(parsePeriod(d.periodId)?.year ?? d.periodId);
  return `${d.indicatorId}|${disaggregationKey(d.disaggregation)}|${year}`;
}

/** Conditions (1) and (2) above for the data point at `from` in `a`; `moved` holds the moved ids. */
function moveKeepsFigures(a: readonly DataPoint[], from: number, moved: ReadonlySet<string>): boolean {
  const d = a[from] as DataPoint;
  const key = setKey(d);
  const seenBefore = new Set<string>();
  for (let i = 0; i < from; i++) {
    const x = a[i] as DataPoint;
    if (x.entityId === d.entityId) seenBefore.add(setKey(x));
  }
  const first = !seenBefore.has(key);
  const seenAfter = new Set<string>();
  for (let i = from + 1; i < a.length; i++) {
    const x = a[i] as DataPoint;
    if (x.entityId !== d.entityId) continue;
    const k = setKey(x);
    const stays = !moved.has(x.id);
    if (stays && k === key) return false; // (1)
    if (stays && first && !seenBefore.has(k) && !seenAfter.has(k)) return false; // (2)
    seenAfter.add(k);
  }
  return true;
}

/**
 * The store's reordering: `newer` is `older` with some data points taken out (kept order) and
 * appended, edited, in their old relative order. Undefined when it is not that, or changes figures.
 */
function movedToEnd(a: readonly DataPoint[], b: readonly DataPoint[]): ValueEdits | undefined {
  const edits: ValueEdit[] = [];
  const movedFrom: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as DataPoint;
    const y = b[j];
    if (x === y) j++;
    else if (y !== undefined && x.id === y.id) {
      if (!sameFactButValue(x, y)) return undefined;
      edits.push({ dataPointId: y.id, quantity: y.quantity });
      j++;
    } else movedFrom.push(i);
  }
  if (b.length - j !== movedFrom.length || movedFrom.length === 0) return undefined;
  const moved = new Set(movedFrom.map((i) => (a[i] as DataPoint).id));
  for (const [k, from] of movedFrom.entries()) {
    const x = a[from] as DataPoint;
    const y = b[j + k] as DataPoint;
    if (!sameFactButValue(x, y)) return undefined; // also: not in their old relative order
    edits.push({ dataPointId: y.id, quantity: y.quantity });
  }
  return movedFrom.every((from) => moveKeepsFigures(a, from, moved)) ? { edits, inPlace: false } : undefined;
}

/** The value edits that turn `older` into `newer`, or undefined when anything else differs. */
export function valueEditsBetween(older: Bundle, newer: Bundle): ValueEdits | undefined {
  if (!sameExceptDataPoints(older, newer)) return undefined;
  const a = older.dataPoints;
  const b = newer.dataPoints;
  if (a.length !== b.length) return undefined;
  const edits: ValueEdit[] = [];
  for (let i = 0; i < b.length; i++) {
    const x = a[i] as DataPoint;
    const y = b[i] as DataPoint;
    if (x === y) continue;
    if (x.id !== y.id) return movedToEnd(a, b);
    if (!sameFactButValue(x, y)) return undefined;
    edits.push({ dataPointId: y.id, quantity: y.quantity });
  }
  return { edits, inPlace: true };
}

/**
 * The value edits that turn `older` into `newer` from what the workspace wrote between them
 * (`changes`), or undefined when anything else differs: the same answer as valueEditsBetween
 * without comparing every data point. O(written) in place; in the store's order O(n) per moved
 * data point (its old position and the move conditions), as before.
 */
export function valueEditsFrom(
  older: Bundle,
  newer: Bundle,
  changes: DataPointChanges,
): ValueEdits | undefined {
  if (!sameExceptDataPoints(older, newer)) return undefined;
  const edits: ValueEdit[] = [];
  for (const w of changes.writes) {
    if (!sameFactButValue(w.before, w.after)) return undefined;
    edits.push({ dataPointId: w.after.id, quantity: w.after.quantity });
  }
  if (changes.order === 'in-place' || changes.writes.length === 0) return { edits, inPlace: true };
  // The store's move to the end: in their old relative order, and keeping the figures.
  const a = older.dataPoints;
  const from = changes.writes.map((w) => a.indexOf(w.before));
  for (const [k, i] of from.entries()) if (i < 0 || (k > 0 && i <= (from[k - 1] as number))) return undefined;
  const moved = new Set(changes.writes.map((w) => w.after.id));
  return from.every((i) => moveKeepsFigures(a, i, moved)) ? { edits, inPlace: false } : undefined;
}
