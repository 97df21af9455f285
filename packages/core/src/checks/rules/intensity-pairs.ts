/**
 * Intensities of one total (issue #24), in the reconciliation family. Two printed intensities
 * whose ratio rules (methods/rules.ts) share a numerator — GHG per CNY million of revenue and GHG
 * per tonne of product, energy per revenue and per tonne — each imply that numerator:
 *
 *   implied total = printed intensity × its denominator
 *
 * and the implied totals must meet. Every number is an interval: the printed intensity stands for
 * its printed precision (util/interval.ts); the denominator is the printed one at its precision
 * when the report prints it, Assay's figure when it computes one, and the hull of both when both
 * exist (the widest reading, so the rule cannot fire on a choice between them). A finding fires
 * only when the two implied totals cannot meet; it names both printed intensities, both implied
 * totals and the gap between their midpoints in per cent.
 *
 * Pairing follows the ratio rule: `numerator-total` (an undisaggregated intensity over a total),
 * `total` (the total numerator over one category of the denominator, e.g. per tonne of nickel),
 * `same` (a category's numerator over the same category's denominator): the implied numerator is
 * the total for the first two and the category's for `same`. Printed values the rounding rule
 * reports as truncated or rounded away are left to it.
 */

import { figureId, parseFigureId } from '../../calc/figure.js';
import { Decimal } from '../../decimal.js';
import { disaggregationKey } from '../../model/fact.js';
import type { PublishedFigure } from '../../model/published.js';
import { convert, isQuantity } from '../../units/quantity.js';
import { multiplyUnits, parseUnit, type Unit, unitDimension, unitLabelZh } from '../../units/unit.js';
import { type CheckContext, whereOf } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { show } from '../util/compare.js';
import {
  around,
  hull,
  type Interval,
  meets,
  mid,
  mul,
  point,
  scale,
  showInterval,
} from '../util/interval.js';
import { inUnit, printedFor, printedOf } from '../util/published-index.js';
import { comparePublished } from '../util/published-value.js';
import { RATIO_RELATIONS } from '../util/relations.js';

export const intensityPairsRule: CheckRule = { id: 'reconciliation', run };

/** One printed intensity with the total it implies, in the numerator's catalogue unit. */
type Implied = {
  readonly p: PublishedFigure;
  readonly denominatorId: string;
  readonly total: Interval;
};

function run(ctx: CheckContext): Finding[] {
  const groups = new Map<string, Implied[]>();
  for (const [id, ps] of ctx.publishedByFigure) {
    const key = parseFigureId(id);
    const p = ps[0];
    const rule = key ? RATIO_RELATIONS.find((r) => r.indicator === key.indicatorId) : undefined;
    if (!key || !p || !rule) continue;
    const hasCategory = Object.keys(key.disaggregation).length > 0;
    if (rule.pairing === 'numerator-total' && hasCategory) continue;
    if (rule.pairing === 'total' && !hasCategory) continue; // apply-rules makes 'total' ratios per category only
    const best = comparePublished(ctx, p).best;
    if (best && (best.outcome === 'truncated' || best.outcome === 'rounded-away')) continue; // rule 3
    const nKey = rule.pairing === 'same' ? key.disaggregation : {};
    const dKey = rule.pairing === 'numerator-total' ? {} : key.disaggregation;
    const total = impliedTotal(ctx, p, rule.numerator, rule.denominator, key.entityId, key.periodId, dKey);
    if (!total) continue;
    const g = `${rule.numerator}|${disaggregationKey(nKey)}|${key.entityId}|${key.periodId}`;
    groups.set(g, [...(groups.get(g) ?? []), { p, denominatorId: rule.denominator, total }]);
  }
  const out: Finding[] = [];
  for (const [g, xs] of groups) {
    const numerator = g.split('|')[0] as string;
    const unit = numeratorUnit(ctx, numerator);
    if (!unit) continue;
    for (let i = 0; i < xs.length; i++)
      for (let j = i + 1; j < xs.length; j++) {
        const a = xs[i] as Implied;
        const b = xs[j] as Implied;
        if (meets(a.total, b.total)) continue;
        out.push(finding(numerator, unit, a, b));
      }
  }
  return out;
}

