/**
 * The scaled-integer fast path of applyFormula (apply-formula.ts): sums, weighted sums, products,
 * differences and conversions whose inputs are all stored scaled (value-columns.ts) and whose
 * units need no scaling. It returns the result's unit id with the number in SCALED, or NO_FAST
 * when anything is outside that case (an error or Decimal input, a missing input, a unit
 * conversion with a factor, a ratio, a result that would leave the exact range, a negative
 * remainder): the caller then runs applyFormula on Quantity objects, so errors, messages and
 * every result outside the fast path are the Decimal path's own. Inside it the result is the
 * same exact decimal in the same unit object (see scaled.ts; property-tested in scaled.test.ts).
 */
import { Decimal } from '../decimal.js';
import type { Quantity } from '../units/quantity.js';
import { divideUnits, multiplyUnits, type Unit, unitDimension } from '../units/unit.js';
import { cachedUnit } from './apply-formula.js';
import type { Formula } from './formula.js';
import { MAX_SAFE, multiplyScaled, quotientText, raise, SCALED, scaledFromText } from './scaled.js';
import { plusWide, roundedWide, timesWide, WIDE, wideFitsScaled } from './scaled-wide.js';
import { type ValueColumns, WIDE as WIDE_MARK } from './value-columns.js';

export const NO_FAST = -1;
/** applyScaled stored nothing: the result is wide, in WIDE, in unit WIDE_UNIT.id (the caller stores it). */
export const WIDE_DONE = -2;
export const WIDE_UNIT = { id: 0 };

const PLAIN = new WeakMap<Unit, Map<Unit, boolean>>();

/** True when convert(x, to) keeps x's number (same unit, or same dimension and scale). */
export function convertsWithoutScaling(from: Unit, to: Unit): boolean {
  if (from === to) return true;
  let m = PLAIN.get(from);
  if (!m) {
    m = new Map();
    PLAIN.set(from, m);
  }
  let r = m.get(to);
  if (r === undefined) {
    r = unitDimension(from) === unitDimension(to) && from.scale.equals(to.scale);
    m.set(to, r);
  }
  return r;
}

/** Unit of `into(result, label)` when it keeps the number, else undefined. */
function declared(from: Unit, label: string | undefined, origin: string): Unit | undefined {
  if (label === undefined) return from;
  const to = cachedUnit(label, origin);
  if ('kind' in to) return undefined;
  return convertsWithoutScaling(from, to) ? to : undefined;
}

function sum(
  f: Formula & { op: 'sum' | 'weighted-sum' },
  ins: Int32Array,
  from: number,
  to: number,
  c: ValueColumns,
  origin: string,
): number {
  const unit = cachedUnit(f.unit, origin);
  if ('kind' in unit) return NO_FAST;
  const weights = f.op === 'weighted-sum' ? f.weights : undefined;
  let acc = 0;
  let accS = 0;
  for (let k = from; k < to; k++) {
    const j = ins[k] as number;
    if (j < 0) return NO_FAST;
    let s = c.s[j] as number;
    if (s < 0) return s === WIDE_MARK ? wideSum(weights, ins, from, to, c, unit) : NO_FAST;
    if (!convertsWithoutScaling(c.units[c.u[j] as number] as Unit, unit)) return NO_FAST;
    let m = c.m[j] as number;
    const w = weights === undefined ? '1' : (weights[k - from] ?? '1');
    if (w !== '1') {
      if (!scaledFromText(w)) return NO_FAST;
      if (!multiplyScaled(m, s, SCALED.m, SCALED.s)) return wideSum(weights, ins, from, to, c, unit);
      m = SCALED.m;
      s = SCALED.s;
    }
    if (s > accS) {
      acc = raise(acc, s - accS);
      accS = s;
    } else if (s < accS) m = raise(m, accS - s);
    acc += m; // NaN from raise propagates and is caught below
    if (!(acc <= MAX_SAFE && acc >= -MAX_SAFE)) return wideSum(weights, ins, from, to, c, unit);
  }
  if (!multiplyScaled(acc, accS, 1, 0)) return NO_FAST; // normalise (acc is never -0 here)
  return c.unitId(unit);
}

/** Input j as a BigInt M and scale into WIDE (scaled or wide columns; -1: neither). */
function wideInput(c: ValueColumns, j: number): boolean {
  const s = c.s[j] as number;
  if (s >= 0) {
    WIDE.m = BigInt(c.m[j] as number);
    WIDE.s = s;
    return true;
  }
  if (s !== WIDE_MARK) return false;
  WIDE.m = c.wide.get(j) as bigint;
  WIDE.s = c.m[j] as number;
  return true;
}

