/**
 * The indicator catalogue: what can be reported. Kinds declare behaviour as data: the unit and
 * its dimension, the disaggregation axes, how values aggregate over entities and periods,
 * and the printed precision (decimal places at output, rounding half-up).
 */
import type { LocalisedText } from './text.js';

export type Aggregation = 'sum' | 'weighted-average' | 'latest' | 'none';
export type IndicatorKind = 'input' | 'derived';

/** Axes along which a value may be split. Values on an axis are free codes (e.g. gender=female). */
export type Axis =
  | 'gender'
  | 'age-band'
  | 'employment-type'
  | 'rank'
  | 'region'
  | 'fuel'
  | 'scope'
  | 'category'
  | 'channel'
  | 'source'
  | 'hazard'
  | 'product'
  | 'material'
  | 'pollutant'
  | 'expertise';

export type Indicator = {
  readonly id: string;
  readonly name: LocalisedText;
  /** Topic code used to group indicators in forms and reports, e.g. "emissions", "employment". */
  readonly topic: string;
  /** Dimension key (see units/dimension.ts), e.g. "co2e", "energy", "co2e/currency", "ratio". */
  readonly dimension: string;
  /** Default unit symbol; values in other units of the same dimension are converted. */
  readonly unit: string;
  readonly axes: readonly Axis[];
  readonly aggregation: Aggregation;
  /** For weighted averages: the indicator whose values weight the average. */
  readonly weightBy?: string;
  readonly kind: IndicatorKind;
  /** Decimal places printed. */
  readonly precision: number;
  /**
   * True when a value may be below zero (a net figure, a change in stock, a financial effect).
   * Absent or false: a data point below zero is refused at validation.
   */
  readonly signed?: boolean;
  /**
   * Axes whose categories are different things that must not be added (pollutants: NOx, SOx and PM
   * in tonnes are three substances; their sum means nothing). No total is formed over them
   * (consolidation sums only the entity's figures per category), a data point of the indicator
   * must name a category on each of them (refused at validation otherwise), a printed number that
   * claims the indicator without one is flagged (checks, `non-additive-total`) and year-on-year
   * compares only per category (issue #24).
   */
  readonly nonAdditiveAxes?: readonly Axis[];
  readonly description?: LocalisedText;
};
