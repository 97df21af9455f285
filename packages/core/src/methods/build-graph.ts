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
import type { ActivityLine, DataPoint } from '../model/fact.js';
import { parsePeriod } from '../model/period.js';
import { ACTIVITY_HANDLERS } from './activity-handlers.js';
import { applyRules } from './apply-rules.js';
import { carbonMassBalance } from './carbon-balance.js';
import { consolidate } from './consolidate.js';
import { Contributions } from './contributions.js';
import { FactorNodes } from './factor-nodes.js';
import { FigureIndex } from './figure-index.js';
import { methodNoteFor } from './method-note.js';
import { registerFigures } from './register-figures.js';
import { DERIVED_RULES } from './rules.js';
import { doubleUsedBatches, marketBasedScope2 } from './scope2-market.js';
import { upstreamEnergy } from './scope3/scope3-upstream-energy.js';
import { packOf } from './sector-packs.js';

export type BuiltGraph = { readonly graph: CalcGraph; readonly figures: FigureIndex };

export function buildGraph(bundle: Bundle, library: readonly FactorRecord[] = factorLibrary()): BuiltGraph {
  const graph = new CalcGraph();
  const catalogue = bundleCatalogue(bundle);
  const contributions = new Contributions();
  const factors = new FactorNodes(graph, withOverrides(library, bundle.factors));
  const figures = new FigureIndex(graph);
  const methodNote = methodNoteFor(bundle.methods, bundle.organisation);
  const org = bundle.organisation;

  // Capacity for the whole graph up front: one node per data point, a few per activity line, and
  // an estimate of the derived nodes (figures, ~1/8 of the leaves in a group plus some per
  // entity). Growing a column later copies it whole, and every ~64 MiB of new typed-array memory
  // starts a full garbage collection of the heap, bundle included (docs/performance.md).
  const leaves = bundle.dataPoints.length + 4 * bundle.activityLines.length;
  const derived = (leaves >> 3) + 64 * bundle.organisation.entities.length;
  let idChars = 0;
  const points = bundle.dataPoints;
  // indexed loops: an array iterator here allocated a result object per data point (millions)
  for (let k = 0; k < points.length; k++) idChars += 3 + (points[k] as DataPoint).id.length; // "dp:<id>"
  idChars += 24 * 4 * bundle.activityLines.length + 48 * derived; // line and figure ids, estimated
  // inputs: one edge per leaf into its consolidation, plus the derived nodes' own (a parent's
  // children, an activity product's factors: two per derived node covers the benchmark's 3.37 M
  // edges for 2.83 M nodes); a column outgrowing its reserve is copied whole, outside the arena
  graph.reserve(leaves + derived, leaves + 2 * derived, idChars);
  const yearOf = new Map<string, string>(); // period id → year, parsed once per period
  let lastPeriod: string | undefined;
  let year = '';
  // ids checked for duplicates once, in bulk, after the loop (CalcGraph.withDeferredIds)
  graph.withDeferredIds(() => {
    for (let k = 0; k < points.length; k++) {
      const d = points[k] as DataPoint;
      // columnar fact (no spec object, id string or entry kept): node id "dp:<id>", label
      // "<indicator> <entity> <period>", fact id d.id
      const node = graph.addFactFrom('dp:', d.indicatorId, d, d.quantity.value, d.quantity.unit);
      if (d.periodId !== lastPeriod) {
        lastPeriod = d.periodId;
        let y = yearOf.get(d.periodId);
        if (y === undefined) {
          y = String(parsePeriod(d.periodId)?.year ?? d.periodId);
          yearOf.set(d.periodId, y);
        }
        year = y;
      }
      // the fact node by index: no id string kept until consolidation, none looked up again
      contributions.addTo(d.entityId, d.indicatorId, d.disaggregation, year, node);
    }
  });

  const doubleUsed = doubleUsedBatches(bundle.activityLines);
  const linesByEntity = new Map<string, ActivityLine[]>();
  for (const l of bundle.activityLines) {
    const list = linesByEntity.get(l.entityId);
    if (list) list.push(l);
    else linesByEntity.set(l.entityId, [l]);
  }
  // a Scope 3 line names its supplier by id or credit code (issue #21)
  const suppliers = new Map(
    (bundle.registers.suppliers ?? []).flatMap((s) => [[s.id, s] as const, [s.creditCode, s] as const]),
  );
  for (const entity of org.entities) {
    const pack = packOf(bundle.methods, org, entity.id); // sector pack (issue #24)
    const ctx = { graph, factors, contributions, methods: bundle.methods, entity, pack, suppliers };
    const lines = linesByEntity.get(entity.id) ?? [];
    for (const line of lines) ACTIVITY_HANDLERS[line.activity](ctx, line);
    carbonMassBalance(ctx, lines, pack);
    marketBasedScope2(ctx, lines, doubleUsed);
    upstreamEnergy(ctx, lines); // Scope 3 category 3 from the Scope 1 and 2 lines, where factors exist
  }

  consolidate({ org, catalogue, contributions, figures, methodNote });
  registerFigures(
    {
      graph,
      figures,
      org,
      year: bundle.reporting.current,
      precisionOf: (id) => catalogue.get(id)?.precision ?? 0,
    },
    bundle.registers,
  );
  const years = [bundle.reporting.current, ...bundle.reporting.prior];
  applyRules({ org, years, catalogue, figures, rules: DERIVED_RULES, methodNote });
  graph.evaluate();
  return { graph, figures };
}
