/**
 * Facts as flat rows for bulk insertion: exact decimal text (never a float), the unit symbol,
 * and a content hash over every stored field so an unchanged fact is recognised and skipped.
 */

import * as crypto from 'node:crypto';
import { type ActivityLine, type DataPoint, disaggregationKey, formatPairs } from '@assay/core';

export const DP_COLUMNS = [
  'fact_key',
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
  'content_hash',
] as const;

export const AL_COLUMNS = [
  'fact_key',
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
  'content_hash',
] as const;

/** One value per column, in the column order above; null for an absent optional field. */
export type FlatRow = (string | null)[];

/**
 * SHA-256 over the fields, each written as its length, ":" and its text (absent: "-"), so no two
 * different rows share an encoding. (Hashing canonical JSON gave the same guarantee at several
 * times the cost per row.)
 */
function contentHash(fields: readonly (string | null)[]): string {
  let text = '';
  for (const f of fields) text += f === null ? '-' : `${f.length}:${f}`;
  return sha256Hex(text);
}

/** One-shot `crypto.hash` (Node ≥ 20.12) is several times cheaper than a Hash object per row. */
const oneShot = (crypto as { hash?: (alg: string, data: string) => string }).hash;
const sha256Hex = oneShot
  ? (text: string) => oneShot('sha256', text)
  : (text: string) => crypto.createHash('sha256').update(text).digest('hex');

export function dataPointRow(d: DataPoint): FlatRow {
  const disaggregation = disaggregationKey(d.disaggregation);
  const fields = [
    d.id,
    d.entityId,
    d.periodId,
    d.indicatorId,
    disaggregation,
    d.quantity.value.toFixed(),
    d.quantity.unit.symbol,
    d.source,
    d.evidence ?? null,
    d.comment ?? null,
  ];
  const key = [d.entityId, d.periodId, d.indicatorId, disaggregation].join('|');
  return [key, ...fields, contentHash(fields)];
}

export function activityLineRow(a: ActivityLine): FlatRow {
  const fields = [
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
  return [a.id, ...fields, contentHash([a.id, ...fields])];
}
