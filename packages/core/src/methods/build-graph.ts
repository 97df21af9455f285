/**
 * Bundle → calculation graph. Facts become fact nodes; activity lines go through their method
 * (activity-handlers.ts); everything additive is consolidated bottom-up (consolidate.ts); then
 * the declarative rules (rules.ts) add totals, sums and ratios at every level. Only years of the
 * reporting period (current and prior) produce figures.
 */

import { CalcGraph } from '../calc/graph.js';
import { bundleCatalogue } from '../catalogue/bundle-catalogue.js';
import type { FactorRecord } from '../factors/factor.js';
import { factorLibrary, withOverrides } from '../factors/library.js';
import type { Bundle } from '../model/bundle.js';
import type { ActivityLine } from '../model/fact.js';
import { parsePeriod } from '../model/period.js';
import { ACTIVITY_HANDLERS } from './activity-handlers.js';
import { applyRules } from './apply-rules.js';
import { consolidate } from './consolidate.js';
import { Contributions } from './contributions.js';
import { FactorNodes } from './factor-nodes.js';
import { FigureIndex } from './figure-index.js';
import { methodNoteFor } from './method-note.js';
import { DERIVED_RULES } from './rules.js';
import { doubleUsedBatches, marketBasedScope2 } from './scope2-market.js';
import { upstreamEnergy } from './scope3/scope3-upstream-energy.js';

export type BuiltGraph = { readonly graph: CalcGraph; readonly figures: FigureIndex };

export function buildGraph(bundle: Bundle, library: readonly FactorRecord[] = factorLibrary()): BuiltGraph {
  const graph = new CalcGraph();
  const catalogue = bundleCatalogue(bundle);
  const contributions = new Contributions();
  const factors = new FactorNodes(graph, withOverrides(library, bundle.factors));
  const figures = new FigureIndex(graph);
  const methodNote = methodNoteFor(bundle.methods);
  const org = bundle.organisation;

  // capacity for the bulk: one node per data point, a few per activity line, ids ~16 code units
  const leaves = bundle.dataPoints.length + 4 * bundle.activityLines.length;
  graph.reserve(leaves, leaves, leaves * 16);
  const yearOf = new Map<string, string>(); // period id → year, parsed once per period
  for (const d of bundle.dataPoints) {
    const id = `dp:${d.id}`;
    // columnar fact (no spec object kept): label "<indicator> <entity> <period>", fact id d.id
    graph.addFact({
      id,
      value: d.quantity.value,
      unit: d.quantity.unit,
      labelHead: d.indicatorId,
      factId: d.id,
      entityId: d.entityId,
      periodId: d.periodId,
      source: d.source,
      evidence: d.evidence,
      comment: d.comment,
    });
    let year = yearOf.get(d.periodId);
    if (year === undefined) {
      year = String(parsePeriod(d.periodId)?.year ?? d.periodId);
      yearOf.set(d.periodId, year);
    }
    contributions.add(d.entityId, { indicatorId: d.indicatorId, disaggregation: d.disaggregation, year }, id);
  }

  const doubleUsed = doubleUsedBatches(bundle.activityLines);
  const linesByEntity = new Map<string, ActivityLine[]>();
  for (const l of bundle.activityLines) {
    const list = linesByEntity.get(l.entityId);
    if (list) list.push(l);
    else linesByEntity.set(l.entityId, [l]);
  }
  for (const entity of org.entities) {
    const ctx = { graph, factors, contributions, methods: bundle.methods, entity };
    const lines = linesByEntity.get(entity.id) ?? [];
    for (const line of lines) ACTIVITY_HANDLERS[line.activity](ctx, line);
    marketBasedScope2(ctx, lines, doubleUsed);
    upstreamEnergy(ctx, lines); // Scope 3 category 3 from the Scope 1 and 2 lines, where factors exist
  }

  consolidate({ org, catalogue, contributions, figures, methodNote });
  const years = [bundle.reporting.current, ...bundle.reporting.prior];
  applyRules({ org, years, catalogue, figures, rules: DERIVED_RULES, methodNote });
  graph.evaluate();
  return { graph, figures };
}
