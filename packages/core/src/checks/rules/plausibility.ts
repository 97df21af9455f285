/**
 * Rule 7, plausibility. Rates (%, ‰) lie between 0 and 100% of their base; per-capita and
 * per-unit figures lie within configurable bounds (options.ts); and the grid factor that a
 * printed location-based Scope 2 implies (Scope 2, less purchased heat, ÷ purchased
 * electricity) lies within the range of the library's grid factors of the configured vintage
 * that apply to the entity (national, its region, its province; every calibre).
 */

import { figureId, parseFigureId } from '../../calc/figure.js';
import { Decimal } from '../../decimal.js';
import type { Entity } from '../../model/organisation.js';
import { parsePeriod } from '../../model/period.js';
import { convert, isQuantity, type Quantity } from '../../units/quantity.js';
import { parseUnit, type Unit, unitDimension, unitLabelZh, unitOf } from '../../units/unit.js';
import { type CheckContext, claimedFigureId, whereOf, whereOfFigure } from '../context.js';
import type { Finding, Where } from '../finding.js';
import { type CheckRule, msg, unitTextZh } from '../rule.js';
import { BOUNDED_BY, CHANGE_LABEL, SHARE_LABEL } from '../util/bounded-by.js';
import { show } from '../util/compare.js';
import {
  around,
  div,
  enteredInterval,
  hull,
  type Interval,
  meets,
  point,
  printedInterval,
  showInterval,
  sub,
} from '../util/interval.js';
import { inUnit, printedOf } from '../util/published-index.js';
import { unitLabelOf } from '../util/readings.js';

export const plausibilityRule: CheckRule = {
  id: 'plausibility',
  run: (ctx) => [...bounds(ctx), ...impliedGridFactors(ctx), ...boundedByOthers(ctx), ...sharesAbove100(ctx)],
};

/** The value of an indicator for an entity and year as an interval: printed, else computed. */
function boundValue(
  ctx: CheckContext,
  indicatorId: string,
  entityId: string,
  periodId: string,
  unit: Unit,
): { value: Interval; text: string } | undefined {
  const id = figureId(indicatorId, entityId, periodId);
  for (const q of ctx.publishedByFigure.get(id) ?? []) {
    const x = printedOf(ctx, q);
    const v = x ? inUnit(x, unit) : undefined;
    if (v) return { value: around(v.value, v.half), text: `${q.id} ${q.printed} ${unitLabelOf(q)}`.trim() };
  }
  const f = ctx.figureById.get(id);
  const c = f && isQuantity(f.value) ? convert(f.value, unit) : undefined;
  return c && isQuantity(c)
    ? { value: point(c.value), text: `${id} = ${show(c.value)} ${unit.symbol}` }
    : undefined;
}

/** Spending above revenue, people above headcount, savings above consumption (util/bounded-by.ts). */
function boundedByOthers(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.bundle.published) {
    const x = printedOf(ctx, p);
    if (!x || p.value === null) continue;
    const ref = claimedFigureId(p);
    const indicatorId = ref ? parseFigureId(ref)?.indicatorId : p.indicatorId;
    const dim = unitDimension(x.q.unit);
    const text = `${p.labelZh} ${p.labelEn ?? ''}`;
    const entry = BOUNDED_BY.find((b) =>
      indicatorId
        ? b.indicators.includes(indicatorId)
        : b.dimension === dim &&
          b.label.test(text) &&
          !(b.unless?.test(text) || b.unless?.test(unitLabelOf(p))),
    );
    if (!entry || dim !== entry.dimension) continue;
    const bound = entry.bounds
      .map((i) => boundValue(ctx, i, p.entityId, p.periodId, x.q.unit))
      .find((b) => b !== undefined);
    if (!bound) continue;
    const value = around(x.q.value, x.half);
    if (value.lo.lessThanOrEqualTo(bound.value.hi)) continue;
    out.push({
      ruleId: 'plausibility',
      code: 'exceeds-bound',
      severity: 'warning',
      where: whereOf(p),
      expected: `at most ${showInterval(bound.value)} ${x.q.unit.symbol} (${bound.text})`,
      actual: `${p.printed} ${unitLabelOf(p)}`.trim(),
      expectedText: msg(
        `at most ${showInterval(bound.value)} ${x.q.unit.symbol} (${bound.text})`,
        `不超過 ${showInterval(bound.value)} ${unitLabelZh(x.q.unit)}（${bound.text}）`,
      ),
      message: msg(
        `${p.id} (${p.labelEn ?? p.labelZh}) prints ${p.printed} ${unitLabelOf(p)}, i.e. ${showInterval(value)} ${x.q.unit.symbol}, more than ${bound.text} (${showInterval(bound.value)} ${x.q.unit.symbol}): ${entry.name}.`,
        `${p.id}（${p.labelZh}）印為 ${p.printed} ${unitLabelOf(p)}，即 ${showInterval(value)} ${unitTextZh(x.q.unit)}，超過 ${bound.text}（${showInterval(bound.value)} ${unitTextZh(x.q.unit)}），不合理。`,
      ),
    });
  }
  return out;
}

