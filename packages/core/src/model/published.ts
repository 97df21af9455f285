/**
 * The as-published layer: each figure exactly as a report printed it (label, value text,
 * unit label, decimal places), including figures that look wrong. It is never used as an
 * input to calculation; the checker compares it with what the inputs give.
 */
import type { Decimal } from '../decimal.js';
import type { Disaggregation } from './fact.js';

export type PublishedFigure = {
  readonly id: string;
  /** Citation: the report section (and table) the figure was read from. */
  readonly section: string;
  readonly table?: string;
  readonly labelZh: string;
  readonly labelEn?: string;
  /** The catalogue indicator this printed figure claims to be, when one fits. */
  readonly indicatorId?: string;
  readonly entityId: string;
  readonly periodId: string;
  readonly disaggregation: Disaggregation;
  /** The value text as printed, e.g. "1,234.56" or "48.9". */
  readonly printed: string;
  /** The printed value as an exact decimal (separators removed), or null for non-numeric text. */
  readonly value: Decimal | null;
  /** Decimal places as printed. */
  readonly precision: number;
  /** The unit label exactly as printed, e.g. "噸二氧化碳當量/人民幣". */
  readonly unitLabel: string;
  /** The Assay figure id this printed figure should equal, for recomputation checks. */
  readonly figureRef?: string;
  readonly note?: string;
};
