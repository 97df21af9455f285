/**
 * Presenters: the only code that knows the JSON shape. Values leave as exact decimal strings
 * (`value`) and, for display, rounded half-up to the catalogue's precision (`display`).
 */
import {
  type DataPoint,
  type Figure,
  type Indicator,
  type LocalisedText,
  lineageValueText,
  type QuantityResult,
} from '@assay/core';

/** "1234567.891" → "1,234,567.891" (text only; no float on the way). */
export function groupDigits(s: string): string {
  const [int = '', frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${frac === undefined ? '' : `.${frac}`}`;
}

export type PresentedValue =
  | { value: string; display: string; unit: string }
  | { value: null; display: null; unit: string | null; error: { code: string; message: string } };

/**
 * precision undefined (lineage nodes that are not reported figures): show at most 6 decimal
 * places, rounded half-up, trailing zeros dropped (core lineageValueText: 44/12 shows 3.666667,
 * not its 40 digits); `value` stays exact.
 */
export function presentValue(v: QuantityResult, precision: number | undefined): PresentedValue {
  if (v.kind === 'error')
    return { value: null, display: null, unit: null, error: { code: v.code, message: v.message } };
  const text = lineageValueText(v.value, precision);
  return {
    value: v.value.toString(),
    display: groupDigits(text),
    unit: v.unit.symbol,
  };
}

const nameOf = (i: Indicator | undefined, fallback: string): LocalisedText =>
  i?.name ?? { 'zh-Hant': fallback, en: fallback };

export function presentFigure(f: Figure, catalogue: ReadonlyMap<string, Indicator>) {
  const ind = catalogue.get(f.indicatorId);
  return {
    id: f.id,
    indicatorId: f.indicatorId,
    name: nameOf(ind, f.indicatorId),
    topic: ind?.topic ?? null,
    kind: ind?.kind ?? 'input',
    entityId: f.entityId,
    periodId: f.periodId,
    disaggregation: f.disaggregation,
    precision: f.precision,
    method: f.method ?? null,
    ...presentValue(f.value, f.precision),
  };
}
export type PresentedFigure = ReturnType<typeof presentFigure>;

export function presentDataPoint(d: DataPoint, version: number, catalogue: ReadonlyMap<string, Indicator>) {
  const ind = catalogue.get(d.indicatorId);
  return {
    id: d.id,
    version,
    entityId: d.entityId,
    periodId: d.periodId,
    indicatorId: d.indicatorId,
    name: nameOf(ind, d.indicatorId),
    topic: ind?.topic ?? null,
    disaggregation: d.disaggregation,
    value: d.quantity.value.toString(),
    unit: d.quantity.unit.symbol,
    catalogueUnit: ind?.unit ?? null,
    source: d.source,
    evidence: d.evidence ?? null,
    comment: d.comment ?? null,
    revision: d.revision ?? null,
  };
}
