/**
 * Checker options and their defaults. Bounds are data: indicator id → [min, max] in a unit
 * label; a figure outside is a plausibility warning. Defaults are deliberately wide: they catch
 * a misplaced decimal point or a unit slip, not a merely unusual year.
 */
import type { MaterialityOutcome } from '../frameworks/materiality-outcome.js';
import type { RuleId } from './finding.js';

export type Bound = { readonly min?: string; readonly max?: string; readonly unit: string };

export type CheckOptions = {
  /** Year-on-year change (as a fraction, "0.3" = ±30%) beyond which a figure needs an explanation. */
  readonly yoyThreshold?: string;
  /** Plausibility bounds by indicator id; merged over the defaults. */
  readonly bounds?: Readonly<Record<string, Bound>>;
  /** Rule families to skip. */
  readonly disabled?: readonly RuleId[];
  /** The report's date (YYYY-MM-DD) certificates are checked against; default 31 December of the reporting year. */
  readonly reportDate?: string;
  /** Days before expiry a certificate is flagged (default 90, bundle/certification-expiry.ts). */
  readonly certificateWarnDays?: number;
  /** The approved materiality assessment the completeness rule reads (frameworks/materiality-outcome.ts). */
  readonly materiality?: MaterialityOutcome;
};

export type ResolvedOptions = {
  readonly yoyThreshold: string;
  readonly bounds: Readonly<Record<string, Bound>>;
  readonly disabled: ReadonlySet<RuleId>;
  readonly reportDate?: string;
  readonly certificateWarnDays?: number;
  readonly materiality?: MaterialityOutcome;
};

/** Per-capita and per-unit ranges no real report should leave (units as printed in docs/checks.md). */
export const DEFAULT_BOUNDS: Readonly<Record<string, Bound>> = {
  'training.average-hours': { min: '0', max: '1000', unit: 'h/person' },
  'ghg.intensity.employee': { min: '0', max: '5000', unit: 'tCO2e/person' },
  'safety.ltifr': { min: '0', max: '200', unit: 'person/million hours' },
  'safety.serious-injury-rate': { min: '0', max: '1000', unit: '‰' },
  'safety.minor-injury-rate': { min: '0', max: '1000', unit: '‰' },
  'ghg.intensity.product': { min: '0', max: '500', unit: 'tCO2e/t' },
  'ghg.intensity.ore': { min: '0', max: '50', unit: 'tCO2e/t' },
};

export function resolveOptions(o: CheckOptions = {}): ResolvedOptions {
  return {
    yoyThreshold: o.yoyThreshold ?? '0.3',
    bounds: { ...DEFAULT_BOUNDS, ...o.bounds },
    disabled: new Set(o.disabled ?? []),
    ...(o.reportDate === undefined ? {} : { reportDate: o.reportDate }),
    ...(o.certificateWarnDays === undefined ? {} : { certificateWarnDays: o.certificateWarnDays }),
    ...(o.materiality === undefined ? {} : { materiality: o.materiality }),
  };
}
