/**
 * Rule 6, year on year. A figure that moves by more than the threshold (default ±30%) against
 * the prior year needs an explanation in registers.explanations whose subject is the figure id
 * or the printed figure's id; without one it is a warning. Printed pairs are compared first;
 * computed pairs that repeat a printed comparison (same entity, same values) are not repeated.
 * A number tied to no figure is compared with last year's number of the same label and unit label
 * for the same entity. Printed values stand for their rounding intervals: the change must exceed
 * the threshold for every value they allow.
 *
 * Reported once, where the change originates (issue #24): a pair whose figure has a roll-up child
 * (util/roll-up.ts: a child entity's figure, a part of a sum rule, a category of a total) that
 * itself moved beyond the threshold, or whose move is explained, is not reported again at the
 * total; the lowest figure that moved carries the finding, with the input lines (activity lines
 * of its lineage, matched across the two years by entity, activity, subject and use) that moved,
 * and the totals above it that move with it. An explanation of a total covers the moves below it.
 * A total over categories the catalogue says must not be added (Indicator.nonAdditiveAxes, e.g.
 * air emissions summed over pollutants) is never compared: that sum means nothing
 * (`non-additive-total` reports a printed one).
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
import { movedInputLines } from '../util/moved-lines.js';
import { inUnit, printedFor, printedOf } from '../util/published-index.js';
import { unitLabelOf } from '../util/readings.js';
import { isNonAdditiveTotal, rollUps } from '../util/roll-up.js';

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
  /** The figure compared (printed pairs: the figure they claim), for origin and non-additive tests. */
  figureId?: string;
  /** Entity, categories and both values: a computed pair repeating a reported one is not reported. */
  mark?: string;
};

/**
 * Each figure's prior-year figure (same indicator, entity and categories), by position in
 * ctx.figures; looked up only where some figure has the prior year at all (a group of 2,000
 * entities has 250,000 figures, often of one year only).
 */
