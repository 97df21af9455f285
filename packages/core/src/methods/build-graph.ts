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

export type BuiltGraph = { readonly graph: CalcGraph; readonly figures: FigureIndex };

export function buildGraph(bundle: Bundle, library: readonly FactorRecord[] = factorLibrary()): BuiltGraph {
  const graph = new CalcGraph();
  const catalogue = bundleCatalogue(bundle);
  const contributions = new Contributions();
  const factors = new FactorNodes(graph, withOverrides(library, bundle.factors));
  const figures = new FigureIndex(graph);
  const methodNote = methodNoteFor(bundle.methods);
  const org = bundle.organisation;

  for (const d of bundle.dataPoints) {
    const id = `dp:${d.id}`;
    graph.add({
      kind: 'fact',
      id,
      label: `${d.indicatorId} ${d.entityId} ${d.periodId}`,
      value: d.quantity,
      fact: {
        factId: d.id,
        entityId: d.entityId,
        periodId: d.periodId,
        source: d.source,
        ...(d.evidence === undefined ? {} : { evidence: d.evidence }),
        ...(d.comment === undefined ? {} : { comment: d.comment }),
      },
    });
    const year = String(parsePeriod(d.periodId)?.year ?? d.periodId);
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
  }

  consolidate({ org, catalogue, contributions, figures, methodNote });
  const years = [bundle.reporting.current, ...bundle.reporting.prior];
  applyRules({ org, years, catalogue, figures, rules: DERIVED_RULES, methodNote });
  graph.evaluate();
  return { graph, figures };
}
