/**
 * Facts as flat text fields: the stored form of a data point or an activity line. Exact decimal
 * text (decimal.js `toFixed()`, never a float, no exponent), the unit's symbol, key=value pairs
 * in key order, and null for an absent optional field. The store appends these fields as they
 * are and compares them to tell a changed fact from an unchanged one, so every path that
 * produces them (core validation, the CSV fast path in io) must give identical text.
 */

import { type ActivityLine, type DataPoint, disaggregationKey } from '../model/fact.js';
import type { BundleIssue } from './raw.js';
import { formatPairs } from './table-rows.js';

/** One value per field, in the order of DATA_POINT_FIELDS or ACTIVITY_LINE_FIELDS. */
export type FactFields = (string | null)[];

export const DATA_POINT_FIELDS = [
  'fact_key', // entity|period|indicator|disaggregation: one fact, whatever its id
  'fact_id',
  'entity_id',
  'period_id',
  'indicator_id',
  'disaggregation',
  'value',
  'unit',
  'source',
  'evidence',
  'comment',
] as const;

export const ACTIVITY_LINE_FIELDS = [
  'fact_key', // the line id
  'entity_id',
  'period_id',
  'activity',
  'subject',
  'use',
  'amount',
  'unit',
  'attributes',
  'source',
  'evidence',
  'comment',
] as const;

/** The store's key of a data point: one fact per entity, period, indicator and disaggregation. */
export function dataPointFactKey(
  d: Pick<DataPoint, 'entityId' | 'periodId' | 'indicatorId' | 'disaggregation'>,
): string {
  return `${d.entityId}|${d.periodId}|${d.indicatorId}|${disaggregationKey(d.disaggregation)}`;
}

export function dataPointFields(d: DataPoint): FactFields {
  return [
    dataPointFactKey(d),
    d.id,
    d.entityId,
    d.periodId,
    d.indicatorId,
    disaggregationKey(d.disaggregation),
    d.quantity.value.toFixed(),
    d.quantity.unit.symbol,
    d.source,
    d.evidence ?? null,
    d.comment ?? null,
  ];
}

export function activityLineFields(a: ActivityLine): FactFields {
  return [
    a.id,
    a.entityId,
    a.periodId,
    a.activity,
    a.subject,
    a.use ?? null,
    a.amount.value.toFixed(),
    a.amount.unit.symbol,
    formatPairs(a.attributes),
    a.source,
    a.evidence ?? null,
    a.comment ?? null,
  ];
}

/**
 * A validated slice of an input file on its way to the store: io produces it (CSV, XLSX), the
 * store consumes it. `issues` non-empty means the slice had bad rows, and nothing is written.
 */
export type FactBatch<I extends BundleIssue = BundleIssue> = {
  readonly file: string;
  readonly dataPoints: readonly DataPoint[];
  /** Source line of each data point, for duplicate reports. */
  readonly dataPointLines: readonly number[];
  readonly activityLines: readonly ActivityLine[];
  readonly activityLineLines: readonly number[];
  /**
   * Activity lines already flattened (activityLineFields) by the CSV fast path, one per entry
   * of activityLineLines; when present, activityLines is empty.
   */
  readonly activityLineRows?: readonly FactFields[];
  readonly issues: readonly I[];
};
