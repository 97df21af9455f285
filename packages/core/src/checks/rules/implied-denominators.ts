/**
 * Rule 5, implied denominators. A rate printed with its count implies its base: count ÷ rate.
 * With the rate's rounding the base is an interval; it must hold a whole number of people, the
 * known population when there is one, and the bases of the categories of one axis must add up
 * to the population (and no single category may be the whole population). Which rates are
 * count ÷ population is data: the ratio rules of methods/rules.ts whose inputs are counts.
 */

import { figureId, parseFigureId } from '../../calc/figure.js';
import { Decimal } from '../../decimal.js';
import { isQuantity } from '../../units/quantity.js';
import { unitOf } from '../../units/unit.js';
import { type CheckContext, whereOf } from '../context.js';
import type { Finding } from '../finding.js';
import { axisZh, type CheckRule, msg } from '../rule.js';
import { show } from '../util/compare.js';
import { inUnit, type Printed, printedFor, printedOf } from '../util/published-index.js';
import { comparePublished } from '../util/published-value.js';
import { RATIO_RELATIONS } from '../util/relations.js';

type Base = { rate: Printed; count: Decimal; lo: Decimal; hi: Decimal; mid: Decimal; axis?: string };

export const impliedDenominatorRule: CheckRule = { id: 'implied-denominator', run };

const RATIO = unitOf('ratio');

function run(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const isCount = (id: string) => ctx.catalogue.get(id)?.dimension === 'count';
  for (const rule of RATIO_RELATIONS.filter((r) => isCount(r.numerator) && isCount(r.denominator))) {
    const groups = new Map<string, Base[]>();
    for (const [id, ps] of ctx.publishedByFigure) {
      const key = parseFigureId(id);
      const rate = ps[0] ? printedOf(ctx, ps[0]) : undefined;
      if (!key || key.indicatorId !== rule.indicator || !rate) continue;
      const count = countOf(ctx, rule.numerator, key.entityId, key.periodId, key.disaggregation);
      const r = inUnit(rate, RATIO);
      if (!count || count.isZero() || !r || r.value.isZero() || r.value.minus(r.half).lessThanOrEqualTo(0))
        continue;
      const lo = count.dividedBy(r.value.plus(r.half));
      const hi = count.dividedBy(r.value.minus(r.half));
      const axes = Object.keys(key.disaggregation);
      const base: Base = {
        rate,
        count,
        lo,
        hi,
        mid: count.dividedBy(r.value),
        ...(axes.length === 1 ? { axis: axes[0] as string } : {}),
      };
      const best = comparePublished(ctx, rate.p).best;
      const roundingReported = best?.outcome === 'truncated' || best?.outcome === 'rounded-away';
      if (!roundingReported)
        out.push(
          ...single(
            ctx,
            rule.denominator,
            key.entityId,
            key.periodId,
            base,
            rule.pairing === 'same' ? key.disaggregation : {},
          ),
        );
      if (base.axis) {
        const g = `${key.entityId}|${key.periodId}|${base.axis}`;
        groups.set(g, [...(groups.get(g) ?? []), base]);
      }
    }
    for (const [g, bases] of groups) {
      const [entityId, periodId] = g.split('|') as [string, string];
      const pop = countOf(ctx, rule.denominator, entityId, periodId, {});
      if (pop && bases.length >= 2) out.push(...axisBases(bases, pop, rule.denominator));
    }
  }
  return out;
}

function countOf(
  ctx: CheckContext,
  indicatorId: string,
  entityId: string,
  periodId: string,
  d: Record<string, string>,
): Decimal | undefined {
  const f = ctx.figureById.get(figureId(indicatorId, entityId, periodId, d));
  if (f && isQuantity(f.value)) return f.value.value.times(f.value.unit.scale);
  const p = printedFor(ctx, indicatorId, entityId, periodId, d);
  return p ? p.q.value.times(p.q.unit.scale) : undefined;
}

