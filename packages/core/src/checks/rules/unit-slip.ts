/**
 * Rule 11, unit slips. A printed number that sits 10³, 10⁴ (萬) or 10⁶ away from the same number
 * last year, or from its peers (the same indicator or label for other entities in the same
 * year), was most likely printed in the wrong unit; a percent 10² below its reference was most
 * likely printed as a fraction (0.8932% for 89.32%). Works on every printed number, tied to a
 * figure or not: an untied number is matched to last year's by entity, label and unit label.
 * Both sides are intervals (each printed value stands for its rounding interval); a slip is
 * reported only when the whole ratio interval lies within a factor of 3 of the power of ten.
 * Tied numbers that match their figure are skipped.
 */

import { figureId, parseFigureId } from '../../calc/figure.js';
import { Decimal } from '../../decimal.js';
import { type Disaggregation, disaggregationKey } from '../../model/fact.js';
import { priorYear } from '../../model/period.js';
import type { PublishedFigure } from '../../model/published.js';
import { convert, isQuantity } from '../../units/quantity.js';
import { unitLabelZh } from '../../units/unit.js';
import { type CheckContext, claimedFigureId, whereOf } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { show } from '../util/compare.js';
import { around, div, type Interval, mid, point, showInterval } from '../util/interval.js';
import { inUnit, type Printed, printedOf } from '../util/published-index.js';
import { comparePublished } from '../util/published-value.js';
import { unitLabelOf } from '../util/readings.js';

export const unitSlipRule: CheckRule = { id: 'unit-slip', run };

/** Powers of ten a slip is made of, with their names; −2 only for percentages. */
const SLIPS: readonly { readonly power: number; readonly name: string }[] = [
  { power: 3, name: '10³ (千, thousand)' },
  { power: 4, name: '10⁴ (萬)' },
  { power: 6, name: '10⁶ (百萬, million)' },
  { power: -3, name: '10⁻³ (千, thousand)' },
  { power: -4, name: '10⁻⁴ (萬)' },
  { power: -6, name: '10⁻⁶ (百萬, million)' },
];
const BAND = new Decimal(3);

type Reference = { readonly value: Interval; readonly what: string; readonly whatZh: string };

const isPercent = (p: PublishedFigure) => unitLabelOf(p).trim() === '%';
const textKey = (p: PublishedFigure) => `${p.labelZh}|${unitLabelOf(p)}`;

function run(ctx: CheckContext): Finding[] {
  const byLabel = new Map<string, PublishedFigure[]>();
  for (const p of ctx.bundle.published) {
    if (p.value === null || claimedFigureId(p)) continue;
    const k = textKey(p);
    byLabel.set(k, [...(byLabel.get(k) ?? []), p]);
  }
  const out: Finding[] = [];
  for (const p of ctx.bundle.published) {
    if (p.value === null || p.value.isZero() || p.value.isNegative()) continue;
    const ref = claimedFigureId(p);
    if (ref) {
      const best = comparePublished(ctx, p).best;
      if (best && best.outcome !== 'different') continue; // it matches its figure
    }
    const x = printedOf(ctx, p);
    if (!x) continue;
    const refs = ref ? figureReferences(ctx, x, ref) : labelReferences(ctx, x, byLabel.get(textKey(p)) ?? []);
    const f = slipFinding(p, x, refs);
    if (f) out.push(f);
  }
  return out;
}

/** Last year's value (printed, else computed) and the median of peers' printed values. */
function figureReferences(ctx: CheckContext, x: Printed, ref: string): Reference[] {
  const key = parseFigureId(ref);
  if (!key) return [];
  const out: Reference[] = [];
  const prior = priorYear(key.periodId);
  if (prior) {
    const priorId = figureId(key.indicatorId, key.entityId, prior, key.disaggregation);
    const printed = (ctx.publishedByFigure.get(priorId) ?? []).map((q) => printedOf(ctx, q)).find(Boolean);
    const v = printed ? inUnit(printed, x.q.unit) : undefined;
    const computed = ctx.figureById.get(priorId);
    const c = !v && computed && isQuantity(computed.value) ? convert(computed.value, x.q.unit) : undefined;
    if (v)
      out.push({
        value: around(v.value, v.half),
        what: `last year's ${printed?.p.printed}`,
        whatZh: `上年的 ${printed?.p.printed}`,
      });
    else if (c && isQuantity(c))
      out.push({
        value: point(c.value),
        what: `last year's computed ${show(c.value)}`,
        whatZh: `上年計算值 ${show(c.value)}`,
      });
  }
  const additive =
    ctx.catalogue.get(key.indicatorId)?.aggregation === 'sum' && !x.q.unit.symbol.includes('/');
  const parents = parentsOf(ctx);
  const parentOf = (id: string) => parents.get(id);
  const peers: Printed[] = [];
  for (const [entityId, ps] of peerIndex(ctx).get(
    peerKey(key.indicatorId, key.periodId, key.disaggregation),
  ) ?? []) {
    if (entityId === key.entityId) continue;
    // totals scale with the entity: compare only siblings; rates and intensities compare across the group
    if (additive && (parentOf(entityId) === undefined || parentOf(entityId) !== parentOf(key.entityId)))
      continue;
    const q = ps[0] ? printedOf(ctx, ps[0]) : undefined;
    if (q) peers.push(q);
  }
  const median = medianOf(peers, x);
  if (median) out.push(median);
  return out;
}

const peerKey = (indicatorId: string, periodId: string, d: Disaggregation) =>
  `${indicatorId}|${periodId}|${disaggregationKey(d)}`;

