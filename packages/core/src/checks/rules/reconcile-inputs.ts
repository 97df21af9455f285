/**
 * Reconciliation among input data points: for an additive indicator, each axis of categories
 * (gender, age band, channel…) sums to the entered total, and, without a total, every axis
 * sums to the same population. Counts must match exactly; other values within the rounding of
 * the places they were entered with.
 */
import { Decimal } from '../../decimal.js';
import type { DataPoint } from '../../model/fact.js';
import { convert, isQuantity } from '../../units/quantity.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { axisZh, msg, quantityText, unitTextZh } from '../rule.js';
import { halfUlp, show } from '../util/compare.js';

type Axis = { axis: string; sum: Decimal; tol: Decimal; n: number };

/** Has the data point any axis value (Object.keys(d).length > 0, without the array). */
function split(d: DataPoint): boolean {
  for (const _ in d.disaggregation) return true;
  return false;
}

/**
 * The data points by entity × period × indicator, in bundle order, for only the groups that
 * hold a disaggregated value (the others can give no finding): a group is formed from its
 * disaggregated members first, then joined by its undisaggregated ones (looked up without a
 * key string, so a bundle of millions of plain values costs one pass and no allocation per value).
 * Groups come in the order of their first member, as one pass over all data points would give.
 */
export function splitGroups(points: readonly DataPoint[]): DataPoint[][] {
  const byEntity = new Map<string, Map<string, Map<string, { first: number; at: number[] }>>>();
  const groups: { first: number; at: number[] }[] = [];
  const groupOf = (d: DataPoint, create: boolean) => {
    let byPeriod = byEntity.get(d.entityId);
    if (!byPeriod) {
      if (!create) return undefined;
      byPeriod = new Map();
      byEntity.set(d.entityId, byPeriod);
    }
    let byIndicator = byPeriod.get(d.periodId);
    if (!byIndicator) {
      if (!create) return undefined;
      byIndicator = new Map();
      byPeriod.set(d.periodId, byIndicator);
    }
    let g = byIndicator.get(d.indicatorId);
    if (!g && create) {
      g = { first: Number.POSITIVE_INFINITY, at: [] };
      byIndicator.set(d.indicatorId, g);
      groups.push(g);
    }
    return g;
  };
  for (let i = 0; i < points.length; i++) {
    const d = points[i] as DataPoint;
    if (split(d)) (groupOf(d, true) as { at: number[] }).at.push(i);
  }
  if (groups.length === 0) return [];
  for (let i = 0; i < points.length; i++) {
    const d = points[i] as DataPoint;
    if (!split(d)) groupOf(d, false)?.at.push(i);
  }
  for (const g of groups) {
    g.at.sort((a, b) => a - b);
    g.first = g.at[0] as number;
  }
  groups.sort((a, b) => a.first - b.first);
  return groups.map((g) => g.at.map((i) => points[i] as DataPoint));
}

export function inputDisaggregations(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const ds of splitGroups(ctx.bundle.dataPoints)) {
    const first = ds[0] as DataPoint;
    const ind = ctx.catalogue.get(first.indicatorId);
    if (ds.length < 2 || ind?.aggregation !== 'sum') continue;
    const total = ds.find((d) => Object.keys(d.disaggregation).length === 0);
    const unit = (total ?? first).quantity.unit;
    const exact = ind.dimension === 'count';
    const axes = new Map<string, Axis>();
    for (const d of ds) {
      const keys = Object.keys(d.disaggregation);
      if (keys.length !== 1) continue;
      const v = convert(d.quantity, unit);
      if (!isQuantity(v)) continue;
      const a = axes.get(keys[0] as string) ?? {
        axis: keys[0] as string,
        sum: new Decimal(0),
        tol: new Decimal(0),
        n: 0,
      };
      const half = exact
        ? new Decimal(0)
        : halfUlp(d.quantity.value.decimalPlaces()).times(d.quantity.unit.scale).dividedBy(unit.scale);
      axes.set(a.axis, { ...a, sum: a.sum.plus(v.value), tol: a.tol.plus(half), n: a.n + 1 });
    }
    const full = [...axes.values()].filter((a) => a.n >= 2);
    const reference = total
      ? {
          label: `total ${show(total.quantity.value)}`,
          value: total.quantity.value,
          tol: exact ? new Decimal(0) : halfUlp(total.quantity.value.decimalPlaces()),
        }
      : full[0]
        ? { label: `sum by ${full[0].axis} ${show(full[0].sum)}`, value: full[0].sum, tol: full[0].tol }
        : undefined;
    if (!reference) continue;
    for (const a of total ? full : full.slice(1)) {
      if (a.sum.minus(reference.value).abs().lessThanOrEqualTo(a.tol.plus(reference.tol))) continue;
      out.push({
        ruleId: 'reconciliation',
        code: 'input-categories',
        severity: 'error',
        where: { indicatorId: first.indicatorId, entityId: first.entityId, periodId: first.periodId },
        expected: `${show(reference.value)} ${unit.symbol}`,
        expectedText: quantityText(show(reference.value), unit),
        actual: `${show(a.sum)} ${unit.symbol}`,
        actualText: quantityText(show(a.sum), unit),
        message: msg(
          `${first.indicatorId} for ${first.entityId}, ${first.periodId}: the ${a.n} categories by ${a.axis} add up to ${show(a.sum)} ${unit.symbol}, not the ${reference.label} ${unit.symbol}.`,
          `${first.entityId} ${first.periodId} 的 ${first.indicatorId}：按${axisZh(a.axis)}劃分的 ${a.n} 個類別合計 ${show(a.sum)} ${unitTextZh(unit)}，與${total ? '總數' : '其他劃分的合計'} ${show(reference.value)} ${unitTextZh(unit)} 不符。`,
        ),
      });
    }
  }
  return out;
}