function single(
  ctx: CheckContext,
  denominator: string,
  entityId: string,
  periodId: string,
  b: Base,
  d: Record<string, string>,
): Finding[] {
  const where = whereOf(b.rate.p);
  const known = countOf(ctx, denominator, entityId, periodId, d);
  const range = `${show(b.lo, 4)}–${show(b.hi, 4)}`;
  if (known !== undefined) {
    if (known.greaterThanOrEqualTo(b.lo) && known.lessThanOrEqualTo(b.hi)) return [];
    return [
      {
        ruleId: 'implied-denominator',
        code: 'base-differs',
        severity: 'warning',
        where,
        expected: `${show(known)} (${denominator})`,
        actual: range,
        message: msg(
          `${b.rate.p.id}: ${show(b.count)} ÷ ${b.rate.p.printed} implies a base of ${range}, not the ${show(known)} of ${denominator}.`,
          `${b.rate.p.id}：${show(b.count)} ÷ ${b.rate.p.printed} 推算的基數為 ${range}，而非 ${denominator} 的 ${show(known)}。`,
        ),
      },
    ];
  }
  if (b.hi.floor().greaterThanOrEqualTo(b.lo)) return [];
  const whole = b.mid.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const rate = b.count.dividedBy(whole).times(100);
  return [
    {
      ruleId: 'implied-denominator',
      code: 'base-not-whole',
      severity: 'warning',
      where,
      expected: `${show(rate, b.rate.p.precision)}% (base ${show(whole)})`,
      expectedText: msg(
        `${show(rate, b.rate.p.precision)}% (base ${show(whole)})`,
        `${show(rate, b.rate.p.precision)}%（基數 ${show(whole)}）`,
      ),
      actual: b.rate.p.printed,
      message: msg(
        `${b.rate.p.id}: no whole number of people fits ${show(b.count)} ÷ ${b.rate.p.printed} (base ${range}); a base of ${show(whole)} gives ${show(rate, b.rate.p.precision)}%, so the printed rate is cut or mis-rounded.`,
        `${b.rate.p.id}：${show(b.count)} ÷ ${b.rate.p.printed} 推算的基數（${range}）不是整數人數；以 ${show(whole)} 為基數應得 ${show(rate, b.rate.p.precision)}%，所印比率有截斷或捨入錯誤。`,
      ),
    },
  ];
}

function axisBases(bases: readonly Base[], population: Decimal, denominator: string): Finding[] {
  const out: Finding[] = [];
  const first = bases[0] as Base;
  const axis = first.axis as string;
  const where = { ...whereOf(first.rate.p), publishedId: bases.map((b) => b.rate.p.id).join(',') };
  const lo = bases.reduce((s, b) => s.plus(b.lo), new Decimal(0));
  const hi = bases.reduce((s, b) => s.plus(b.hi), new Decimal(0));
  const sum = bases.reduce((s, b) => s.plus(b.mid.toDecimalPlaces(0, Decimal.ROUND_HALF_UP)), new Decimal(0));
  if (population.lessThan(lo.floor()) || population.greaterThan(hi.ceil()))
    out.push({
      ruleId: 'implied-denominator',
      code: 'bases-sum',
      severity: 'warning',
      where,
      expected: `${show(population)} (${denominator})`,
      expectedText: msg(`${show(population)} (${denominator})`, `${show(population)}（總人數）`),
      actual: show(sum),
      message: msg(
        `The bases implied by the rates by ${axis} (${bases.map((b) => `${b.rate.p.printed} → ${show(b.mid, 0)}`).join(', ')}) add up to ${show(sum)}, not the population of ${show(population)}.`,
        `按${axisZh(axis)}劃分的比率所推算的基數（${bases.map((b) => `${b.rate.p.printed} → ${show(b.mid, 0)}`).join('、')}）合計 ${show(sum)}，與總人數 ${show(population)} 不符。`,
      ),
    });
  for (const b of bases)
    if (population.greaterThanOrEqualTo(b.lo.floor()) && population.lessThanOrEqualTo(b.hi.ceil()))
      out.push({
        ruleId: 'implied-denominator',
        code: 'base-is-population',
        severity: 'warning',
        where: whereOf(b.rate.p),
        expected: `the ${b.rate.p.disaggregation[axis] ?? 'category'} population`,
        expectedText: msg(`the ${b.rate.p.disaggregation[axis] ?? 'category'} population`, '該類別的人數'),
        actual: show(population),
        message: msg(
          `${b.rate.p.id} divides ${show(b.count)} by the whole population (${show(population)}), not by the headcount of its own category.`,
          `${b.rate.p.id} 以全體人數（${show(population)}）而非該類別人數作為 ${show(b.count)} 的分母。`,
        ),
      });
  return out;
}
