/**
 * Averages and rates over categories reconcile with the whole: for a per-category ratio
 * (numerator ÷ the category's population, methods/rules.ts pairing "same"), the printed rates
 * times each category's weight must add up to the numerator's total. The declared denominator
 * is tried first, then any alternative weight (relations.ts); matching only an alternative is
 * noted, matching none is a warning.
 */

import { figureId, parseFigureId } from '../../calc/figure.js';
import { Decimal } from '../../decimal.js';
import type { PublishedFigure } from '../../model/published.js';
import { convert, isQuantity, multiply } from '../../units/quantity.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { msg } from '../rule.js';
import { show } from '../util/compare.js';
import { inUnit, type Printed, printedOf } from '../util/published-index.js';
import { ALTERNATIVE_WEIGHTS, RATIO_RELATIONS } from '../util/relations.js';

export function categoryAverages(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of RATIO_RELATIONS.filter((r) => r.pairing === 'same')) {
    const groups = new Map<string, Printed[]>();
    for (const [id, ps] of ctx.publishedByFigure) {
      const key = parseFigureId(id);
      const axes = key ? Object.keys(key.disaggregation) : [];
      const x = ps[0] ? printedOf(ctx, ps[0]) : undefined;
      if (!key || key.indicatorId !== rule.indicator || axes.length !== 1 || !x) continue;
      const g = `${key.entityId}|${key.periodId}|${axes[0]}`;
      groups.set(g, [...(groups.get(g) ?? []), x]);
    }
    for (const [g, rates] of groups) {
      if (rates.length < 2) continue;
      const [entityId, periodId, axis] = g.split('|') as [string, string, string];
      const total = ctx.figureById.get(figureId(rule.numerator, entityId, periodId));
      if (!total || !isQuantity(total.value)) continue;
      const tq = total.value;
      const tried: { weight: string; sum: Decimal }[] = [];
      let matched: string | undefined;
      for (const weight of [rule.denominator, ...(ALTERNATIVE_WEIGHTS[rule.indicator] ?? [])]) {
        const r = weightedSum(ctx, rates, weight, entityId, periodId, axis, tq.unit);
        if (!r) continue;
        tried.push({ weight, sum: r.sum });
        if (r.sum.minus(tq.value).abs().lessThanOrEqualTo(r.tol)) {
          matched = weight;
          break;
        }
      }
      const first = rates[0]?.p as PublishedFigure;
      const where = {
        indicatorId: rule.indicator,
        entityId,
        periodId,
        section: first.section,
        ...(first.table ? { table: first.table } : {}),
      };
      const unit = tq.unit.symbol;
      if (matched === rule.denominator || tried.length === 0) continue;
      if (matched)
        out.push({
          ruleId: 'reconciliation',
          code: 'average-weight',
          severity: 'info',
          where,
          message: msg(
            `${rule.indicator} by ${axis} reconciles with ${rule.numerator} only when weighted by ${matched}, not by ${rule.denominator} as the indicator is defined.`,
            `按 ${axis} 劃分的 ${rule.indicator} 只有以 ${matched} 加權才與 ${rule.numerator} 相符，而非按指標定義以 ${rule.denominator} 加權。`,
          ),
        });
      else
        out.push({
          ruleId: 'reconciliation',
          code: 'average-mismatch',
          severity: 'warning',
          where,
          expected: `${show(tq.value)} ${unit}`,
          actual: tried.map((t) => `${show(t.sum)} ${unit} (by ${t.weight})`).join('; '),
          message: msg(
            `${rule.indicator} by ${axis} (${rates.map((r) => r.p.printed).join(', ')}) times each category's weight gives ${tried.map((t) => `${show(t.sum)} ${unit} by ${t.weight}`).join(', ')}, not the ${show(tq.value)} ${unit} of ${rule.numerator}.`,
            `按 ${axis} 劃分的 ${rule.indicator}（${rates.map((r) => r.p.printed).join('、')}）乘以各類別權數，得 ${tried.map((t) => `${show(t.sum)} ${unit}（以 ${t.weight}）`).join('、')}，與 ${rule.numerator} 的 ${show(tq.value)} ${unit} 不符。`,
          ),
        });
    }
  }
  return out;
}

/** Σ rate × weight over the categories, when every category has a weight and they cover the total. */
function weightedSum(
  ctx: CheckContext,
  rates: readonly Printed[],
  weight: string,
  entityId: string,
  periodId: string,
  axis: string,
  unit: import('../../units/unit.js').Unit,
): { sum: Decimal; tol: Decimal } | undefined {
  let sum = new Decimal(0);
  let tol = new Decimal(0);
  let covered = new Decimal(0);
  for (const r of rates) {
    const cat = r.p.disaggregation[axis] ?? parseFigureId(r.p.figureRef ?? '')?.disaggregation[axis];
    const w = ctx.figureById.get(figureId(weight, entityId, periodId, { [axis]: cat ?? '' }));
    if (!w || !isQuantity(w.value)) return undefined;
    const product = convert(multiply(r.q, w.value), unit);
    const half = inUnit({ ...r, q: { ...r.q, value: r.half } }, r.q.unit);
    if (!isQuantity(product) || !half) return undefined;
    const halfProduct = convert(
      multiply({ kind: 'quantity', value: half.value, unit: r.q.unit }, w.value),
      unit,
    );
    if (!isQuantity(halfProduct)) return undefined;
    sum = sum.plus(product.value);
    tol = tol.plus(halfProduct.value.abs());
    covered = covered.plus(w.value.value);
  }
  const whole = ctx.figureById.get(figureId(weight, entityId, periodId));
  if (whole && isQuantity(whole.value) && !whole.value.value.equals(covered)) return undefined;
  return { sum, tol };
}
