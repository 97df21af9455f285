/**
 * Figures already in the graph, by indicator → entity → year → disaggregation key. Nested maps
 * keyed by existing strings avoid building (and hashing) a composite key on every look-up.
 */
import { figureId } from '../calc/figure.js';
import type { Formula } from '../calc/formula.js';
import type { CalcGraph } from '../calc/graph.js';
import type { FigureMeta } from '../calc/node.js';
import { type Disaggregation, disaggregationKey } from '../model/fact.js';

type Entry = { id: string; disaggregation: Disaggregation };
type ByKey = Map<string, Entry>;

export class FigureIndex {
  private readonly map = new Map<string, Map<string, Map<string, ByKey>>>();
  constructor(private readonly graph: CalcGraph) {}

  private byKey(indicatorId: string, entityId: string, year: string, create: boolean): ByKey | undefined {
    let e = this.map.get(indicatorId);
    if (!e) {
      if (!create) return undefined;
      e = new Map();
      this.map.set(indicatorId, e);
    }
    let y = e.get(entityId);
    if (!y) {
      if (!create) return undefined;
      y = new Map();
      e.set(entityId, y);
    }
    let k = y.get(year);
    if (!k) {
      if (!create) return undefined;
      k = new Map();
      y.set(year, k);
    }
    return k;
  }

  get(indicatorId: string, entityId: string, year: string, d?: Disaggregation): string | undefined {
    return this.byKey(indicatorId, entityId, year, false)?.get(d === undefined ? '' : disaggregationKey(d))
      ?.id;
  }

  all(indicatorId: string, entityId: string, year: string): Entry[] {
    return [...(this.byKey(indicatorId, entityId, year, false)?.values() ?? [])];
  }

  /** Add a derived figure node; returns its id (the figure id). */
  addDerived(meta: FigureMeta, label: string, formula: Formula, note?: string): string {
    const id = figureId(meta.indicatorId, meta.entityId, meta.periodId, meta.disaggregation);
    this.graph.add({
      kind: 'derived',
      id,
      label,
      formula,
      figure: meta,
      ...(note === undefined ? {} : { note }),
    });
    const k = this.byKey(meta.indicatorId, meta.entityId, meta.periodId, true) as ByKey;
    k.set(disaggregationKey(meta.disaggregation), { id, disaggregation: meta.disaggregation });
    return id;
  }
}
