/**
 * Wide decimals: value = M × 10^-S with M a BigInt and S an integer (negative for trailing
 * zeros), for the values the float64 scaled form (scaled.ts) cannot hold: the 40 significant
 * digits of 44/12 (a factor every fuel's CO2 multiplies by) and the products and sums that
 * follow from it. Sums and products here round as decimal.js does in the project's Decimal
 * (decimal.ts: 40 significant digits, half-up, i.e. ties away from zero), one operation at a
 * time in the same order, so a result is the same decimal the Decimal path computes
 * (property-tested against applyFormula in scaled.test.ts). Normalised form: M has no trailing
 * zero digit and is never 0 (zero is always held scaled), so equal values have equal (M, S).
 * Results are returned through WIDE (one reusable pair).
 */
import { Decimal } from '../decimal.js';
import { MAX_SAFE, MAX_SCALE, SCALED } from './scaled.js';

/** Significant digits kept by a sum or a product: the precision of the project's Decimal. */
const DIGITS = Decimal.precision;
const LIMIT = 10n ** BigInt(DIGITS);
/** |S| beyond this, or more digits than this in M, stays a Decimal object (never in practice). */
export const WIDE_SCALE_LIMIT = 400;

/** The result of the last successful call below (normalised). */
export const WIDE = { m: 0n, s: 0 };

const POW10N: bigint[] = [];
function pow10n(k: number): bigint {
  let p = POW10N[k];
  if (p === undefined) {
    p = 10n ** BigInt(k);
    if (k < 512) POW10N[k] = p;
  }
  return p;
}

/** Strip trailing zeros of a non-zero M into WIDE. */
function normalise(m: bigint, s: number): void {
  if (m % 10n === 0n) {
    // most values have none; strip in chunks of 8, then one by one
    while (m % 100000000n === 0n) {
      m /= 100000000n;
      s -= 8;
    }
    while (m % 10n === 0n) {
      m /= 10n;
      s--;
    }
  }
  WIDE.m = m;
  WIDE.s = s;
}

/**
 * m × 10^-s rounded to 40 significant digits, half-up (ties away from zero), into WIDE.
 * False for zero (the caller decides the sign of zero) or a scale out of range.
 */
export function roundedWide(m: bigint, s: number): boolean {
  if (m === 0n) return false;
  const negative = m < 0n;
  let a = negative ? -m : m;
  if (a >= LIMIT) {
    const extra = a.toString().length - DIGITS;
    const p = pow10n(extra);
    const r = a % p;
    a /= p;
    if (2n * r >= p) a += 1n;
    s -= extra;
  }
  if (s > WIDE_SCALE_LIMIT || s < -WIDE_SCALE_LIMIT) return false;
  normalise(negative ? -a : a, s);
  return true;
}

/**
 * Decimal's a.plus(b): the exact sum rounded to 40 digits, into WIDE. Returns 1, or 0 when the
 * exact sum is zero (Decimal gives +0 under half-up), or -1 when out of the scale limit.
 */
export function plusWide(am: bigint, as: number, bm: bigint, bs: number): 1 | 0 | -1 {
  let m: bigint;
  let s: number;
  if (as === bs) {
    m = am + bm;
    s = as;
  } else if (as > bs) {
    m = am + bm * pow10n(as - bs);
    s = as;
  } else {
    m = am * pow10n(bs - as) + bm;
    s = bs;
  }
  if (m === 0n) return 0;
  return roundedWide(m, s) ? 1 : -1;
}

/** Decimal's a.times(b): the exact product rounded to 40 digits, into WIDE (false for zero). */
export function timesWide(am: bigint, as: number, bm: bigint, bs: number): boolean {
  return roundedWide(am * bm, as + bs);
}

/**
 * A Decimal into WIDE, exactly (no rounding: a Decimal may hold more than 40 digits), when it is
 * finite, non-zero and within the scale limit.
 */
export function wideFromDecimal(d: Decimal): boolean {
  if (!d.isFinite() || d.isZero()) return false;
  // exponent form "-1.2345e-7": digits and exponent, without building a long fixed-point string
  const text = d.toExponential();
  const e = text.indexOf('e');
  const negative = text.charCodeAt(0) === 45;
  const mantissa = text.slice(negative ? 1 : 0, e).replace('.', '');
  const exponent = Number(text.slice(e + 1));
  if (mantissa.length > WIDE_SCALE_LIMIT) return false;
  // value = 0.d1d2… × 10^(exponent+1) = mantissa × 10^(exponent - (len - 1))
  const s = mantissa.length - 1 - exponent;
  if (s > WIDE_SCALE_LIMIT || s < -WIDE_SCALE_LIMIT) return false;
  const m = BigInt(mantissa);
  normalise(negative ? -m : m, s);
  return true;
}

/** The Decimal equal to m × 10^-s. */
export function wideToDecimal(m: bigint, s: number): Decimal {
  return new Decimal(`${m.toString()}e${-s}`);
}

/**
 * A normalised wide value into SCALED when it fits the float64 form (|m| ≤ 2^53 − 1 with
 * 0 ≤ scale ≤ 22 after restoring trailing zeros): the columns hold a value scaled whenever it fits.
 */
export function wideFitsScaled(m: bigint, s: number): boolean {
  let mm = m;
  let ss = s;
  if (ss < 0) {
    if (ss < -16) return false;
    mm *= pow10n(-ss);
    ss = 0;
  }
  if (ss > MAX_SCALE) return false;
  const limit = BigInt(MAX_SAFE);
  if (mm > limit || mm < -limit) return false;
  SCALED.m = Number(mm);
  SCALED.s = ss;
  return true;
}
