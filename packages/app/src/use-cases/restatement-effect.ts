/**
 * What a restatement does to the figures (issue #17): the group's Scope 1 + 2 (location-based,
 * tCO2e) of each year it moves, before and after, and, when it moves the base year, core's
 * significance test under the organisation's policy (methods/base-year.ts), counting the earlier
 * approved restatements of the same base year that were not significant (cumulative rule).
 * "After" is the snapshot's bundle with the restated facts in place, evaluated in full. Kept with
 * the request as JSON of exact decimal text (recorded at the request and again at approval).
 */
import {
  type ActivityLine,
  type Bundle,
  type DataPoint,
  Decimal,
  evaluateBundle,
  type Figure,
  parsePeriod,
  type RestatementChange,
  restatedBundle,
  scope12FigureId,
  significance,
} from '@assay/core';
import type { RestatementRecord } from '../workspace/restatement-records.js';
import type { Snapshot } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';

/** The effect as recorded (JSON). Amounts: tCO2e, exact decimal text. */
export type EffectRecord = {
  readonly totals: readonly {
    readonly periodId: string;
    readonly before: string | null;
    readonly after: string | null;
  }[];
  readonly baseYear: {
    readonly year: string;
    readonly before: string;
    readonly after: string;
    readonly thresholdPercent: string;
    readonly delta: string;
    readonly percent: string | null;
    readonly cumulativePercent: string | null;
    /** |Δ| of the earlier changes counted with this one. */
    readonly earlier: readonly string[];
    readonly alone: boolean;
    readonly significant: boolean;
    /** The policy counts this type of change (its triggers); if not, it is never significant. */
    readonly covered: boolean;
  } | null;
};

/** The Scope 1 + 2 of `year` among `figures`, tCO2e; null when not calculated. */
export function scope12Of(bundle: Bundle, figures: readonly Figure[], year: string): Decimal | null {
  const id = scope12FigureId(bundle.organisation, year);
  const f = figures.find((x) => x.id === id);
  return f && f.value.kind === 'quantity' ? f.value.value : null;
}

/**
 * |Δ| of the approved restatements of base year `year` since the last one that was significant
 * (that one recalculated the base year, so the count starts again after it).
 */
export function earlierDeltas(records: readonly RestatementRecord[], year: string): Decimal[] {
  const out: Decimal[] = [];
  for (const r of records) {
    const b = r.state === 'approved' ? (r.effect as EffectRecord | null)?.baseYear : undefined;
    if (!b || b.year !== year || !b.covered) continue;
    if (b.significant) out.length = 0;
    else out.push(new Decimal(b.delta).abs());
  }
  return out;
}

export function restatementEffect(
  s: Snapshot,
  change: RestatementChange,
  facts: { readonly dataPoints: readonly DataPoint[]; readonly activityLines: readonly ActivityLine[] },
  earlier: readonly Decimal[],
): EffectRecord {
  const b = s.bundle;
  const policy = b.organisation.baseYear;
  const before = evaluated(s).evaluation.figures;
  const after = evaluateBundle(restatedBundle(b, facts)).figures;
  const years = new Set<string>();
  for (const f of [...facts.dataPoints, ...facts.activityLines]) {
    const p = parsePeriod(f.periodId);
    if (p) years.add(String(p.year));
  }
  const text = (d: Decimal | null) => (d === null ? null : d.toFixed());
  const totals = [...years].sort().map((y) => ({
    periodId: y,
    before: text(scope12Of(b, before, y)),
    after: text(scope12Of(b, after, y)),
  }));
  if (!policy) return { totals, baseYear: null };
  const was = scope12Of(b, before, policy.year);
  const now = scope12Of(b, after, policy.year);
  if (was === null || now === null || (was.eq(now) && !years.has(policy.year)))
    return { totals, baseYear: null };
  const covered = policy.triggers.includes(change);
  const test = significance({ before: was, after: now, earlier, thresholdPercent: policy.thresholdPercent });
  return {
    totals,
    baseYear: {
      year: policy.year,
      before: was.toFixed(),
      after: now.toFixed(),
      thresholdPercent: policy.thresholdPercent.toFixed(),
      delta: test.delta.toFixed(),
      percent: text(test.percent),
      cumulativePercent: text(test.cumulativePercent),
      earlier: earlier.map((d) => d.toFixed()),
      alone: test.alone && covered,
      significant: test.significant && covered,
      covered,
    },
  };
}
