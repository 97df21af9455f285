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
import { type Unit, unitLabelZh } from '../../units/unit.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { axisZh, msg } from '../rule.js';
import { show } from '../util/compare.js';
import { add, around, contains, type Interval, point, scale, showInterval } from '../util/interval.js';
import { type Printed, printedOf } from '../util/published-index.js';
import { comparePublished } from '../util/published-value.js';
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
      const tried: { weight: string; sum: Interval }[] = [];
      let matched: string | undefined;
      for (const weight of [rule.denominator, ...(ALTERNATIVE_WEIGHTS[rule.indicator] ?? [])]) {
        const r = weightedSum(ctx, rates, weight, entityId, periodId, axis, tq.unit);
        if (!r) continue;
        tried.push({ weight, sum: r });
        if (contains(r, tq.value)) {
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
      // rates whose printing the rounding rule reports (cut off or rounded away): when their
      // half-up values reconcile, the mismatch is that finding again, not a second error
      const misprinted = new Map<string, Decimal>();
      for (const r of rates) {
        const best = comparePublished(ctx, r.p).best;
        if (best && (best.outcome === 'truncated' || best.outcome === 'rounded-away'))
          misprinted.set(r.p.id, best.computed);
      }
      const fixed =
        !matched && misprinted.size > 0
          ? weightedSum(ctx, rates, rule.denominator, entityId, periodId, axis, tq.unit, misprinted)
          : undefined;
      const unitSym = tq.unit.symbol;
      if (fixed && contains(fixed, tq.value)) {
        const ids = [...misprinted.keys()].join(', ');
        const first = tried[0] as { weight: string; sum: Interval };
        out.push({
          ruleId: 'reconciliation',
          code: 'average-follows-rounding',
          severity: 'info',
          where,
          expected: `${show(tq.value)} ${unitSym}`,
          expectedText: msg(`${show(tq.value)} ${unitSym}`, `${show(tq.value)} ${unitLabelZh(tq.unit)}`),
          actual: `${showInterval(first.sum)} ${unitSym} (by ${first.weight})`,
          actualText: msg(
            `${showInterval(first.sum)} ${unitSym} (by ${first.weight})`,
            `${showInterval(first.sum)} ${unitLabelZh(tq.unit)}（以 ${first.weight} 加權）`,
          ),
          message: msg(
            `${rule.indicator} by ${axis} (${rates.map((r) => r.p.printed).join(', ')}) weighted by ${first.weight} gives ${showInterval(first.sum)} ${unitSym}, not the ${show(tq.value)} ${unitSym} of ${rule.numerator}, only because ${ids} is not rounded half-up (see the rounding finding); with ${ids} at ${[...misprinted.values()].map((v) => show(v)).join(', ')} it reconciles (${showInterval(fixed)} ${unitSym}).`,
            `按${axisZh(axis)}劃分的 ${rule.indicator}（${rates.map((r) => r.p.printed).join('、')}）以 ${first.weight} 加權得 ${showInterval(first.sum)} ${unitLabelZh(tq.unit)}，與 ${rule.numerator} 的 ${show(tq.value)} ${unitLabelZh(tq.unit)} 不符，僅因 ${ids} 未按四捨五入（見進位檢查）；以計算值 ${[...misprinted.values()].map((v) => show(v)).join('、')} 代入即相符（${showInterval(fixed)} ${unitLabelZh(tq.unit)}）。`,
          ),
        });
        continue;
      }
      if (matched)
        out.push({
          ruleId: 'reconciliation',
          code: 'average-weight',
          severity: 'info',
          where,
          message: msg(
            `${rule.indicator} by ${axis} reconciles with ${rule.numerator} only when weighted by ${matched}, not by ${rule.denominator} as the indicator is defined.`,
            `按${axisZh(axis)}劃分的 ${rule.indicator} 只有以 ${matched} 加權才與 ${rule.numerator} 相符，而非按指標定義以 ${rule.denominator} 加權。`,
          ),
        });
      else
        out.push({
          ruleId: 'reconciliation',
          code: 'average-mismatch',
          severity: 'warning',
          where,
          expected: `${show(tq.value)} ${unit}`,
          expectedText: msg(`${show(tq.value)} ${unit}`, `${show(tq.value)} ${unitLabelZh(tq.unit)}`),
          actual: tried.map((t) => `${showInterval(t.sum)} ${unit} (by ${t.weight})`).join('; '),
          actualText: msg(
            tried.map((t) => `${showInterval(t.sum)} ${unit} (by ${t.weight})`).join('; '),
            tried
              .map((t) => `${showInterval(t.sum)} ${unitLabelZh(tq.unit)}（以 ${t.weight} 加權）`)
              .join('；'),
          ),
          message: msg(
            `${rule.indicator} by ${axis} (${rates.map((r) => r.p.printed).join(', ')}, each standing for its rounding interval) times each category's weight gives ${tried.map((t) => `${showInterval(t.sum)} ${unit} by ${t.weight}`).join(', ')}, which cannot hold the ${show(tq.value)} ${unit} of ${rule.numerator}.`,
            `按${axisZh(axis)}劃分的 ${rule.indicator}（${rates.map((r) => r.p.printed).join('、')}，各按其進位區間）乘以各類別權數，得 ${tried.map((t) => `${showInterval(t.sum)} ${unitLabelZh(tq.unit)}（以 ${t.weight}）`).join('、')}，不可能等於 ${rule.numerator} 的 ${show(tq.value)} ${unitLabelZh(tq.unit)}。`,
          ),
        });
    }
  }
  return out;
}

/**
 * Σ rate × weight over the categories as an interval (each printed rate stands for its rounding
 * interval; `exact` replaces a rate by a computed value), when every category has a weight and
 * they cover the total.
 */
function weightedSum(
  ctx: CheckContext,
  rates: readonly Printed[],
  weight: string,
  entityId: string,
  periodId: string,
  axis: string,
  unit: Unit,
  exact: ReadonlyMap<string, Decimal> = new Map(),
): Interval | undefined {
  let sum: Interval = point(new Decimal(0));
  let covered = new Decimal(0);
  for (const r of rates) {
    const cat = r.p.disaggregation[axis] ?? parseFigureId(r.p.figureRef ?? '')?.disaggregation[axis];
    const w = ctx.figureById.get(figureId(weight, entityId, periodId, { [axis]: cat ?? '' }));
    if (!w || !isQuantity(w.value)) return undefined;
    // the product's unit: rate unit × weight unit, expressed in the total's unit
    const one = convert(multiply({ kind: 'quantity', value: new Decimal(1), unit: r.q.unit }, w.value), unit);
    if (!isQuantity(one)) return undefined;
    const known = exact.get(r.p.id);
    const rate = known ? point(known) : around(r.q.value, r.half);
    sum = add(sum, scale(rate, one.value));
    covered = covered.plus(w.value.value);
  }
  const whole = ctx.figureById.get(figureId(weight, entityId, periodId));
  if (whole && isQuantity(whole.value) && !whole.value.value.equals(covered)) return undefined;
  return sum;
}