function numeratorUnit(ctx: CheckContext, indicatorId: string): Unit | undefined {
  const ind = ctx.catalogue.get(indicatorId);
  const u = ind ? parseUnit(ind.unit) : undefined;
  return u?.ok ? u.unit : undefined;
}

/** Printed intensity × denominator, in the numerator's catalogue unit; undefined when unknown. */
function impliedTotal(
  ctx: CheckContext,
  p: PublishedFigure,
  numeratorId: string,
  denominatorId: string,
  entityId: string,
  periodId: string,
  dKey: Record<string, string>,
): Interval | undefined {
  const target = numeratorUnit(ctx, numeratorId);
  const intensity = printedOf(ctx, p);
  const dUnit = numeratorUnit(ctx, denominatorId);
  if (!target || !intensity || !dUnit) return undefined;
  // the denominator in its catalogue unit: printed (interval), computed (point), or the hull of both
  let denominator: Interval | undefined;
  const printed = printedFor(ctx, denominatorId, entityId, periodId, dKey);
  const pv = printed ? inUnit(printed, dUnit) : undefined;
  if (pv) denominator = around(pv.value, pv.half);
  const computed = ctx.figureById.get(figureId(denominatorId, entityId, periodId, dKey));
  const cv = computed && isQuantity(computed.value) ? convert(computed.value, dUnit) : undefined;
  if (cv && isQuantity(cv)) denominator = denominator ? hull(denominator, point(cv.value)) : point(cv.value);
  if (!denominator) return undefined;
  const product = multiplyUnits(intensity.q.unit, dUnit);
  if (unitDimension(product) !== unitDimension(target)) return undefined;
  const factor = product.scale.dividedBy(target.scale);
  return scale(mul(around(intensity.q.value, intensity.half), denominator), factor);
}

function finding(numerator: string, unit: Unit, a: Implied, b: Implied): Finding {
  const ma = mid(a.total);
  const mb = mid(b.total);
  const gap = ma.isZero() ? new Decimal(0) : mb.minus(ma).dividedBy(ma.abs()).times(100);
  const pct = `${gap.isPositive() ? '+' : ''}${show(gap, 1)}%`;
  const sa = `${showInterval(a.total)} ${unit.symbol}`;
  const sb = `${showInterval(b.total)} ${unit.symbol}`;
  const za = `${showInterval(a.total)} ${unitLabelZh(unit)}`;
  const zb = `${showInterval(b.total)} ${unitLabelZh(unit)}`;
  return {
    ruleId: 'reconciliation',
    code: 'intensities-disagree',
    severity: 'warning',
    where: whereOf(b.p),
    expected: `${a.p.id}: ${numerator} ${sa}`,
    actual: `${b.p.id}: ${numerator} ${sb} (${pct})`,
    expectedText: msg(`${a.p.id}: ${numerator} ${sa}`, `${a.p.id}：${numerator} ${za}`),
    actualText: msg(`${b.p.id}: ${numerator} ${sb} (${pct})`, `${b.p.id}：${numerator} ${zb}（${pct}）`),
    message: msg(
      `${a.p.id} (${a.p.printed} per ${a.denominatorId}) and ${b.p.id} (${b.p.printed} per ${b.denominatorId}) are intensities of one total, ${numerator}, but imply different totals: ${sa} against ${sb} (${pct}), which cannot meet at their printed precision.`,
      `${a.p.id}（每 ${a.denominatorId} ${a.p.printed}）與 ${b.p.id}（每 ${b.denominatorId} ${b.p.printed}）為同一總量 ${numerator} 的強度，但推算的總量不同：${za} 對 ${zb}（${pct}），按所印精度不可能相等。`,
    ),
  };
}
