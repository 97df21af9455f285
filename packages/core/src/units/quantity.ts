/**
 * Quantities: an exact decimal with a unit. Arithmetic returns a CalcError value when
 * dimensions do not fit; it never throws for bad data and never returns a silent number.
 */
import { Decimal } from '../decimal.js';
import { type CalcError, calcError } from '../errors.js';
import { divideUnits, multiplyUnits, parseUnit, type Unit, unitDimension, unitOf } from './unit.js';

export type Quantity = { readonly kind: 'quantity'; readonly value: Decimal; readonly unit: Unit };
export type QuantityResult = Quantity | CalcError;

export const isQuantity = (v: unknown): v is Quantity =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'quantity';

export function quantity(value: Decimal | string | number, unit: Unit | string): Quantity {
  const u = typeof unit === 'string' ? unitOf(unit) : unit;
  return { kind: 'quantity', value: value instanceof Decimal ? value : new Decimal(value), unit: u };
}

/** Test vocabulary and literal helper: q('12.5 tCO2e'), q('3 10⁴ m³'). Throws on a malformed literal (code bug). */
export function q(text: string): Quantity {
  const m = /^\s*([+-]?[\d.]+(?:[eE][+-]?\d+)?)\s+(.+)$/.exec(text);
  if (!m?.[1] || !m[2]) throw new Error(`bad quantity literal: ${text}`);
  const unit = parseUnit(m[2]);
  if (!unit.ok) throw new Error(unit.reason);
  return quantity(m[1], unit.unit);
}

type Conversion =
  | { readonly ok: false }
  | { readonly ok: true; readonly factor: Decimal | null; readonly exact: boolean };
/** Conversion factors per unit pair, computed once (units are long-lived, shared objects). */
const CONVERSIONS = new WeakMap<Unit, Map<Unit, Conversion>>();

function conversion(from: Unit, to: Unit): Conversion {
  let m = CONVERSIONS.get(from);
  if (!m) {
    m = new Map();
    CONVERSIONS.set(from, m);
  }
  let c = m.get(to);
  if (!c) {
    if (unitDimension(from) !== unitDimension(to)) c = { ok: false };
    else if (from.scale.equals(to.scale)) c = { ok: true, factor: null, exact: true };
    else {
      const factor = from.scale.dividedBy(to.scale);
      // exact when the quotient terminates within the precision; else divide each time
      c = { ok: true, factor, exact: factor.times(to.scale).equals(from.scale) };
    }
    m.set(to, c);
  }
  return c;
}

export function convert(x: Quantity, to: Unit, origin = ''): QuantityResult {
  if (x.unit === to) return x;
  const c = conversion(x.unit, to);
  if (!c.ok) {
    return calcError(
      'unit-mismatch',
      `cannot convert ${x.unit.symbol} (${unitDimension(x.unit)}) to ${to.symbol} (${unitDimension(to)})`,
      origin,
    );
  }
  if (c.factor === null) return { kind: 'quantity', value: x.value, unit: to };
  const value = c.exact ? x.value.times(c.factor) : x.value.times(x.unit.scale).dividedBy(to.scale);
  return { kind: 'quantity', value, unit: to };
}

/** a + b in the unit of a. */
export function add(a: Quantity, b: Quantity, origin = ''): QuantityResult {
  const bb = convert(b, a.unit, origin);
  if (bb.kind === 'error')
    return calcError('unit-mismatch', `cannot add ${b.unit.symbol} to ${a.unit.symbol}`, origin);
  return { kind: 'quantity', value: a.value.plus(bb.value), unit: a.unit };
}

export function subtract(a: Quantity, b: Quantity, origin = ''): QuantityResult {
  const bb = convert(b, a.unit, origin);
  if (bb.kind === 'error')
    return calcError('unit-mismatch', `cannot subtract ${b.unit.symbol} from ${a.unit.symbol}`, origin);
  return { kind: 'quantity', value: a.value.minus(bb.value), unit: a.unit };
}

export function multiply(a: Quantity, b: Quantity): Quantity {
  return { kind: 'quantity', value: a.value.times(b.value), unit: multiplyUnits(a.unit, b.unit) };
}

export function divide(a: Quantity, b: Quantity, origin = ''): QuantityResult {
  if (b.value.isZero()) return calcError('division-by-zero', `division by zero (${b.unit.symbol})`, origin);
  return { kind: 'quantity', value: a.value.dividedBy(b.value), unit: divideUnits(a.unit, b.unit) };
}

export function scale(a: Quantity, k: Decimal | string): Quantity {
  return { kind: 'quantity', value: a.value.times(k), unit: a.unit };
}

/** Express a quantity in base units of its dimension (no symbol semantics kept). */
export function toBase(a: Quantity): Decimal {
  return a.value.times(a.unit.scale);
}

export function formatQuantity(a: Quantity, places?: number): string {
  const v = places === undefined ? a.value.toString() : a.value.toFixed(places, Decimal.ROUND_HALF_UP);
  return `${v} ${a.unit.symbol}`;
}
