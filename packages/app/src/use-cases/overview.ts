/**
 * The overview: group headline figures with the prior year and the change, breakdowns
 * (emissions by scope, entity and source; energy mix), targets, and the state of checks and
 * completeness. Everything is read from evaluated figures; what the graph does not yet produce
 * is simply absent, and engine-backed parts say when they are not available.
 */
import { convert, Decimal, type Figure, groupEntity, type MaterialityOutcome, priorYear } from '@assay/core';
import { type PresentedFigure, presentFigure } from '../present.js';
import type { Snapshot } from '../workspace/workspace.js';
import { completenessSummary } from './disclosure-status.js';
import { evaluated } from './evaluation.js';
import { checkResult } from './findings.js';

/** Headline indicators in display order (ids from the catalogue and docs/figure-ids). */
export const HEADLINES = [
  'ghg.total.location',
  'ghg.scope1',
  'ghg.scope2.location',
  'ghg.intensity.revenue',
  'energy.total',
  'energy.renewable.share',
  'water.total',
  'waste.hazardous.total',
  'employees.total',
  'safety.ltifr',
  'training.coverage',
  'revenue',
] as const;

/** Change in % (cur − prior) / prior × 100, two places; undefined when not comparable. */
function change(cur: Figure, prior: Figure | undefined): string | null {
  if (!prior || cur.value.kind === 'error' || prior.value.kind === 'error') return null;
  const p = convert(prior.value, cur.value.unit);
  if (p.kind === 'error' || p.value.isZero()) return null;
  return cur.value.value.minus(p.value).dividedBy(p.value).times(100).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** `materiality`: the approved assessment (approved-materiality.ts) the findings and completeness read. */
export function overview(s: Snapshot, period?: string, materiality?: MaterialityOutcome) {
  const ev = evaluated(s);
  const b = s.bundle;
  const cur = period ?? b.reporting.current;
  const prev = priorYear(cur);
  const group = groupEntity(b.organisation).id;
  const fig = (id: string) => ev.byId.get(id);
  const show = (f: Figure | undefined): PresentedFigure | null => (f ? presentFigure(f, ev.catalogue) : null);
  const headlines = HEADLINES.flatMap((ind) => {
    const f = fig(`${ind}@${group}/${cur}`);
    if (!f) return [];
    const p = prev ? fig(`${ind}@${group}/${prev}`) : undefined;
    return [{ current: show(f), prior: show(p), changePercent: change(f, p) }];
  });
  const at = (f: Figure) => f.periodId === cur;
  const split = (indicator: string, axis: string, entity = group) =>
    ev.evaluation.figures
      .filter(
        (f) => at(f) && f.entityId === entity && f.indicatorId === indicator && axis in f.disaggregation,
      )
      .map((f) => ({ key: f.disaggregation[axis] ?? '', figure: show(f) }));
  const scopes = ['ghg.scope1', 'ghg.scope2.location', 'ghg.scope2.market', 'ghg.scope3'].flatMap((ind) => {
    const f = fig(`${ind}@${group}/${cur}`);
    return f ? [{ key: ind, figure: show(f) }] : [];
  });
  const byEntity = b.organisation.entities
    .filter((e) => e.id !== group)
    .flatMap((e) => {
      const f = fig(`ghg.total.location@${e.id}/${cur}`);
      return f ? [{ key: e.id, figure: show(f) }] : [];
    });
  const targets = b.registers.targets.map((t) => {
    const f = t.indicatorId ? fig(`${t.indicatorId}@${t.entityId ?? group}/${cur}`) : undefined;
    return {
      id: t.id,
      name: t.name,
      target: t.value ?? null,
      unit: t.unit ?? null,
      targetYear: t.targetYear ?? null,
      comparator: t.comparator ?? null,
      current: show(f),
    };
  });
  return {
    period: cur,
    priorPeriod: prev ?? null,
    groupEntity: group,
    workspaceVersion: s.version,
    counts: {
      dataPoints: b.dataPoints.length,
      activityLines: b.activityLines.length,
      figures: ev.evaluation.figures.length,
    },
    headlines,
    emissions: { byScope: scopes, byEntity, bySource: split('ghg.scope1.by-fuel', 'fuel') },
    energyMix: split('energy.by-carrier', 'fuel'),
    targets,
    findings: checkResult(s, materiality).summary.bySeverity,
    completeness: completenessSummary(s, materiality),
  };
}