/** A share printed in % that is tied to no figure and whose label says it is a share of a whole. */
function sharesAbove100(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.bundle.published) {
    if (p.value === null || claimedFigureId(p) || unitLabelOf(p).trim() !== '%') continue;
    const text = `${p.labelZh} ${p.labelEn ?? ''}`;
    if (!SHARE_LABEL.test(text) || CHANGE_LABEL.test(text)) continue;
    const value = printedInterval(p.value, p.precision);
    if (value.lo.lessThanOrEqualTo(100)) continue;
    out.push({
      ruleId: 'plausibility',
      code: 'rate-out-of-range',
      severity: 'warning',
      where: whereOf(p),
      expected: '0–100 %',
      actual: p.printed,
      message: msg(
        `${p.id} (${p.labelEn ?? p.labelZh}) is a share of a whole printed as ${p.printed}, i.e. ${showInterval(value)} %, above 100 %.`,
        `${p.id}（${p.labelZh}）為佔整體的比例，印為 ${p.printed}，即 ${showInterval(value)}%，超過 100%。`,
      ),
    });
  }
  return out;
}

const RATIO = unitOf('ratio');
const NO_HALF = new Decimal(0);

function bounds(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const check = (indicatorId: string, q: Quantity, where: Where, label: string, half = NO_HALF) => {
    const ind = ctx.catalogue.get(indicatorId);
    const b = ctx.options.bounds[indicatorId];
    const isRate = ind?.dimension === 'ratio' && unitDimension(q.unit) === 'ratio';
    const unit = b ? parseUnit(b.unit) : { ok: true as const, unit: RATIO };
    if (!unit.ok || (!b && !isRate)) return;
    const v = convert(q, unit.unit);
    if (!isQuantity(v)) return;
    const min = new Decimal(b?.min ?? '0');
    const max = b ? (b.max === undefined ? undefined : new Decimal(b.max)) : new Decimal(1);
    // the printed value stands for its rounding interval: out of range only when all of it is
    const h = half.isZero() ? half : half.times(q.unit.scale).dividedBy(unit.unit.scale);
    if (
      v.value.plus(h).greaterThanOrEqualTo(min) &&
      (max === undefined || v.value.minus(h).lessThanOrEqualTo(max))
    )
      return;
    const range = `${show(min)}–${max === undefined ? '∞' : show(max)} ${unit.unit.symbol}`;
    out.push({
      ruleId: 'plausibility',
      code: isRate && !b ? 'rate-out-of-range' : 'out-of-bounds',
      severity: 'warning',
      where,
      expected: range,
      actual: `${show(q.value)} ${q.unit.symbol}`,
      expectedText: msg(
        range,
        `${show(min)}–${max === undefined ? '∞' : show(max)} ${unitLabelZh(unit.unit)}`,
      ),
      actualText: msg(`${show(q.value)} ${q.unit.symbol}`, `${show(q.value)} ${unitLabelZh(q.unit)}`),
      message: msg(
        `${label} is ${show(q.value)} ${q.unit.symbol}, outside the plausible range ${range}.`,
        `${label} 為 ${show(q.value)} ${unitTextZh(q.unit)}，超出合理範圍 ${range}。`,
      ),
    });
  };
  for (const p of ctx.bundle.published) {
    const ref = claimedFigureId(p);
    const x = printedOf(ctx, p);
    const indicatorId = ref ? parseFigureId(ref)?.indicatorId : p.indicatorId;
    if (x && indicatorId) check(indicatorId, x.q, whereOf(p), p.id, x.half);
  }
  for (const f of ctx.figures) if (isQuantity(f.value)) check(f.indicatorId, f.value, whereOfFigure(f), f.id);
  return out;
}

/** Purchased electricity of an entity and its descendants in a year, in MWh. */
function purchasedMWh(ctx: CheckContext, entity: Entity, year: number): Decimal {
  const ids = new Set([entity.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of ctx.bundle.organisation.entities)
      if (e.parentId && ids.has(e.parentId) && !ids.has(e.id)) {
        ids.add(e.id);
        grew = true;
      }
  }
  const mwh = unitOf('MWh');
  let sum = new Decimal(0);
  for (const l of ctx.bundle.activityLines) {
    if (
      l.activity !== 'electricity-purchased' ||
      !ids.has(l.entityId) ||
      parsePeriod(l.periodId)?.year !== year
    )
      continue;
    const v = convert(l.amount, mwh);
    if (isQuantity(v)) sum = sum.plus(v.value);
  }
  return sum;
}

