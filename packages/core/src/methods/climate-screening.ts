/**
 * From the per-site physical-hazard screening to the climate register (issue #18;
 * docs/registers.md "Climate risks and opportunities"): a hazard scored at a site at or above
 * the screening threshold (the lowest-ranked hazard-score level marked `needsRisk`) calls for a
 * physical risk in the register that names the hazard and the site. A risk naming the hazard and
 * no site (`entityIds` absent) stands for every site: it is group-wide. No threshold (no level
 * marked), no suggestion.
 */
import type { ClimateScaleLevel, HazardScreening } from '../model/climate-register.js';
import type { Registers } from '../model/registers.js';

/** The lowest rank of a hazard-score level marked `needsRisk`; undefined when none is. */
export function screeningThreshold(scales: readonly ClimateScaleLevel[]): number | undefined {
  const ranks = scales
    .filter((s) => s.axis === 'hazard-score' && s.needsRisk === true && s.rank !== undefined)
    .map((s) => s.rank as number);
  return ranks.length === 0 ? undefined : Math.min(...ranks);
}

export type ScreeningGap = {
  readonly screening: HazardScreening;
  readonly threshold: number;
};

/** Screening rows at or above the threshold with no physical risk for their hazard and site. */
export function screeningGaps(r: Registers): ScreeningGap[] {
  const threshold = screeningThreshold(r.climateScales ?? []);
  if (threshold === undefined) return [];
  const covered = (h: HazardScreening) =>
    r.climateRisks.some(
      (c) =>
        c.kind.startsWith('physical-') &&
        c.hazard === h.hazard &&
        (c.entityIds === undefined || c.entityIds.includes(h.entityId)),
    );
  return (r.hazardScreening ?? [])
    .filter((h) => h.score >= threshold && !covered(h))
    .map((screening) => ({ screening, threshold }));
}