/**
 * The sum as the Decimal path computes it when a term is wide or leaves the float64 range:
 * acc = 0; acc = acc.plus(term) per input, term = value or value.times(weight), each operation
 * rounded to 40 digits (scaled-wide.ts). The result goes into the columns by the caller through
 * SCALED, or, when it does not fit, is stored wide here and WIDE_DONE returned.
 */
function wideSum(
  weights: readonly string[] | undefined,
  ins: Int32Array,
  from: number,
  to: number,
  c: ValueColumns,
  unit: Unit,
): number {
  let acc = 0n;
  let accS = 0;
  let zero = true; // acc is +0
  for (let k = from; k < to; k++) {
    const j = ins[k] as number;
    if (j < 0 || !wideInput(c, j)) return NO_FAST;
    if (!convertsWithoutScaling(c.units[c.u[j] as number] as Unit, unit)) return NO_FAST;
    let tm = WIDE.m;
    let ts = WIDE.s;
    const w = weights === undefined ? '1' : (weights[k - from] ?? '1');
    if (w !== '1') {
      if (!scaledFromText(w) || SCALED.m === 0 || tm === 0n) return NO_FAST; // signed zeros: Decimal path
      if (!timesWide(tm, ts, BigInt(SCALED.m), SCALED.s)) return NO_FAST;
      tm = WIDE.m;
      ts = WIDE.s;
    }
    if (tm === 0n) continue; // +0 term (scaled zero): acc.plus(0) is acc (rounded: acc already is)
    if (zero) {
      // 0.plus(x) is x rounded to 40 digits
      if (!roundedWide(tm, ts)) return NO_FAST;
    } else {
      const r = plusWide(acc, accS, tm, ts);
      if (r < 0) return NO_FAST;
      if (r === 0) {
        // an exact zero: +0 under half-up, as Decimal gives
        acc = 0n;
        accS = 0;
        zero = true;
        continue;
      }
    }
    acc = WIDE.m;
    accS = WIDE.s;
    zero = false;
  }
  if (zero) {
    SCALED.m = 0;
    SCALED.s = 0;
    return c.unitId(unit);
  }
  return wideResult(c, acc, accS, unit);
}

/** A wide result: through SCALED when it fits, else WIDE_DONE with WIDE holding it. */
function wideResult(c: ValueColumns, m: bigint, s: number, unit: Unit): number {
  WIDE.m = m;
  WIDE.s = s;
  if (wideFitsScaled(m, s)) return c.unitId(unit);
  WIDE_UNIT.id = c.unitId(unit);
  return WIDE_DONE;
}

function product(
  f: Formula & { op: 'product' },
  ins: Int32Array,
  from: number,
  to: number,
  c: ValueColumns,
  origin: string,
): number {
  if (to === from) return NO_FAST;
  let m = 1;
  let s = 0;
  let unit: Unit | undefined;
  for (let k = from; k < to; k++) {
    const j = ins[k] as number;
    if (j < 0) return NO_FAST;
    const js = c.s[j] as number;
    if (js < 0) return js === WIDE_MARK ? wideProduct(f, ins, from, to, c, origin) : NO_FAST;
    if (!multiplyScaled(m, s, c.m[j] as number, js)) return wideProduct(f, ins, from, to, c, origin);
    m = SCALED.m;
    s = SCALED.s;
    const u = c.units[c.u[j] as number] as Unit;
    unit = unit === undefined ? u : multiplyUnits(unit, u);
  }
  const into = declared(unit as Unit, f.unit, origin);
  if (into === undefined) return NO_FAST;
  SCALED.m = m;
  SCALED.s = s;
  return c.unitId(into);
}

/**
 * The product as the Decimal path computes it (first input as it is, then acc = acc.times(next),
 * each rounded to 40 digits) when an input is wide or a partial product leaves the float64 range.
 * Zero anywhere goes to the Decimal path (the sign of a zero product).
 */