const peerMemo = new WeakMap<CheckContext, Map<string, [string, readonly PublishedFigure[]][]>>();
/** Printed figures by indicator, period and categories: the peers of each (built once per context). */
function peerIndex(ctx: CheckContext): Map<string, [string, readonly PublishedFigure[]][]> {
  const hit = peerMemo.get(ctx);
  if (hit) return hit;
  const m = new Map<string, [string, readonly PublishedFigure[]][]>();
  for (const [id, ps] of ctx.publishedByFigure) {
    const k = parseFigureId(id);
    if (!k) continue;
    const g = peerKey(k.indicatorId, k.periodId, k.disaggregation);
    m.set(g, [...(m.get(g) ?? []), [k.entityId, ps]]);
  }
  peerMemo.set(ctx, m);
  return m;
}

const parentMemo = new WeakMap<CheckContext, Map<string, string | undefined>>();
function parentsOf(ctx: CheckContext): Map<string, string | undefined> {
  const hit = parentMemo.get(ctx);
  if (hit) return hit;
  const m = new Map(ctx.bundle.organisation.entities.map((e) => [e.id, e.parentId]));
  parentMemo.set(ctx, m);
  return m;
}

/** For a number tied to no figure: the same label and unit for the entity last year, then peers. */
function labelReferences(ctx: CheckContext, x: Printed, same: readonly PublishedFigure[]): Reference[] {
  const out: Reference[] = [];
  const prior = priorYear(x.p.periodId);
  const last = same.find((q) => q.entityId === x.p.entityId && q.periodId === prior && q.id !== x.p.id);
  const l = last ? printedOf(ctx, last) : undefined;
  const v = l ? inUnit(l, x.q.unit) : undefined;
  if (v && l)
    out.push({
      value: around(v.value, v.half),
      what: `last year's ${l.p.printed} (${l.p.id})`,
      whatZh: `上年的 ${l.p.printed}（${l.p.id}）`,
    });
  const additive = !isPercent(x.p) && !x.q.unit.symbol.includes('/');
  const peers = same
    .filter((q) => q.periodId === x.p.periodId && q.entityId !== x.p.entityId)
    .filter((q) => !additive || (q.entityId !== 'group' && x.p.entityId !== 'group'))
    .map((q) => printedOf(ctx, q))
    .filter((q): q is Printed => q !== undefined);
  const median = medianOf(peers, x);
  if (median) out.push(median);
  return out;
}

/** The median of at least two peers, in x's unit. */
function medianOf(peers: readonly Printed[], x: Printed): Reference | undefined {
  const vs = peers
    .map((q) => inUnit(q, x.q.unit))
    .filter((v): v is { value: Decimal; half: Decimal } => v?.value.isPositive() === true)
    .sort((a, b) => a.value.comparedTo(b.value));
  if (vs.length < 2) return undefined;
  const m = vs[Math.floor((vs.length - 1) / 2)] as { value: Decimal; half: Decimal };
  return {
    value: around(m.value, m.half),
    what: `the median of ${vs.length} peers, ${show(m.value)}`,
    whatZh: `${vs.length} 個同類數值的中位數 ${show(m.value)}`,
  };
}

function slipFinding(p: PublishedFigure, x: Printed, refs: readonly Reference[]): Finding | undefined {
  const value = around(x.q.value, x.half);
  const slips = isPercent(p)
    ? [{ power: -2, name: '10⁻² (a fraction printed as a percent)' }, ...SLIPS]
    : SLIPS;
  for (const r of refs) {
    if (!r.value.lo.isPositive()) continue;
    const ratio = div(value, r.value);
    if (!ratio) continue;
    for (const s of slips) {
      const target = new Decimal(10).pow(s.power);
      if (ratio.lo.lessThan(target.dividedBy(BAND)) || ratio.hi.greaterThan(target.times(BAND))) continue;
      const fraction = s.power === -2;
      const fixed = x.q.value.dividedBy(target);
      const unit = x.q.unit.symbol;
      return {
        ruleId: 'unit-slip',
        code: fraction ? 'percent-as-fraction' : 'unit-slip',
        severity: 'warning',
        where: whereOf(p),
        expected: `about ${showInterval(r.value)} ${unit} (${r.what})`,
        expectedText: msg(
          `about ${showInterval(r.value)} ${unit} (${r.what})`,
          `約 ${showInterval(r.value)} ${unitLabelZh(x.q.unit)}（${r.what}）`,
        ),
        actual: `${p.printed} ${unitLabelOf(p)}`.trim(),
        message: fraction
          ? msg(
              `${p.id} prints ${p.printed}${unitLabelOf(p) === '%' && !p.printed.includes('%') ? ' %' : ''}, about a hundredth of ${r.what} (ratio ${showInterval(ratio, 3)}): a fraction printed as a percent? As a percent it would be ${show(fixed)}%.`,
              `${p.id} 印為 ${p.printed}，約為${r.whatZh}的百分之一（比率 ${showInterval(ratio, 3)}）：是否把小數當作百分數印出？按百分數應為 ${show(fixed)}%。`,
            )
          : msg(
              `${p.id} prints ${p.printed} ${unitLabelOf(p)} (${showInterval(value)} ${unit}), ${s.name} times ${r.what} (ratio ${showInterval(ratio, 3)} ≈ ${show(mid(ratio), 0)}): a unit slip? Divided by 10^${s.power} it would be ${show(fixed)} ${unit}.`,
              `${p.id} 印為 ${p.printed} ${unitLabelOf(p)}（${showInterval(value)} ${unit}），約為${r.whatZh}的 ${s.name} 倍（比率 ${showInterval(ratio, 3)}）：是否單位有誤？除以 10^${s.power} 應為 ${show(fixed)} ${unit}。`,
            ),
      };
    }
  }
  return undefined;
}
