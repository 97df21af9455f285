/**
 * Readings of a printed unit: the unit as printed (when it parses), then the units its label
 * implies (a rewritten label, the denominator the label names, CO2e for a bare mass, the
 * expected denominator when the printed unit names only the numerator). Each reading says how
 * it was obtained so that findings can say which unit a value was read in.
 */
import type { PublishedFigure } from '../../model/published.js';
import { combineDimensions, type DimensionVector } from '../../units/dimension.js';
import { divideUnits, parseUnit, type Unit, unitDimension, unitOf } from '../../units/unit.js';
import { DENOMINATOR_HINTS, UNIT_LABEL_REWRITES } from './label-hints.js';

export type ReadingHow =
  | 'printed'
  | 'rewritten'
  | 'label-denominator'
  | 'co2e-for-mass'
  | 'expected-denominator';
export type Reading = { readonly unit: Unit; readonly how: ReadingHow };

/** The unit label in force: the printed one, or "%" when the % sign is part of the printed value. */
export function unitLabelOf(p: PublishedFigure): string {
  if (p.unitLabel.trim() !== '') return p.unitLabel;
  return /%\s*$/.test(p.printed) ? '%' : '';
}

export function rewriteLabel(label: string): string {
  let t = label;
  for (const [re, to] of UNIT_LABEL_REWRITES) t = t.replace(re, to);
  return t.trim();
}

/** Split a unit into numerator and denominator dimension vectors. */
function splitDims(d: DimensionVector): { num: DimensionVector; den: DimensionVector } {
  const num: Record<string, number> = {};
  const den: Record<string, number> = {};
  for (const [k, e] of Object.entries(d)) {
    if ((e ?? 0) > 0) num[k] = e as number;
    if ((e ?? 0) < 0) den[k] = -(e as number);
  }
  return { num, den };
}

export function numeratorDimension(u: Unit): string {
  return unitDimension({ symbol: '', dims: splitDims(u.dims).num, scale: u.scale });
}

function denominatorUnit(u: Unit): Unit | undefined {
  const slash = u.symbol.indexOf('/');
  if (slash < 0) return undefined;
  const parsed = parseUnit(u.symbol.slice(slash + 1));
  return parsed.ok ? parsed.unit : undefined;
}

function withDenominator(u: Unit, den: Unit): Unit | undefined {
  const slash = u.symbol.indexOf('/');
  const num = parseUnit(slash < 0 ? u.symbol : u.symbol.slice(0, slash));
  return num.ok ? divideUnits(num.unit, den) : undefined;
}

/** mass → CO2e of the same scale ("千噸" read as "千噸二氧化碳當量"). */
function co2eForMass(u: Unit): Unit | undefined {
  if ((u.dims.mass ?? 0) !== 1) return undefined;
  const dims = combineDimensions(u.dims, { mass: 1 }, -1);
  return { symbol: `${u.symbol} (as CO2e)`, dims: combineDimensions(dims, { co2e: 1 }, 1), scale: u.scale };
}

/** Every reading of a printed figure's unit, the printed one first. `expected` guides the inferences. */
export function readingsOf(p: PublishedFigure, expected?: Unit): Reading[] {
  const label = unitLabelOf(p);
  const out: Reading[] = [];
  const printed = parseUnit(label);
  if (printed.ok) out.push({ unit: printed.unit, how: 'printed' });
  else {
    const rewritten = parseUnit(rewriteLabel(label));
    if (rewritten.ok) out.push({ unit: rewritten.unit, how: 'rewritten' });
  }
  const base = out[0]?.unit;
  if (!base) return out;
  const text = `${p.labelZh} ${p.labelEn ?? ''} ${label}`;
  if ((base.dims.currency ?? 0) < 0) {
    const hint = DENOMINATOR_HINTS.find((h) => h.pattern.test(text));
    const den = denominatorUnit(base);
    if (hint && den && !den.scale.equals(unitOf(hint.unit).scale)) {
      const u = withDenominator(base, unitOf(hint.unit));
      if (u) out.push({ unit: u, how: 'label-denominator' });
    }
  }
  if (expected) {
    const wanted = unitDimension(expected);
    for (const r of [...out]) {
      if (unitDimension(r.unit) === wanted) continue;
      const asCo2e = co2eForMass(r.unit);
      if (asCo2e && unitDimension(asCo2e) === wanted) out.push({ unit: asCo2e, how: 'co2e-for-mass' });
      const expDen = denominatorUnit(expected);
      if (expDen && unitDimension(r.unit) === numeratorDimension(expected))
        out.push({ unit: divideUnits(r.unit, expDen), how: 'expected-denominator' });
    }
  }
  return out;
}

export const HOW_TEXT: { readonly [K in ReadingHow]: { readonly en: string; readonly 'zh-Hant': string } } = {
  printed: { en: 'as printed', 'zh-Hant': '按所印單位' },
  rewritten: { en: 'as the label reads in standard form', 'zh-Hant': '按標籤的標準寫法' },
  'label-denominator': { en: 'with the denominator the label names', 'zh-Hant': '按標籤所述的分母' },
  'co2e-for-mass': { en: 'as tonnes of CO2e', 'zh-Hant': '按噸二氧化碳當量' },
  'expected-denominator': { en: 'per the indicator’s denominator', 'zh-Hant': '按指標的分母' },
};
