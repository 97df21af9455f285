/**
 * Evaluate the workspace's bundle once per workspace version (figures are derived, never stored),
 * incrementally where the data allows it.
 *
 * The process keeps the calculation graph of the latest evaluated snapshot ("live graph"). When a
 * snapshot is asked for that differs from it only by data-point values (value-edits.ts), the live
 * graph takes the new values (setFact) and recalculates only what depends on them; the new
 * snapshot's figures are the old ones with the changed figures replaced by new objects (a
 * ChunkedList sharing the untouched chunks; `evaluation.figures` is built on first read). Which
 * data points changed comes from the workspace when it knows (Snapshot.dataPointChangesSince:
 * no comparison of all data points), else from comparing the two bundles. Anything
 * else (a data point added, retracted or moved, activity lines, explanations, indicators…) is a
 * full evaluateBundle. evaluation.test.ts checks, over random edit histories, that both give
 * the same figures.
 *
 * The rule that keeps older snapshots right (a request may still hold one):
 * - Figures are immutable: an older snapshot's `figures` array and Figure objects never change.
 * - The live graph is MOVED to the newer snapshot, never shared. The older snapshot's
 *   `evaluation.graph` is then rebuilt from its own bundle on first use (buildGraph), so it never
 *   sees the newer values.
 * - Reading `evaluation.graph` PINS the graph to that snapshot: whoever reads it may hold it
 *   across an await (the XLSX report's lineage does), so a pinned graph is never mutated; the
 *   next snapshot is then evaluated in full and its graph becomes the live one.
 * - `withGraph` lends the graph to a synchronous function without pinning it (checks, one
 *   figure's lineage): nothing can mutate it before the function returns.
 */

import {
  type Bundle,
  buildGraph,
  bundleCatalogue,
  type CalcGraph,
  type DataPoint,
  type Evaluation,
  evaluateBundle,
  type Figure,
  type Indicator,
  type QuantityResult,
} from '@assay/core';
import { ChunkedList } from '../workspace/chunked-list.js';
import { indexById } from '../workspace/index-by-id.js';
import type { Snapshot } from '../workspace/workspace.js';
import { valueEditsBetween, valueEditsFrom } from './value-edits.js';

/** How a snapshot's figures were obtained; `incremental` names the bundle they were derived from. */
export type Derivation =
  | { readonly kind: 'full' }
  | {
      readonly kind: 'incremental';
      readonly from: Bundle;
      /** Figure ids whose value changed from `from` to this bundle. */
      readonly changedFigureIds: readonly string[];
      /** Graph nodes whose value changed (facts, intermediate nodes and figures). */
      readonly changedNodes: number;
      /**
       * How the edited data points were found: from the workspace's own record of its writes
       * ('changes'), or by comparing the two bundles' data points ('comparison').
       */
      readonly via: 'changes' | 'comparison';
    };

export type Evaluated = {
  readonly evaluation: Evaluation;
  readonly byId: ReadonlyMap<string, Figure>;
  readonly catalogue: ReadonlyMap<string, Indicator>;
  readonly derivation: Derivation;
};

/** byId without copying a map per edit: positions are shared along a chain of value edits. */
class FiguresById implements ReadonlyMap<string, Figure> {
  constructor(
    private readonly position: ReadonlyMap<string, number>,
    private readonly figures: ChunkedList<Figure>,
  ) {}
  get size(): number {
    return this.position.size;
  }
  get(id: string): Figure | undefined {
    const i = this.position.get(id);
    return i === undefined ? undefined : this.figures.get(i);
  }
  has(id: string): boolean {
    return this.position.has(id);
  }
  *entries(): MapIterator<[string, Figure]> {
    for (const [id, i] of this.position) yield [id, this.figures.get(i) as Figure];
  }
  keys(): MapIterator<string> {
    return this.position.keys();
  }
  *values(): MapIterator<Figure> {
    for (const i of this.position.values()) yield this.figures.get(i) as Figure;
  }
  [Symbol.iterator](): MapIterator<[string, Figure]> {
    return this.entries();
  }
  forEach(fn: (value: Figure, key: string, map: ReadonlyMap<string, Figure>) => void): void {
    for (const [id, f] of this.entries()) fn(f, id, this);
  }
}

class Entry implements Evaluated {
  readonly evaluation: Evaluation;
  readonly byId: ReadonlyMap<string, Figure>;
  private live: CalcGraph | undefined;
  private rebuilt: CalcGraph | undefined;
  private pinned = false;

