/**
 * Reconciliation within the printed layer: totals equal the sum of their printed parts (the sum
 * rules of methods/rules.ts, and every axis of a printed disaggregation), a figure printed twice
 * says the same both times, and a printed ratio fits its printed numerator and denominator.
 * Every comparison allows for the rounding of each printed number.
 */

import { parseFigureId } from '../../calc/figure.js';
import { Decimal } from '../../decimal.js';
import type { PublishedFigure } from '../../model/published.js';
import { divideUnits, unitDimension } from '../../units/unit.js';
import { type CheckContext, whereOf } from '../context.js';
import type { Finding } from '../finding.js';
import { msg, quantityText, unitTextZh } from '../rule.js';
import { show } from '../util/compare.js';
import { add, around, div, type Interval, meets, point, scale, showInterval } from '../util/interval.js';
import { inUnit, type Printed, printedFor, printedOf } from '../util/published-index.js';
import { comparePublished } from '../util/published-value.js';
import { unitLabelOf } from '../util/readings.js';
import { RATIO_RELATIONS, SUM_RELATIONS, totalIndicatorsOf } from '../util/relations.js';

const base = (p: PublishedFigure, code: string) => ({
  ruleId: 'reconciliation' as const,
  code,
  where: whereOf(p),
});

export function publishedSums(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const [id, ps] of ctx.publishedByFigure) {
    const key = parseFigureId(id);
    const whole = ps[0] ? printedOf(ctx, ps[0]) : undefined;
    if (!key || !whole || Object.keys(key.disaggregation).length > 0) continue;
    for (const rule of SUM_RELATIONS.filter((r) => r.indicator === key.indicatorId)) {
      const parts = rule.of.map((i) => printedFor(ctx, i, key.entityId, key.periodId));
      if (parts.some((x) => x === undefined)) continue;
      const f = sumFinding(whole, parts as Printed[], rule.of.join(' + '));
      if (f) out.push(f);
    }
  }
  return out;
}

/** Every axis of printed categories sums to the printed total (additive indicators only). */
export function publishedDisaggregations(ctx: CheckContext): Finding[] {
  const groups = new Map<string, PublishedFigure[]>();
  for (const [id, ps] of ctx.publishedByFigure) {
    const key = parseFigureId(id);
    const axes = key ? Object.keys(key.disaggregation) : [];
    if (!key || axes.length !== 1 || !ps[0]) continue;
    const g = `${key.indicatorId}|${key.entityId}|${key.periodId}|${axes[0]}`;
    groups.set(g, [...(groups.get(g) ?? []), ps[0]]);
  }
  const out: Finding[] = [];
  for (const [g, ps] of groups) {
    const [indicatorId, entityId, periodId, axis] = g.split('|') as [string, string, string, string];
    if (ps.length < 2 || ctx.catalogue.get(indicatorId)?.aggregation !== 'sum') continue;
    if (ctx.catalogue.get(indicatorId)?.nonAdditiveAxes?.includes(axis as never)) continue; // NOx + SOx + PM: no sum (#24)
    if (RATIO_RELATIONS.some((r) => r.indicator === indicatorId)) continue; // rates do not add up
    const whole = totalIndicatorsOf(indicatorId)
      .map((i) => printedFor(ctx, i, entityId, periodId))
      .find((x) => x !== undefined);
    const parts = ps.map((p) => printedOf(ctx, p)).filter((x): x is Printed => x !== undefined);
    if (!whole || parts.length < 2) continue;
    const f = sumFinding(whole, parts, `${indicatorId} by ${axis}`);
    if (f) out.push(f);
  }
  return out;
}

function sumFinding(whole: Printed, parts: readonly Printed[], what: string): Finding | undefined {
  let sum: Interval = point(new Decimal(0));
  let mid = new Decimal(0);
  for (const x of parts) {
    const v = inUnit(x, whole.q.unit);
    if (!v) return undefined;
    sum = add(sum, around(v.value, v.half));
    mid = mid.plus(v.value);
  }
  const printed = around(whole.q.value, whole.half);
  if (meets(sum, printed)) return undefined;
  const over = sum.lo.greaterThan(printed.hi);
  const unit = whole.q.unit.symbol;
  return {
    ...base(whole.p, 'sum-of-parts'),
    severity: over ? 'error' : 'warning',
    expected: `${show(mid)} ${unit}`,
    actual: `${whole.p.printed} ${unitLabelOf(whole.p)}`.trim(),
    message: msg(
      `${whole.p.id} prints ${whole.p.printed} (${showInterval(printed)} ${unit}), but its printed parts (${what}: ${parts.map((x) => x.p.id).join(', ')}) add up to ${show(mid)} ${unit}, at their printed precision ${showInterval(sum)}${over ? '' : '; parts may be missing'}.`,
      `${whole.p.id} 印為 ${whole.p.printed}（${showInterval(printed)} ${unit}），但其所印分項（${parts.map((x) => x.p.id).join('、')}）合計為 ${show(mid)} ${unit}，按所印精度為 ${showInterval(sum)}${over ? '' : '，或有分項缺漏'}。`,
    ),
  };
}

