/**
 * Evaluate a bundle into figures: every input indicator (consolidated from facts) and every
 * derived indicator (activity methods, sums, ratios) for each entity and reporting year.
 * `explainFigure` gives the derivation tree of one figure.
 */

import type { Figure } from '../calc/figure.js';
import type { CalcGraph } from '../calc/graph.js';
import { explain, type Lineage } from '../calc/lineage.js';
import type { Bundle } from '../model/bundle.js';
import type { FactorRecord } from '../model/factor-record.js';
import type { QuantityResult } from '../units/quantity.js';
import { buildGraph } from './build-graph.js';

export type Evaluation = {
  readonly figures: readonly Figure[];
  readonly graph: CalcGraph;
};

export function figuresOf(graph: CalcGraph): Figure[] {
  const out: Figure[] = [];
  for (const { id, figure: f } of graph.figureNodes()) {
    out.push({
      id,
      indicatorId: f.indicatorId,
      entityId: f.entityId,
      periodId: f.periodId,
      disaggregation: f.disaggregation,
      value: graph.value(id) as QuantityResult,
      precision: f.precision,
      ...(f.method === undefined ? {} : { method: f.method }),
    });
  }
  return out;
}

export function evaluateBundle(bundle: Bundle, library?: readonly FactorRecord[]): Evaluation {
  const { graph } = buildGraph(bundle, library);
  return { figures: figuresOf(graph), graph };
}

/** Lineage of one figure; undefined when the bundle has no such figure. */
export function explainFigure(bundle: Bundle, figureId: string): Lineage | undefined {
  const { graph } = buildGraph(bundle);
  return graph.has(figureId) ? explain(graph, figureId) : undefined;
}
