/**
 * A factor with its provenance. Status follows shared/reference/domain-reference.md:
 * VERIFIED (read in a source), CORROBORATED (secondary source), UNVERIFIED (recalled),
 * COMPUTED (derived from stated inputs). The status travels with the value into lineage.
 */
export type FactorStatus = 'VERIFIED' | 'CORROBORATED' | 'UNVERIFIED' | 'COMPUTED';

export type FactorRecord = {
  /** Stable id, e.g. "ndrc-nf-2015/ef/diesel", "mee-nbs/grid/2023/provincial/xinjiang/average". */
  readonly id: string;
  /** Family of factors: "combustion-ef", "ncv", "grid-ef", "heat-ef", "process-ef", "tce-coefficient"… */
  readonly kind: string;
  /** Method this factor belongs to ("ndrc-nf-2015", "ipcc-2006", "gb-t-2589-2020", "mee-nbs"). */
  readonly method: string;
  /** Exact decimal string. */
  readonly value: string;
  /** Unit label, parseable by parseUnit ("tCO2e/t", "tCO2e/MWh", "GJ/t"). */
  readonly unit: string;
  /** Selectors the factor applies to: fuel, region, calibre, … */
  readonly keys: Readonly<Record<string, string>>;
  /** Year the factor describes (grid factors) or the year of the document. */
  readonly vintage: number;
  readonly calibre?: string;
  /** Spend-based (EEIO) factors: the year whose prices the factor is per (its currency is the unit's denominator). */
  readonly priceYear?: number;
  /** Where the factor is representative ("UK", "US", "CN-xinjiang"); stated for Scope 3 factors, free text. */
  readonly geography?: string;
  readonly document: string;
  readonly publishedAt?: string;
  readonly status: FactorStatus;
  readonly note?: string;
  /**
   * A warning that must travel with the value whenever it is selected (e.g. the GB/T 2589 equal
   * value for electricity must never be mixed with the equivalent value). selectFactor puts it in its note.
   */
  readonly caution?: string;
};