/** The same figure printed in two places with values that cannot both be right. */
export function publishedTwice(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const ps of ctx.publishedByFigure.values()) {
    const first = ps[0] ? printedOf(ctx, ps[0]) : undefined;
    if (!first) continue;
    for (const p of ps.slice(1)) {
      const other = printedOf(ctx, p);
      const v = other ? inUnit(other, first.q.unit) : undefined;
      if (!other || !v) continue;
      if (meets(around(v.value, v.half), around(first.q.value, first.half))) continue;
      out.push({
        ...base(p, 'printed-twice'),
        severity: 'error',
        expected: `${first.p.printed} ${first.q.unit.symbol} (${first.p.id})`,
        expectedText: msg(
          `${first.p.printed} ${first.q.unit.symbol} (${first.p.id})`,
          `${first.p.printed} ${unitTextZh(first.q.unit)}（${first.p.id}）`,
        ),
        actual: `${p.printed} ${unitLabelOf(p)}`.trim(),
        message: msg(
          `${p.id} and ${first.p.id} print the same figure as ${p.printed} and ${first.p.printed} (${showInterval(around(v.value, v.half))} against ${showInterval(around(first.q.value, first.half))} ${first.q.unit.symbol}, which cannot meet).`,
          `${p.id} 與 ${first.p.id} 為同一數據，卻分別印為 ${p.printed} 及 ${first.p.printed}（${showInterval(around(v.value, v.half))} 對 ${showInterval(around(first.q.value, first.half))} ${unitTextZh(first.q.unit)}，不可能相等）。`,
        ),
      });
    }
  }
  return out;
}

/** A printed ratio against its printed numerator ÷ printed denominator (interval arithmetic). */
export function publishedRatios(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const [id, ps] of ctx.publishedByFigure) {
    const key = parseFigureId(id);
    const p = ps[0];
    if (!key || !p) continue;
    const best = comparePublished(ctx, p).best;
    if (best && (best.outcome === 'truncated' || best.outcome === 'rounded-away')) continue; // rule 3
    const a = printedOf(ctx, p);
    for (const rule of RATIO_RELATIONS.filter((r) => r.indicator === key.indicatorId)) {
      const dKey = rule.pairing === 'same' ? key.disaggregation : {};
      const nKey = rule.pairing === 'total' ? {} : key.disaggregation;
      const n = printedFor(ctx, rule.numerator, key.entityId, key.periodId, nKey);
      const d = printedFor(ctx, rule.denominator, key.entityId, key.periodId, dKey);
      if (!a || !n || !d || d.q.value.isZero()) continue;
      const ratioUnit = divideUnits(n.q.unit, d.q.unit);
      if (unitDimension(ratioUnit) !== unitDimension(a.q.unit)) continue;
      const factor = ratioUnit.scale.dividedBy(a.q.unit.scale);
      const q = div(around(n.q.value, n.half), around(d.q.value, d.half));
      if (!q) continue; // the denominator's interval holds zero: any ratio fits
      const ratio = scale(q, factor);
      const printedIv = around(a.q.value, a.half);
      if (meets(printedIv, ratio)) continue;
      const mid = n.q.value.dividedBy(d.q.value).times(factor);
      const unit = a.q.unit;
      out.push({
        ...base(p, 'printed-ratio'),
        severity: 'warning',
        expected: `${show(mid, p.precision)} ${unit.symbol}`,
        expectedText: quantityText(show(mid, p.precision), unit),
        actual: `${p.printed} ${unitLabelOf(p)}`.trim(),
        message: msg(
          `${p.id} prints ${p.printed} (${showInterval(printedIv)} ${unit.symbol}), but its own printed ${n.p.id} (${n.p.printed}) ÷ ${d.p.id} (${d.p.printed}) gives ${show(mid)} ${unit.symbol}, which rounds to ${show(mid, p.precision)}; at their printed precision ${showInterval(ratio)} ${unit.symbol}.`,
          `${p.id} 印為 ${p.printed}（${showInterval(printedIv)} ${unitTextZh(unit)}），但按報告所印 ${n.p.id}（${n.p.printed}）÷ ${d.p.id}（${d.p.printed}）計算為 ${show(mid)} ${unitTextZh(unit)}，四捨五入應為 ${show(mid, p.precision)}；按所印精度為 ${showInterval(ratio)} ${unitTextZh(unit)}。`,
        ),
      });
    }
  }
  return out;
}