  constructor(
    readonly bundle: Bundle,
    readonly figures: ChunkedList<Figure>,
    graph: CalcGraph,
    /** Figure id → position in `figures`; the same for every snapshot of one graph structure. */
    readonly position: ReadonlyMap<string, number>,
    readonly catalogue: ReadonlyMap<string, Indicator>,
    readonly derivation: Derivation,
    /** Data point id → position in `bundle.dataPoints`, built on first use; shared like `position`. */
    readonly dataPointPosition: { map?: Map<string, number> } = {},
  ) {
    this.live = graph;
    this.byId = new FiguresById(position, figures);
    const self = this;
    this.evaluation = {
      get figures() {
        return figures.toArray();
      },
      get graph() {
        self.pinned = true;
        return self.graphNow();
      },
    };
  }

  /** This snapshot's graph: the live one while it has it, else rebuilt from its own bundle. */
  graphNow(): CalcGraph {
    if (this.live) return this.live;
    this.rebuilt ??= buildGraph(this.bundle).graph;
    return this.rebuilt;
  }

  /** Hand the live graph to a newer snapshot (undefined if pinned or already handed on). */
  release(): CalcGraph | undefined {
    if (this.pinned || !this.live) return undefined;
    const g = this.live;
    this.live = undefined;
    return g;
  }
}

const cache = new WeakMap<object, Entry>();
/** The snapshot whose graph is live (the latest evaluated); a newer one may take it over. */
let latest: Entry | undefined;

function full(bundle: Bundle): Entry {
  const evaluation = evaluateBundle(bundle);
  const position = new Map(evaluation.figures.map((f, i) => [f.id, i]));
  return new Entry(
    bundle,
    ChunkedList.of(evaluation.figures),
    evaluation.graph,
    position,
    bundleCatalogue(bundle),
    { kind: 'full' },
  );
}

/** The newer snapshot from the older one's live graph, or undefined when only a full evaluation will do. */
function incremental(older: Entry, s: Snapshot): Entry | undefined {
  const bundle = s.bundle;
  const known = s.dataPointChangesSince?.(older.bundle);
  const diff = known ? valueEditsFrom(older.bundle, bundle, known) : valueEditsBetween(older.bundle, bundle);
  if (!diff) return undefined;
  const graph = older.release();
  if (!graph) return undefined;
  for (const e of diff.edits) graph.setFact(`dp:${e.dataPointId}`, e.quantity);
  const changed = graph.recalculate();
  const updates: [number, Figure][] = [];
  const changedFigureIds: string[] = [];
  for (const id of changed) {
    const i = older.position.get(id);
    if (i === undefined) continue;
    const before = older.figures.get(i) as Figure;
    updates.push([i, { ...before, value: graph.value(id) as QuantityResult }]);
    changedFigureIds.push(id);
  }
  const figures = older.figures.with(updates);
  return new Entry(
    bundle,
    figures,
    graph,
    older.position,
    older.catalogue,
    {
      kind: 'incremental',
      from: older.bundle,
      changedFigureIds,
      changedNodes: changed.length,
      via: known ? 'changes' : 'comparison',
    },
    diff.inPlace ? older.dataPointPosition : {},
  );
}

function entry(s: Snapshot): Entry {
  const hit = cache.get(s.bundle);
  if (hit) return hit;
  const value = (latest && incremental(latest, s)) ?? full(s.bundle);
  cache.set(s.bundle, value);
  latest = value;
  return value;
}

export function evaluated(s: Snapshot): Evaluated {
  return entry(s);
}

/**
 * Lend the snapshot's figures and graph to a synchronous function without pinning the graph
 * (see the rule above). `fn` must not keep the graph or use it after an await.
 */
export function withGraph<T>(s: Snapshot, fn: (e: Evaluation) => T): T {
  const e = entry(s);
  const graph = e.graphNow();
  return fn({
    get figures() {
      return e.figures.toArray();
    },
    graph,
  });
}

/**
 * The snapshot's data point with this id, without scanning them all: the workspace's own lookup
 * (Snapshot.dataPoint) when it has one; else positions indexed once per chain of value edits
 * that keep every data point in its place (not across the store's move to the end: then the
 * index is built again).
 */
export function findDataPoint(s: Snapshot, id: string): DataPoint | undefined {
  if (s.dataPoint) return s.dataPoint(id);
  const e = entry(s);
  const holder = e.dataPointPosition;
  holder.map ??= indexById(s.bundle.dataPoints);
  const i = holder.map.get(id);
  const d = i === undefined ? undefined : s.bundle.dataPoints[i];
  return d?.id === id ? d : undefined;
}
