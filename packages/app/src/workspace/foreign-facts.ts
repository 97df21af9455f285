/**
 * Applying fact revisions another process committed (store/fact-changes-since.ts) to a store
 * workspace's state without re-reading it (issue #23), the way the workspace applies its own
 * writes (store-workspace.ts, applyWritten): every fact with a revision above the state's last
 * change set leaves its place, and those still current follow the others in (change set,
 * position) order, which is where a re-read (readBundle: ordered by change set, then position)
 * puts them. The facts before them are exactly those whose current revision is at or below that
 * change set, already in that order. New maps and arrays: a snapshot handed out keeps its own.
 */
import type { ActivityLine, Bundle, DataPoint } from '@assay/core';
import type { ChangedFact } from '@assay/store';
import type { SharedMap } from './shared-map.js';
import type { DataPointWrite } from './workspace.js';

/** `dataPoints` (or lines) without the objects in `gone` (each once, found by identity), then `added`. */
export function withoutThenAppend<F>(dataPoints: readonly F[], gone: readonly F[], added: readonly F[]): F[] {
  const at = gone.map((d) => dataPoints.indexOf(d)).filter((i) => i >= 0);
  at.sort((x, y) => x - y);
  const parts: F[][] = [];
  let from = 0;
  for (const i of at) {
    parts.push(dataPoints.slice(from, i));
    from = i + 1;
  }
  parts.push(dataPoints.slice(from), added.slice());
  return ([] as F[]).concat(...parts);
}

/** The parts of a store workspace's state that facts change. */
export type FactState = {
  readonly bundle: Bundle;
  readonly versions: SharedMap<number>;
  readonly keys: SharedMap<string>;
  readonly dataPoints: SharedMap<DataPoint>;
  readonly lineVersions: SharedMap<number>;
  readonly lines: SharedMap<ActivityLine>;
};

export type ForeignFacts = {
  /** Every data point id (line id) with a revision above the state's last change set. */
  readonly dataPointIds: readonly string[];
  readonly dataPoints: readonly ChangedFact<DataPoint>[];
  readonly lineIds: readonly string[];
  readonly activityLines: readonly ChangedFact<ActivityLine>[];
};

/**
 * The state with `d` applied, and the change-log step (change-log.ts): the data points moved to
 * the end, each with the object it replaced, in their new order; null when one was added or
 * retracted. A fact already held at its current revision (this process's own write, applied
 * when it was made) keeps its object, and moves too when a change set of another process
 * committed before it is put in front of it.
 */
export function applyFactChanges<S extends FactState>(
  state: S,
  d: ForeignFacts,
): { state: S; writes: DataPointWrite[] | null } {
  const { bundle, versions, keys, dataPoints, lineVersions, lines } = state;
  let structural = false;
  const movedPoints = d.dataPoints.map(({ fact, key, rev }) => {
    const old = dataPoints.get(fact.id);
    if (old === undefined || keys.get(fact.id) !== key) structural = true;
    return old !== undefined && versions.get(fact.id) === rev && keys.get(fact.id) === key ? old : fact;
  });
  const currentIds = new Set(movedPoints.map((p) => p.id));
  const gonePoints = d.dataPointIds.flatMap((id) => {
    const old = dataPoints.get(id);
    return old === undefined ? [] : [old];
  });
  const retired = d.dataPointIds.filter((id) => !currentIds.has(id));
  if (gonePoints.some((p) => !currentIds.has(p.id))) structural = true; // a held one retracted
  const writes = structural
    ? null
    : movedPoints.map((after) => ({ before: dataPoints.get(after.id) as DataPoint, after }));

  const movedLines = d.activityLines.map(({ fact, rev }) => {
    const old = lines.get(fact.id);
    return old !== undefined && lineVersions.get(fact.id) === rev ? old : fact;
  });
  const currentLines = new Set(movedLines.map((l) => l.id));
  const goneLines = d.lineIds.flatMap((id) => {
    const old = lines.get(id);
    return old === undefined ? [] : [old];
  });
  const retiredLines = d.lineIds.filter((id) => !currentLines.has(id));

  return {
    state: {
      ...state,
      bundle: {
        ...bundle,
        dataPoints:
          d.dataPoints.length + gonePoints.length === 0
            ? bundle.dataPoints
            : withoutThenAppend(bundle.dataPoints, gonePoints, movedPoints),
        activityLines:
          d.activityLines.length + goneLines.length === 0
            ? bundle.activityLines
            : withoutThenAppend(bundle.activityLines, goneLines, movedLines),
      },
      versions: versions.with(
        d.dataPoints.map((c) => [c.fact.id, c.rev] as const),
        retired,
      ),
      keys: keys.with(
        d.dataPoints.map((c) => [c.fact.id, c.key] as const),
        retired,
      ),
      dataPoints: dataPoints.with(
        movedPoints.map((p) => [p.id, p] as const),
        retired,
      ),
      lineVersions: lineVersions.with(
        d.activityLines.map((c) => [c.fact.id, c.rev] as const),
        retiredLines,
      ),
      lines: lines.with(
        movedLines.map((l) => [l.id, l] as const),
        retiredLines,
      ),
    },
    writes,
  };
}