function priorFiguresOf(ctx: CheckContext): (Figure | undefined)[] {
  const years = new Set<string>();
  for (const f of ctx.figures) years.add(f.periodId);
  const priorOf = new Map<string, string | undefined>();
  return ctx.figures.map((f) => {
    let prior = priorOf.get(f.periodId);
    if (prior === undefined && !priorOf.has(f.periodId)) {
      prior = priorYear(f.periodId);
      priorOf.set(f.periodId, prior);
    }
    return prior !== undefined && years.has(prior)
      ? ctx.figureById.get(figureId(f.indicatorId, f.entityId, prior, f.disaggregation))
      : undefined;
  });
}

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
    pairs.push({
      mark: mark(key.entityId, disaggregationKey(key.disaggregation), cur.q, { ...cur.q, value: v.value }),
      current: cur.q.value,
      prior: v.value,
      currentHalf: cur.half,
      priorHalf: v.half,
      unit: cur.q.unit,
      subjects: [p.id, ref as string],
      where: whereOf(p),
      label: `${p.id} (${p.labelZh})`,
      figureId: ref as string,
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
  const priorFigures = priorFiguresOf(ctx);
  for (let k = 0; k < ctx.figures.length; k++) {
    const f = ctx.figures[k] as Figure;
    const pf = priorFigures[k];
    if (!pf || !isQuantity(f.value) || !isQuantity(pf.value) || pf.value.value.isZero()) continue;
    const pv = pf.value.value.times(pf.value.unit.scale).dividedBy(f.value.unit.scale);
    if (f.value.value.minus(pv).dividedBy(pv.abs()).abs().lessThanOrEqualTo(threshold)) continue; // cheap test first
    pairs.push({
      mark: mark(f.entityId, disaggregationKey(f.disaggregation), f.value, pf.value),
      current: f.value.value,
      prior: pv,
      currentHalf: new Decimal(0),
      priorHalf: new Decimal(0),
      unit: f.value.unit,
      subjects: [f.id],
      where: whereOfFigure(f),
      label: f.id,
      figureId: f.id,
    });
  }
  const explained = new Set(ctx.bundle.registers.explanations.map((e) => e.subject));
  const one = new Decimal(1);
  /** Beyond the threshold for every value the printed intervals allow (computed pairs: exactly). */
  const beyond = (x: Pair) => {
    if (x.prior.isZero()) return false;
    if (x.current.minus(x.prior).dividedBy(x.prior.abs()).abs().lessThanOrEqualTo(threshold)) return false;
    const ratio = div(around(x.current, x.currentHalf), around(x.prior, x.priorHalf));
    return !(
      x.prior.isPositive() &&
      (!ratio || meets(ratio, { lo: one.minus(threshold), hi: one.plus(threshold) }))
    );
  };
  // figures whose change is the origin of a total's: moved beyond the threshold, or explained
  const moved = new Set<string>();
  for (const x of pairs)
    if (x.figureId && (beyond(x) || x.subjects.some((s) => explained.has(s)))) moved.add(x.figureId);
  for (const e of explained) if (ctx.figureById.has(e)) moved.add(e);
  for (let k = 0; k < ctx.figures.length; k++) {
    const f = ctx.figures[k] as Figure;
    if (moved.has(f.id) || !isQuantity(f.value)) continue;
    const pf = priorFigures[k];
    if (!pf || !isQuantity(pf.value) || pf.value.value.isZero()) continue;
    const pv = toBase(pf.value);
    if (toBase(f.value).minus(pv).dividedBy(pv.abs()).abs().greaterThan(threshold)) moved.add(f.id);
  }
  const { childrenOf } = rollUps(ctx);
  // an explanation of a total covers the moves below it that it is made of
  const explainedFigures = new Set<string>();
  const coverBelow = (id: string) => {
    if (explainedFigures.has(id)) return;
    explainedFigures.add(id);
    for (const c of childrenOf(id)) if (moved.has(c)) coverBelow(c);
  };
  for (const x of pairs) if (x.figureId && x.subjects.some((s) => explained.has(s))) coverBelow(x.figureId);
  for (const e of explained) if (ctx.figureById.has(e)) coverBelow(e);
  const reported = new Set<string>(); // marks of reported pairs: printed ones come first
  const toReport: Pair[] = [];
  const above: Pair[] = []; // totals that moved because something below them did
  for (const x of pairs) {
    if (x.subjects.some((s) => explained.has(s)) || !beyond(x)) continue;
    if (x.figureId && explainedFigures.has(x.figureId)) continue;
    const key = x.figureId ? parseFigureId(x.figureId) : undefined;
    if (key && isNonAdditiveTotal(ctx, key.indicatorId, key.disaggregation)) continue; // a sum that means nothing
    if (x.figureId && childrenOf(x.figureId).some((c) => moved.has(c))) {
      above.push(x); // reported where it originates
      continue;
    }
    if (x.mark !== undefined) {
      if (reported.has(x.mark)) continue; // the same comparison, already reported
      reported.add(x.mark);
    }
    toReport.push(x);
  }
  // each reported origin names the totals above it that move with it (printed ids first)
  const carried = new Map<string, string[]>();
  for (const t of above) {
    const seenBelow = new Set<string>();
    const walk = (id: string) => {
      for (const c of childrenOf(id)) {
        if (!moved.has(c) || seenBelow.has(c)) continue;
        seenBelow.add(c);
        const name = t.subjects[0] as string;
        const list = carried.get(c) ?? [];
        if (!list.includes(name)) carried.set(c, [...list, name]);
        walk(c);
      }
    };
    if (t.figureId) walk(t.figureId);
  }
  const out: Finding[] = [];
  for (const x of toReport) {
    const change = x.current.minus(x.prior).dividedBy(x.prior.abs());
    const pct = `${change.isPositive() ? '+' : ''}${show(change.times(100), 1)}%`;
    const limit = show(threshold.times(100));
    const unit = x.unit.symbol;
    const unitZh = unitLabelZh(x.unit);
    const lines = x.figureId ? movedInputLines(ctx, x.figureId, threshold) : [];
    const linesEn = lines.length ? ` Input lines that moved: ${lines.map((l) => l.en).join('; ')}.` : '';
    const linesZh = lines.length ? `變動的輸入行：${lines.map((l) => l.zh).join('；')}。` : '';
    const totals = (x.figureId ? carried.get(x.figureId) : undefined) ?? [];
    const totalsEn = totals.length
      ? ` Totals above it that move with it, not reported again: ${totals.join(', ')}.`
      : '';
    const totalsZh = totals.length ? `隨之變動的上層合計（不再重複提示）：${totals.join('、')}。` : '';
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
        `${x.label} moves from ${show(x.prior)} to ${show(x.current)} ${unit} (${pct}) with no explanation recorded for ${x.subjects[0]}.${linesEn}${totalsEn}`,
        `${x.label} 由 ${show(x.prior)} 變為 ${show(x.current)} ${unitZh}（${pct}），但未就 ${x.subjects[0]} 記錄任何解釋。${linesZh}${totalsZh}`,
      ),
    });
  }
  return out;
}
