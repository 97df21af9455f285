/**
 * What every rule reads: the bundle, its catalogue, the evaluated figures and graph, options,
 * the factor library, and indexes built once. Rules are pure functions of this context.
 */

import { type Figure, figureId, parseFigureId } from '../calc/figure.js';
import type { CalcGraph } from '../calc/graph.js';
import { bundleCatalogue } from '../catalogue/bundle-catalogue.js';
import type { FactorRecord } from '../factors/factor.js';
import { factorLibrary, withOverrides } from '../factors/library.js';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import type { Bundle } from '../model/bundle.js';
import type { Indicator } from '../model/indicator.js';
import type { PublishedFigure } from '../model/published.js';
import { parseUnit, type Unit } from '../units/unit.js';
import type { Where } from './finding.js';
import { type CheckOptions, type ResolvedOptions, resolveOptions } from './options.js';

export type CheckContext = {
  readonly bundle: Bundle;
  readonly catalogue: ReadonlyMap<string, Indicator>;
  readonly figures: readonly Figure[];
  readonly figureById: ReadonlyMap<string, Figure>;
  readonly graph: CalcGraph;
  readonly options: ResolvedOptions;
  /** The factor library with the bundle's overrides. */
  readonly library: readonly FactorRecord[];
  /** Published figures by the figure id they claim to be (figureRef, else indicator + keys). */
  readonly publishedByFigure: ReadonlyMap<string, readonly PublishedFigure[]>;
};

/** The figure id a printed figure claims to be: its figureRef, else its indicator at its keys. */
export function claimedFigureId(p: PublishedFigure): string | undefined {
  if (p.figureRef) return p.figureRef;
  return p.indicatorId ? figureId(p.indicatorId, p.entityId, p.periodId, p.disaggregation) : undefined;
}

/** The catalogue unit of the figure a printed figure claims to be. */
export function expectedUnit(ctx: CheckContext, p: PublishedFigure): Unit | undefined {
  const ref = claimedFigureId(p);
  const indicatorId = (ref ? parseFigureId(ref)?.indicatorId : undefined) ?? p.indicatorId;
  const ind = indicatorId ? ctx.catalogue.get(indicatorId) : undefined;
  if (!ind) return undefined;
  const u = parseUnit(ind.unit);
  return u.ok ? u.unit : undefined;
}

export function buildContext(
  bundle: Bundle,
  options?: CheckOptions,
  evaluation?: { figures: readonly Figure[]; graph: CalcGraph },
): CheckContext {
  const { figures, graph } = evaluation ?? evaluateBundle(bundle);
  const publishedByFigure = new Map<string, PublishedFigure[]>();
  for (const p of bundle.published) {
    const id = claimedFigureId(p);
    if (id) publishedByFigure.set(id, [...(publishedByFigure.get(id) ?? []), p]);
  }
  // a loop, not a pair per figure for the Map constructor (a group has 250,000 figures)
  const figureById = new Map<string, Figure>();
  for (const f of figures) figureById.set(f.id, f);
  return {
    bundle,
    catalogue: bundleCatalogue(bundle),
    figures,
    figureById,
    graph,
    options: resolveOptions(options),
    library: withOverrides(factorLibrary(), bundle.factors),
    publishedByFigure,
  };
}

export function whereOf(p: PublishedFigure): Where {
  const figure = claimedFigureId(p);
  return {
    publishedId: p.id,
    entityId: p.entityId,
    periodId: p.periodId,
    section: p.section,
    ...(p.table ? { table: p.table } : {}),
    ...(figure ? { figureId: figure } : {}),
    ...((figure ? parseFigureId(figure)?.indicatorId : p.indicatorId) !== undefined
      ? { indicatorId: (figure ? parseFigureId(figure)?.indicatorId : p.indicatorId) as string }
      : {}),
  };
}

export function whereOfFigure(f: Figure): Where {
  return { figureId: f.id, indicatorId: f.indicatorId, entityId: f.entityId, periodId: f.periodId };
}
