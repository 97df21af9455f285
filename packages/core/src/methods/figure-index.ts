/** Figures already in the graph, by indicator × entity × year, then disaggregation key. */

import { figureId } from '../calc/figure.js';
import type { Formula } from '../calc/formula.js';
import type { CalcGraph } from '../calc/graph.js';
import type { FigureMeta } from '../calc/node.js';
import { type Disaggregation, disaggregationKey } from '../model/fact.js';

export class FigureIndex {
  private readonly map = new Map<string, Map<string, { id: string; disaggregation: Disaggregation }>>();
  constructor(private readonly graph: CalcGraph) {}

  get(indicatorId: string, entityId: string, year: string, d: Disaggregation = {}): string | undefined {
    return this.map.get(`${indicatorId}|${entityId}|${year}`)?.get(disaggregationKey(d))?.id;
  }

  all(indicatorId: string, entityId: string, year: string): { id: string; disaggregation: Disaggregation }[] {
    return [...(this.map.get(`${indicatorId}|${entityId}|${year}`)?.values() ?? [])];
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
    const k = `${meta.indicatorId}|${meta.entityId}|${meta.periodId}`;
    let m = this.map.get(k);
    if (!m) {
      m = new Map();
      this.map.set(k, m);
    }
    m.set(disaggregationKey(meta.disaggregation), { id, disaggregation: meta.disaggregation });
    return id;
  }
}
