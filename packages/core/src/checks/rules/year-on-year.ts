/**
 * Rule 6, year on year. A figure that moves by more than the threshold (default ±30%) against
 * the prior year needs an explanation in registers.explanations whose subject is the figure id
 * or the printed figure's id; without one it is a warning. Printed pairs are compared first;
 * computed pairs that repeat a printed comparison (same entity, same values) are not repeated.
 * A number tied to no figure is compared with last year's number of the same label and unit label
 * for the same entity. Printed values stand for their rounding intervals: the change must exceed
 * the threshold for every value they allow.
 */

import { type Figure, figureId, parseFigureId } from '../../calc/figure.js';
import { Decimal } from '../../decimal.js';
import { disaggregationKey } from '../../model/fact.js';
import { priorYear } from '../../model/period.js';
import type { PublishedFigure } from '../../model/published.js';
import { isQuantity, type Quantity, toBase } from '../../units/quantity.js';
import { type Unit, unitLabelZh } from '../../units/unit.js';
import { type CheckContext, claimedFigureId, whereOf, whereOfFigure } from '../context.js';
import type { Finding, Where } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { show } from '../util/compare.js';
import { around, div, meets } from '../util/interval.js';
import { inUnit, printedFor, printedOf } from '../util/published-index.js';
import { unitLabelOf } from '../util/readings.js';

export const yearOnYearRule: CheckRule = { id: 'year-on-year', run };

type Pair = {
  current: Decimal;
  prior: Decimal;
  /** Rounding half-widths of printed values (zero for computed ones). */
  currentHalf: Decimal;
  priorHalf: Decimal;
  unit: Unit;
  subjects: string[];
  where: Where;
  label: string;
};

function run(ctx: CheckContext): Finding[] {
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  const mark = (entity: string, d: string, cur: Quantity, pri: Quantity) =>
    `${entity}|${d}|${toBase(cur).toString()}|${toBase(pri).toString()}`;
  for (const p of ctx.bundle.published) {
    const ref = claimedFigureId(p);
    const key = ref ? parseFigureId(ref) : undefined;
    const prior = key ? priorYear(key.periodId) : undefined;
    const cur = printedOf(ctx, p);
    if (!key || !prior || !cur || seen.has(ref as string)) continue;
    seen.add(ref as string);
    const pri = printedFor(ctx, key.indicatorId, key.entityId, prior, key.disaggregation);
    const v = pri ? inUnit(pri, cur.q.unit) : undefined;
    if (!pri || !v) continue;
    seen.add(mark(key.entityId, disaggregationKey(key.disaggregation), cur.q, { ...cur.q, value: v.value }));
    pairs.push({
      current: cur.q.value,
      prior: v.value,
      currentHalf: cur.half,
      priorHalf: v.half,
      unit: cur.q.unit,
      subjects: [p.id, ref as string],
      where: whereOf(p),
      label: `${p.id} (${p.labelZh})`,
    });
  }
  // numbers tied to no figure: last year's is the same label and unit label for the same entity
  const untied = new Map<string, PublishedFigure>();
  const untiedKey = (q: PublishedFigure, period: string) =>
    `${q.entityId}|${period}|${q.labelZh}|${unitLabelOf(q)}|${disaggregationKey(q.disaggregation)}`;
  for (const q of ctx.bundle.published)
    if (q.value !== null && !claimedFigureId(q)) untied.set(untiedKey(q, q.periodId), q);
  for (const p of ctx.bundle.published) {
    const prior = priorYear(p.periodId);
    if (p.value === null || !prior || claimedFigureId(p)) continue;
    const last = untied.get(untiedKey(p, prior));
    const cur = printedOf(ctx, p);
    const pri = last ? printedOf(ctx, last) : undefined;
    const v = pri && cur ? inUnit(pri, cur.q.unit) : undefined;
    if (!cur || !v || !last) continue;
    pairs.push({
      current: cur.q.value,
      prior: v.value,
      currentHalf: cur.half,
      priorHalf: v.half,
      unit: cur.q.unit,
      subjects: [p.id],
      where: whereOf(p),
      label: `${p.id} (${p.labelZh}, against ${last.id})`,
    });
  }
  const threshold = new Decimal(ctx.options.yoyThreshold);
  for (const f of ctx.figures) {
    const prior = priorYear(f.periodId);
    const pf: Figure | undefined = prior
      ? ctx.figureById.get(figureId(f.indicatorId, f.entityId, prior, f.disaggregation))
      : undefined;
    if (!pf || !isQuantity(f.value) || !isQuantity(pf.value) || pf.value.value.isZero()) continue;
    const pv = pf.value.value.times(pf.value.unit.scale).dividedBy(f.value.unit.scale);
    if (f.value.value.minus(pv).dividedBy(pv.abs()).abs().lessThanOrEqualTo(threshold)) continue; // cheap test first
    const m = mark(f.entityId, disaggregationKey(f.disaggregation), f.value, pf.value);
    if (seen.has(m)) continue;
    seen.add(m);
    pairs.push({
      current: f.value.value,
      prior: pv,
      currentHalf: new Decimal(0),
      priorHalf: new Decimal(0),
      unit: f.value.unit,
      subjects: [f.id],
      where: whereOfFigure(f),
      label: f.id,
    });
  }
  const explained = new Set(ctx.bundle.registers.explanations.map((e) => e.subject));
  const out: Finding[] = [];
  for (const x of pairs) {
    if (x.prior.isZero() || x.subjects.some((s) => explained.has(s))) continue;
    const change = x.current.minus(x.prior).dividedBy(x.prior.abs());
    if (change.abs().lessThanOrEqualTo(threshold)) continue;
    // printed values stand for their rounding intervals: the change must exceed the threshold for all of them
    const ratio = div(around(x.current, x.currentHalf), around(x.prior, x.priorHalf));
    const one = new Decimal(1);
    if (
      x.prior.isPositive() &&
      (!ratio || meets(ratio, { lo: one.minus(threshold), hi: one.plus(threshold) }))
    )
      continue;
    const pct = `${change.isPositive() ? '+' : ''}${show(change.times(100), 1)}%`;
    const limit = show(threshold.times(100));
    const unit = x.unit.symbol;
    const unitZh = unitLabelZh(x.unit);
    out.push({
      ruleId: 'year-on-year',
      code: 'unexplained-change',
      severity: 'warning',
      where: x.where,
      expected: `within ±${limit}% or explained`,
      actual: `${show(x.prior)} → ${show(x.current)} ${unit} (${pct})`,
      expectedText: msg(`within ±${limit}% or explained`, `變動不超過 ±${limit}%，或已記錄解釋`),
      actualText: msg(
        `${show(x.prior)} → ${show(x.current)} ${unit} (${pct})`,
        `${show(x.prior)} → ${show(x.current)} ${unitZh}（${pct}）`,
      ),
      message: msg(
        `${x.label} moves from ${show(x.prior)} to ${show(x.current)} ${unit} (${pct}) with no explanation recorded for ${x.subjects[0]}.`,
        `${x.label} 由 ${show(x.prior)} 變為 ${show(x.current)} ${unitZh}（${pct}），但未就 ${x.subjects[0]} 記錄任何解釋。`,
      ),
    });
  }
  return out;
}