function wideProduct(
  f: Formula & { op: 'product' },
  ins: Int32Array,
  from: number,
  to: number,
  c: ValueColumns,
  origin: string,
): number {
  let acc = 0n;
  let accS = 0;
  let unit: Unit | undefined;
  for (let k = from; k < to; k++) {
    const j = ins[k] as number;
    if (j < 0 || !wideInput(c, j) || WIDE.m === 0n) return NO_FAST;
    const u = c.units[c.u[j] as number] as Unit;
    if (unit === undefined) {
      acc = WIDE.m;
      accS = WIDE.s;
      unit = u;
      continue;
    }
    if (!timesWide(acc, accS, WIDE.m, WIDE.s)) return NO_FAST;
    acc = WIDE.m;
    accS = WIDE.s;
    unit = multiplyUnits(unit, u);
  }
  const into = declared(unit as Unit, f.unit, origin);
  if (into === undefined) return NO_FAST;
  return wideResult(c, acc, accS, into);
}

function difference(
  f: Formula & { op: 'difference' },
  ins: Int32Array,
  from: number,
  c: ValueColumns,
  origin: string,
): number {
  const a = ins[from] as number;
  const b = ins[from + 1] as number;
  if (a < 0 || b < 0 || !c.isScaled(a) || !c.isScaled(b) || c.u[a] !== c.u[b]) return NO_FAST;
  const as = c.s[a] as number;
  const bs = c.s[b] as number;
  const top = Math.max(as, bs);
  const d = raise(c.m[a] as number, top - as) - raise(c.m[b] as number, top - bs);
  if (!(d <= MAX_SAFE && d >= -MAX_SAFE)) return NO_FAST;
  if (f.nonNegative && d < 0) return NO_FAST; // the Decimal path writes the error message
  const to = declared(c.units[c.u[a] as number] as Unit, f.unit, origin);
  if (to === undefined) return NO_FAST;
  multiplyScaled(d, top, 1, 0); // normalise; d is never -0 (x − x is +0)
  return c.unitId(to);
}

/**
 * Try the fast path for a derived node with formula f whose inputs, resolved to node indices
 * (negative: unknown id), are ins[from..to).
 */
export function applyScaled(
  f: Formula,
  ins: Int32Array,
  from: number,
  to: number,
  c: ValueColumns,
  origin: string,
): number {
  switch (f.op) {
    case 'sum':
    case 'weighted-sum':
      return sum(f, ins, from, to, c, origin);
    case 'product':
      return product(f, ins, from, to, c, origin);
    case 'difference':
      return difference(f, ins, from, c, origin);
    case 'convert': {
      const j = ins[from] as number;
      if (j < 0 || (!c.isScaled(j) && c.s[j] !== WIDE_MARK)) return NO_FAST;
      const into = declared(c.units[c.u[j] as number] as Unit, f.unit, origin);
      if (into === undefined) return NO_FAST;
      if (c.s[j] === WIDE_MARK) {
        wideInput(c, j);
        WIDE_UNIT.id = c.unitId(into);
        return WIDE_DONE;
      }
      SCALED.m = c.m[j] as number;
      SCALED.s = c.s[j] as number;
      return c.unitId(into);
    }
    case 'ratio':
      return NO_FAST; // see ratioScaled
  }
}

/**
 * A ratio of two scaled inputs: the quotient is computed in integers (quotientText) but kept as
 * a Decimal (40 digits rarely fit a scaled integer). Undefined when outside the fast path.
 */
export function ratioScaled(
  f: Formula & { op: 'ratio' },
  ins: Int32Array,
  from: number,
  c: ValueColumns,
  origin: string,
): Quantity | undefined {
  const a = ins[from] as number;
  const b = ins[from + 1] as number;
  if (a < 0 || b < 0 || !c.isScaled(a) || !c.isScaled(b)) return undefined;
  const text = quotientText(c.m[a] as number, c.s[a] as number, c.m[b] as number, c.s[b] as number);
  if (text === undefined) return undefined;
  const unit = divideUnits(c.units[c.u[a] as number] as Unit, c.units[c.u[b] as number] as Unit);
  const to = declared(unit, f.unit, origin);
  if (to === undefined) return undefined;
  // more than 15 significant digits (no trailing zero to strip) can never be held scaled
  const mantissa = text.slice(text[0] === '-' ? 1 : 0, text.indexOf('e'));
  QUOTIENT.long = mantissa.length > 15 && !mantissa.endsWith('0');
  return { kind: 'quantity', value: new Decimal(text), unit: to };
}

/** Set by ratioScaled: true when its result certainly does not fit a scaled integer. */
export const QUOTIENT = { long: false };