/**
 * The range of the grid factors that apply to the entity, each at the interval its published
 * precision stands for (0.5306 → [0.53055, 0.53065]).
 */
function gridRange(
  ctx: CheckContext,
  entity: Entity,
): { range: Interval; n: number; text: string } | undefined {
  const vintage = ctx.bundle.methods.gridFactor.vintage;
  const applies = (keys: Readonly<Record<string, string>>) =>
    keys.level === 'national' ||
    (keys.level === 'regional' && keys.region === entity.gridRegion) ||
    (keys.level === 'provincial' && keys.province === entity.province);
  const values = ctx.library
    .filter((f) => f.kind === 'grid-ef' && f.vintage === vintage && applies(f.keys))
    .map((f) => new Decimal(f.value));
  if (values.length === 0) return undefined;
  const min = Decimal.min(...values);
  const max = Decimal.max(...values);
  return {
    range: hull(enteredInterval(min), enteredInterval(max)),
    n: values.length,
    text: `${show(min)}–${show(max)}`,
  };
}

function impliedGridFactors(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const tPerMWh = unitOf('tCO2e/MWh');
  const t = unitOf('tCO2e');
  for (const p of ctx.bundle.published) {
    const ref = claimedFigureId(p);
    const key = ref ? parseFigureId(ref) : undefined;
    if (key?.indicatorId !== 'ghg.scope2.location' || Object.keys(key.disaggregation).length > 0) continue;
    const entity = ctx.bundle.organisation.entities.find((e) => e.id === key.entityId);
    const year = parsePeriod(key.periodId)?.year;
    const x = printedOf(ctx, p);
    if (!entity || year === undefined || !x) continue;
    const mwh = purchasedMWh(ctx, entity, year);
    const range = gridRange(ctx, entity);
    if (mwh.isZero() || !range) continue;
    const heatFigure = ctx.figureById.get(figureId('ghg.scope2.heat', key.entityId, key.periodId));
    const heat = heatFigure && isQuantity(heatFigure.value) ? convert(heatFigure.value, t) : undefined;
    const heatT = heat && isQuantity(heat) ? heat.value : new Decimal(0);
    // the printed Scope 2 stands for its rounding interval; heat and electricity are entered data
    const printedT = x ? inUnit(x, t) : undefined;
    if (!printedT) continue;
    const implied = div(sub(around(printedT.value, printedT.half), point(heatT)), point(mwh));
    if (!implied || meets(implied, range.range)) continue;
    const impliedText = showInterval(implied, 6);
    const rangeText = `${range.text} ${tPerMWh.symbol}`;
    const heatText = heatT.isZero() ? '' : ` less ${show(heatT)} t from purchased heat`;
    out.push({
      ruleId: 'plausibility',
      code: 'implied-grid-factor',
      severity: 'warning',
      where: whereOf(p),
      expected: `${rangeText}, as published ${showInterval(range.range)} (${range.n} grid factors of vintage ${ctx.bundle.methods.gridFactor.vintage})`,
      actual: `${impliedText} ${tPerMWh.symbol}`,
      expectedText: msg(
        `${rangeText}, as published ${showInterval(range.range)} (${range.n} grid factors of vintage ${ctx.bundle.methods.gridFactor.vintage})`,
        `${range.text} ${unitLabelZh(tPerMWh)}，按公佈精度即 ${showInterval(range.range)}（${ctx.bundle.methods.gridFactor.vintage} 年的 ${range.n} 個電網排放因子）`,
      ),
      actualText: msg(`${impliedText} ${tPerMWh.symbol}`, `${impliedText} ${unitLabelZh(tPerMWh)}`),
      message: msg(
        `${p.id} (${p.printed} ${p.unitLabel}${heatText}) over ${show(mwh)} MWh of purchased electricity implies ${impliedText} tCO2e/MWh (the printed value stands for ${showInterval(around(printedT.value, printedT.half))} t), which cannot meet any published grid factor for ${entity.province ?? entity.gridRegion ?? 'the entity'} in ${ctx.bundle.methods.gridFactor.vintage} (${rangeText}, i.e. ${showInterval(range.range)} at their published precision).`,
        `${p.id}（${p.printed} ${p.unitLabel}${heatT.isZero() ? '' : `，扣除外購熱力 ${show(heatT)} 噸`}）除以外購電力 ${show(mwh)} 兆瓦時，推算排放因子為 ${impliedText} 噸二氧化碳當量/兆瓦時（所印數值代表 ${showInterval(around(printedT.value, printedT.half))} 噸），與 ${ctx.bundle.methods.gridFactor.vintage} 年任何適用電網排放因子（${range.text} ${unitLabelZh(tPerMWh)}，按公佈精度即 ${showInterval(range.range)}）均不相符。`,
      ),
    });
  }
  return out;
}
