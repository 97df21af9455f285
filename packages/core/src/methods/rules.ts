/**
 * Derived figures declared as data. Each rule is evaluated at every entity level where its
 * inputs exist (after consolidation), so group figures are sums and ratios of consolidated
 * figures, never sums of ratios.
 *
 * - sum: Σ of the listed indicators' figures (those present); `all: true` requires every one.
 * - total: the undisaggregated total of one indicator (its own total, or the sum over one axis).
 * - ratio: numerator ÷ denominator. `pairing: 'same'` pairs each disaggregation of the numerator
 *   with the same disaggregation of the denominator (each rate over its own population);
 *   `pairing: 'total'` divides every numerator figure by the denominator's total;
 *   `pairing: 'numerator-total'` uses only the totals.
 * The unit of each result is the catalogue unit of the derived indicator.
 * Source of the definitions: HKEX C2 KPIs (A1.1–A2.5, B1.2, B2.1, B3.1–B3.2, B7), GHG Protocol
 * Corporate Standard ch. 9 (intensity = absolute ÷ stated denominator).
 */
export type SumRule = {
  readonly kind: 'sum';
  readonly indicator: string;
  readonly of: readonly string[];
  readonly all?: boolean;
};
export type TotalRule = { readonly kind: 'total'; readonly indicator: string; readonly of: string };
export type RatioRule = {
  readonly kind: 'ratio';
  readonly indicator: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly pairing: 'same' | 'total' | 'numerator-total';
  /** Restrict to denominators with this disaggregation (e.g. product per product). */
  readonly note?: string;
};
export type DerivedRule = SumRule | TotalRule | RatioRule;

export const DERIVED_RULES: readonly DerivedRule[] = [
  {
    kind: 'sum',
    indicator: 'ghg.scope1',
    of: ['ghg.scope1.combustion', 'ghg.scope1.reductant', 'ghg.scope1.process', 'ghg.scope1.fugitive'],
  },
  { kind: 'sum', indicator: 'ghg.total.location', of: ['ghg.scope1', 'ghg.scope2.location'] },
  { kind: 'sum', indicator: 'ghg.total.market', of: ['ghg.scope1', 'ghg.scope2.market'] },
  { kind: 'sum', indicator: 'energy.total', of: ['energy.direct', 'energy.indirect'] },
  { kind: 'sum', indicator: 'energy.total.gj', of: ['energy.total'] },
  { kind: 'total', indicator: 'water.total', of: 'water.withdrawal' },
  { kind: 'total', indicator: 'waste.hazardous.total', of: 'waste.hazardous' },
  { kind: 'total', indicator: 'waste.non-hazardous.total', of: 'waste.non-hazardous' },
  { kind: 'total', indicator: 'employees.total', of: 'employees.headcount' },
  { kind: 'total', indicator: 'employees.hires.total', of: 'employees.hires' },
  {
    kind: 'ratio',
    indicator: 'energy.renewable.share',
    numerator: 'energy.renewable',
    denominator: 'energy.total',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'ghg.intensity.revenue',
    numerator: 'ghg.total.location',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'ghg.scope1.intensity.revenue',
    numerator: 'ghg.scope1',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'ghg.scope2.intensity.revenue',
    numerator: 'ghg.scope2.location',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'ghg.intensity.product',
    numerator: 'ghg.total.location',
    denominator: 'production.output',
    pairing: 'total',
  },
  {
    kind: 'ratio',
    indicator: 'ghg.intensity.ore',
    numerator: 'ghg.total.location',
    denominator: 'production.ore-processed',
    pairing: 'total',
  },
  {
    kind: 'ratio',
    indicator: 'ghg.intensity.employee',
    numerator: 'ghg.total.location',
    denominator: 'employees.total',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'energy.intensity.revenue',
    numerator: 'energy.total',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'energy.intensity.revenue.tce',
    numerator: 'energy.total.tce',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'energy.intensity.product',
    numerator: 'energy.total',
    denominator: 'production.output',
    pairing: 'total',
  },
  {
    kind: 'ratio',
    indicator: 'water.intensity.ore',
    numerator: 'water.total',
    denominator: 'production.ore-processed',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'water.intensity.revenue',
    numerator: 'water.total',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'waste.hazardous.intensity.revenue',
    numerator: 'waste.hazardous.total',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'waste.non-hazardous.intensity.revenue',
    numerator: 'waste.non-hazardous.total',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'materials.non-renewable.intensity.revenue',
    numerator: 'materials.non-renewable',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'materials.hazardous.intensity.revenue',
    numerator: 'materials.hazardous',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'packaging.intensity.revenue',
    numerator: 'packaging.used',
    denominator: 'revenue',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'employees.turnover-rate',
    numerator: 'employees.leavers',
    denominator: 'employees.headcount',
    pairing: 'same',
    note: 'leavers ÷ year-end headcount of the same category',
  },
  {
    kind: 'ratio',
    indicator: 'training.coverage',
    numerator: 'training.trained',
    denominator: 'employees.headcount',
    pairing: 'same',
    note: 'employees trained ÷ headcount of the same category',
  },
  {
    kind: 'ratio',
    indicator: 'training.average-hours',
    numerator: 'training.hours',
    denominator: 'employees.headcount',
    pairing: 'same',
    note: 'training hours ÷ headcount of the same category (HKEX B3.2: per employee)',
  },
  {
    kind: 'ratio',
    indicator: 'safety.ltifr',
    numerator: 'safety.lost-time-injuries',
    denominator: 'safety.hours-worked',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'safety.fatality-rate',
    numerator: 'safety.fatalities',
    denominator: 'employees.total',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'safety.serious-injury-rate',
    numerator: 'safety.serious-injuries',
    denominator: 'employees.total',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'safety.minor-injury-rate',
    numerator: 'safety.minor-injuries',
    denominator: 'employees.total',
    pairing: 'numerator-total',
  },
  {
    kind: 'ratio',
    indicator: 'anticorruption.coverage',
    numerator: 'anticorruption.trained',
    denominator: 'employees.total',
    pairing: 'numerator-total',
  },
];
