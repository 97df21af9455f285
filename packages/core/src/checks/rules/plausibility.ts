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
import { parseUnit, unitDimension, unitOf } from '../../units/unit.js';
import { type CheckContext, claimedFigureId, whereOf, whereOfFigure } from '../context.js';
import type { Finding, Where } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { show } from '../util/compare.js';
import { printedOf } from '../util/published-index.js';

export const plausibilityRule: CheckRule = {
  id: 'plausibility',
  run: (ctx) => [...bounds(ctx), ...impliedGridFactors(ctx)],
};

const RATIO = unitOf('ratio');

function bounds(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const check = (indicatorId: string, q: Quantity, where: Where, label: string) => {
    const ind = ctx.catalogue.get(indicatorId);
    const b = ctx.options.bounds[indicatorId];
    const isRate = ind?.dimension === 'ratio' && unitDimension(q.unit) === 'ratio';
    const unit = b ? parseUnit(b.unit) : { ok: true as const, unit: RATIO };
    if (!unit.ok || (!b && !isRate)) return;
    const v = convert(q, unit.unit);
    if (!isQuantity(v)) return;
    const min = new Decimal(b?.min ?? '0');
    const max = b ? (b.max === undefined ? undefined : new Decimal(b.max)) : new Decimal(1);
    if (v.value.greaterThanOrEqualTo(min) && (max === undefined || v.value.lessThanOrEqualTo(max))) return;
    const range = `${show(min)}–${max === undefined ? '∞' : show(max)} ${unit.unit.symbol}`;
    out.push({
      ruleId: 'plausibility',
      code: isRate && !b ? 'rate-out-of-range' : 'out-of-bounds',
      severity: 'warning',
      where,
      expected: range,
      actual: `${show(q.value)} ${q.unit.symbol}`,
      message: msg(
        `${label} is ${show(q.value)} ${q.unit.symbol}, outside the plausible range ${range}.`,
        `${label} 為 ${show(q.value)} ${q.unit.symbol}，超出合理範圍 ${range}。`,
      ),
    });
  };
  for (const p of ctx.bundle.published) {
    const ref = claimedFigureId(p);
    const x = printedOf(ctx, p);
    const indicatorId = ref ? parseFigureId(ref)?.indicatorId : p.indicatorId;
    if (x && indicatorId) check(indicatorId, x.q, whereOf(p), p.id);
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

function gridRange(ctx: CheckContext, entity: Entity): { min: Decimal; max: Decimal; n: number } | undefined {
  const vintage = ctx.bundle.methods.gridFactor.vintage;
  const applies = (keys: Readonly<Record<string, string>>) =>
    keys.level === 'national' ||
    (keys.level === 'regional' && keys.region === entity.gridRegion) ||
    (keys.level === 'provincial' && keys.province === entity.province);
  const values = ctx.library
    .filter((f) => f.kind === 'grid-ef' && f.vintage === vintage && applies(f.keys))
    .map((f) => new Decimal(f.value));
  if (values.length === 0) return undefined;
  return { min: Decimal.min(...values), max: Decimal.max(...values), n: values.length };
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
    const scope2 = x ? convert(x.q, t) : undefined;
    if (!entity || year === undefined || !scope2 || !isQuantity(scope2)) continue;
    const mwh = purchasedMWh(ctx, entity, year);
    const range = gridRange(ctx, entity);
    if (mwh.isZero() || !range) continue;
    const heatFigure = ctx.figureById.get(figureId('ghg.scope2.heat', key.entityId, key.periodId));
    const heat = heatFigure && isQuantity(heatFigure.value) ? convert(heatFigure.value, t) : undefined;
    const heatT = heat && isQuantity(heat) ? heat.value : new Decimal(0);
    const implied = scope2.value.minus(heatT).dividedBy(mwh);
    if (implied.greaterThanOrEqualTo(range.min) && implied.lessThanOrEqualTo(range.max)) continue;
    const rangeText = `${show(range.min)}–${show(range.max)} ${tPerMWh.symbol}`;
    const heatText = heatT.isZero() ? '' : ` less ${show(heatT)} t from purchased heat`;
    out.push({
      ruleId: 'plausibility',
      code: 'implied-grid-factor',
      severity: 'warning',
      where: whereOf(p),
      expected: `${rangeText} (${range.n} grid factors of vintage ${ctx.bundle.methods.gridFactor.vintage})`,
      actual: `${show(implied.toDecimalPlaces(4))} ${tPerMWh.symbol}`,
      message: msg(
        `${p.id} (${p.printed} ${p.unitLabel}${heatText}) over ${show(mwh)} MWh of purchased electricity implies ${show(implied.toDecimalPlaces(4))} tCO2e/MWh, outside every published grid factor for ${entity.province ?? entity.gridRegion ?? 'the entity'} in ${ctx.bundle.methods.gridFactor.vintage} (${rangeText}).`,
        `${p.id}（${p.printed} ${p.unitLabel}${heatT.isZero() ? '' : `，扣除外購熱力 ${show(heatT)} 噸`}）除以外購電力 ${show(mwh)} 兆瓦時，推算排放因子為 ${show(implied.toDecimalPlaces(4))} tCO2e/MWh，超出 ${ctx.bundle.methods.gridFactor.vintage} 年適用電網排放因子的範圍（${rangeText}）。`,
      ),
    });
  }
  return out;
}
