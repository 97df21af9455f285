/**
 * Interval arithmetic with exact decimals, for precision-aware comparison. A number printed with
 * p decimal places stands for every value that rounds half-up to it: [v − ½·10⁻ᵖ, v + ½·10⁻ᵖ).
 * Intervals here are closed (the upper end included), which only ever widens them: a finding
 * fires when two intervals cannot meet, so a closed end can hide no false alarm. Every operation
 * returns an interval that holds every result of the operation on members of its operands
 * (util/interval.test.ts checks this with random exact inputs).
 */
import { Decimal } from '../../decimal.js';

export type Interval = { readonly lo: Decimal; readonly hi: Decimal };

const ZERO = new Decimal(0);

/** Half a unit of the last printed place: 0.005 for two places, 500 for −3 (thousands). */
export function halfUnit(places: number): Decimal {
  return new Decimal(5).times(new Decimal(10).pow(-(places + 1)));
}

export const point = (v: Decimal): Interval => ({ lo: v, hi: v });

export function around(v: Decimal, half: Decimal): Interval {
  const h = half.abs();
  return { lo: v.minus(h), hi: v.plus(h) };
}

/** The values that print as `value` at `places` decimal places (rounded half-up). */
export function printedInterval(value: Decimal, places: number): Interval {
  return around(value, halfUnit(places));
}

/** An entered decimal at the places it was written with ("406709.19" → ±0.005). */
export function enteredInterval(value: Decimal): Interval {
  return printedInterval(value, value.decimalPlaces());
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo.minus(b.hi), hi: a.hi.minus(b.lo) };
}

export function sum(xs: readonly Interval[]): Interval {
  return xs.reduce(add, point(ZERO));
}

export function mul(a: Interval, b: Interval): Interval {
  const ps = [a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)];
  return { lo: Decimal.min(...ps), hi: Decimal.max(...ps) };
}

export function product(xs: readonly Interval[]): Interval {
  return xs.reduce(mul, point(new Decimal(1)));
}

/** k × a for an exact k (a unit conversion, a weight). */
export function scale(a: Interval, k: Decimal): Interval {
  const x = a.lo.times(k);
  const y = a.hi.times(k);
  return x.lessThanOrEqualTo(y) ? { lo: x, hi: y } : { lo: y, hi: x };
}

/** Σ wᵢ × xᵢ with interval weights. */
export function weightedSum(terms: readonly (readonly [Interval, Interval])[]): Interval {
  return sum(terms.map(([w, x]) => mul(w, x)));
}

/** a ÷ b, or undefined when b holds zero (the quotient is then unbounded). */
export function div(a: Interval, b: Interval): Interval | undefined {
  if (b.lo.lessThanOrEqualTo(0) && b.hi.greaterThanOrEqualTo(0)) return undefined;
  const qs = [a.lo.dividedBy(b.lo), a.lo.dividedBy(b.hi), a.hi.dividedBy(b.lo), a.hi.dividedBy(b.hi)];
  return { lo: Decimal.min(...qs), hi: Decimal.max(...qs) };
}

/** Whether the two intervals share a value. */
export function meets(a: Interval, b: Interval): boolean {
  return a.lo.lessThanOrEqualTo(b.hi) && b.lo.lessThanOrEqualTo(a.hi);
}

export function contains(a: Interval, v: Decimal): boolean {
  return a.lo.lessThanOrEqualTo(v) && v.lessThanOrEqualTo(a.hi);
}

export function hull(a: Interval, b: Interval): Interval {
  return { lo: Decimal.min(a.lo, b.lo), hi: Decimal.max(a.hi, b.hi) };
}

export const mid = (a: Interval): Decimal => a.lo.plus(a.hi).dividedBy(2);

/** Whether the interval holds a whole number. */
export function holdsInteger(a: Interval): boolean {
  return a.lo.ceil().lessThanOrEqualTo(a.hi);
}

/**
 * Print an interval for a message: "[1633.5, 1634.5]", or the single value for a point. `digits`
 * significant digits at most for non-integers (ends rounded outwards so the text still holds it).
 */
export function showInterval(a: Interval, digits = 8): string {
  const fmt = (
    v: Decimal,
    mode: typeof Decimal.ROUND_FLOOR | typeof Decimal.ROUND_CEIL | typeof Decimal.ROUND_HALF_UP,
  ) => (v.isInteger() || v.isZero() ? v.toString() : v.toSignificantDigits(digits, mode).toString());
  if (a.lo.equals(a.hi)) return fmt(a.lo, Decimal.ROUND_HALF_UP);
  return `[${fmt(a.lo, Decimal.ROUND_FLOOR)}, ${fmt(a.hi, Decimal.ROUND_CEIL)}]`;
}
