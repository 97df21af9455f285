/**
 * Part/whole and average relations the reconciliation rule checks, as data. Sums, totals and
 * ratios come from the calculation rules (methods/rules.ts) so that the checker and the
 * calculator agree on definitions; what is listed here is only what the rules do not say.
 */
import { DERIVED_RULES, type RatioRule, type SumRule, type TotalRule } from '../../methods/rules.js';

export const SUM_RELATIONS: readonly SumRule[] = DERIVED_RULES.filter(
  (r): r is SumRule => r.kind === 'sum' && r.of.length >= 2,
);

export const TOTAL_RELATIONS: readonly TotalRule[] = DERIVED_RULES.filter(
  (r): r is TotalRule => r.kind === 'total',
);

export const RATIO_RELATIONS: readonly RatioRule[] = DERIVED_RULES.filter(
  (r): r is RatioRule => r.kind === 'ratio',
);

/**
 * Other weights an average over categories may have been computed with. Training averages are
 * often printed per employee trained rather than per employee (HKEX B3.2 asks per employee).
 */
export const ALTERNATIVE_WEIGHTS: Readonly<Record<string, readonly string[]>> = {
  'training.average-hours': ['training.trained'],
};

/** Indicators whose undisaggregated figure is the total of another's categories. */
export function totalIndicatorsOf(partIndicator: string): string[] {
  return [partIndicator, ...TOTAL_RELATIONS.filter((t) => t.of === partIndicator).map((t) => t.indicator)];
}
