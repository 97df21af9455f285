/**
 * Scaled integers: the calculation graph's fast representation of a decimal, value = m × 10^-s,
 * with m an integer held in a float64 and |m| ≤ Number.MAX_SAFE_INTEGER (2^53 − 1), s in
 * 0..MAX_SCALE. Every integer up to 2^53 is exact in a float64, and every result produced here
 * is checked to stay within that range, so the arithmetic is exact: the same value that
 * decimal.js computes (its 40 significant digits hold any 16-digit integer exactly).
 * Anything else (exponents, more digits, negative zero, overflow) is reported as "does not fit"
 * and the caller keeps a Decimal instead. Normalised form: no trailing zero digits in m when
 * s > 0, and zero is +0 with s = 0, so two equal values have equal (m, s).
 * Results are returned through SCALED (one reusable pair) to allocate nothing per value.
 */
import { Decimal } from '../decimal.js';

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Largest scale kept (decimal places). Powers of ten up to 10^22 are exact in a float64. */
export const MAX_SCALE = 22;
/** At most 15 significant digits are read from text: 10^15 < 2^53. */
const MAX_DIGITS = 15;

export const POW10: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, k) => 10 ** k);

/** The result of the last successful call below. */
export const SCALED = { m: 0, s: 0 };

/** Strip trailing zeros into SCALED (m integer, |m| ≤ MAX_SAFE, 0 ≤ s ≤ MAX_SCALE). */
function normalised(m: number, s: number): true {
  if (m === 0) {
    SCALED.m = 0;
    SCALED.s = 0;
    return true;
  }
  while (s > 0 && m % 10 === 0) {
    m /= 10;
    s--;
  }
  SCALED.m = m;
  SCALED.s = s;
  return true;
}

/**
 * Read plain decimal text ("-12.30", "007", "0.5") into SCALED. False for anything else (an
 * exponent, a leading "+", a bare ".", more than 15 significant digits, "-0"): the caller
 * parses those with Decimal, which also reports text that is not a number.
 */
export function scaledFromText(text: string): boolean {
  const n = text.length;
  let k = 0;
  let negative = false;
  if (n > 0 && text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    k = 1;
  }
  let m = 0;
  let digits = 0; // significant digits read (leading zeros excluded)
  let s = 0;
  let seenPoint = false;
  let any = false;
  for (; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 /* . */) {
      if (seenPoint || !any) return false;
      seenPoint = true;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return false;
    any = true;
    if (seenPoint) {
      if (++s > MAX_SCALE) return false;
    }
    if (m === 0 && d === 0) continue;
    if (++digits > MAX_DIGITS) return false;
    m = m * 10 + d;
  }
  if (!any || text.charCodeAt(n - 1) === 46) return false;
  if (m === 0 && negative) return false; // Decimal keeps the sign of -0
  return normalised(negative ? -m : m, s);
}

/** A Decimal into SCALED when it fits (finite, not -0, ≤ 15 significant digits, ≤ 22 places). */
export function scaledFromDecimal(d: Decimal): boolean {
  if (!d.isFinite()) return false;
  if (d.isZero()) return d.isNegative() ? false : normalised(0, 0);
  if (d.precision(true) > MAX_DIGITS || d.decimalPlaces() > MAX_SCALE) return false;
  return scaledFromText(d.toFixed());
}

/** The Decimal equal to m × 10^-s (m an integer within MAX_SAFE). */
export function scaledToDecimal(m: number, s: number): Decimal {
  if (s === 0) return new Decimal(String(m));
  const negative = m < 0;
  const digits = String(negative ? -m : m).padStart(s + 1, '0');
  const cut = digits.length - s;
  return new Decimal(`${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`);
}

/** m × 10^k exactly, or NaN when it would leave the exact range. */
export function raise(m: number, k: number): number {
  if (k === 0) return m;
  if (k > MAX_SCALE) return Number.NaN;
  const r = m * (POW10[k] as number);
  return r <= MAX_SAFE && r >= -MAX_SAFE ? r : Number.NaN;
}

/**
 * Σ m[i] × 10^-s[i] into SCALED; false when a term or a partial sum would leave the exact range.
 * Rounding is monotonic, so an exact sum beyond 2^53 rounds to at least 2^53 and is caught.
 */
export function sumScaled(ms: ArrayLike<number>, ss: ArrayLike<number>, count: number): boolean {
  let top = 0;
  for (let k = 0; k < count; k++) if ((ss[k] as number) > top) top = ss[k] as number;
  let acc = 0;
  for (let k = 0; k < count; k++) {
    const t = raise(ms[k] as number, top - (ss[k] as number));
    if (Number.isNaN(t)) return false;
    acc += t;
    if (acc > MAX_SAFE || acc < -MAX_SAFE) return false;
  }
  return normalised(acc, top);
}

/** a × b into SCALED; false when out of range or when the exact result would be -0. */
export function multiplyScaled(am: number, as: number, bm: number, bs: number): boolean {
  const m = am * bm;
  if (m > MAX_SAFE || m < -MAX_SAFE || Object.is(m, -0)) return false;
  const s = as + bs;
  if (s > MAX_SCALE) {
    // still exact if the trailing zeros bring the scale back into range
    let mm = m;
    let ss = s;
    while (ss > MAX_SCALE && mm !== 0 && mm % 10 === 0) {
      mm /= 10;
      ss--;
    }
    if (ss > MAX_SCALE && mm !== 0) return false;
    return normalised(mm, mm === 0 ? 0 : ss);
  }
  return normalised(m, s);
}

const TEN = 10n;
/** Significant digits of a quotient: the precision of the project's Decimal (decimal.ts). */
const QUOTIENT_DIGITS = Decimal.precision;

/**
 * a ÷ b as decimal.js divides (precision 40, rounding half-up: correctly rounded), from scaled
 * integers, as text "<digits>e<exponent>" with the sign; undefined when a or b is zero (the
 * Decimal path writes the error, or the signed zero). Integer arithmetic in BigInt:
 * q = ⌊|a|·10^k / |b|⌋ with at least 41 digits, then rounded to 40 by the exact remainder.
 */
export function quotientText(am: number, as: number, bm: number, bs: number): string | undefined {
  if (am === 0 || bm === 0) return undefined;
  const negative = am < 0 !== bm < 0;
  const a = BigInt(am < 0 ? -am : am);
  const b = BigInt(bm < 0 ? -bm : bm);
  const da = String(am < 0 ? -am : am).length;
  const db = String(bm < 0 ? -bm : bm).length;
  const k = QUOTIENT_DIGITS + db - da + 1; // a·10^k / b ≥ 10^(da−1+k−db) = 10^40
  const n = a * TEN ** BigInt(k);
  let q = n / b;
  const r = n % b;
  const digits = q.toString().length;
  const extra = digits - QUOTIENT_DIGITS;
  if (extra > 0) {
    const drop = TEN ** BigInt(extra);
    const rem = q % drop;
    q /= drop;
    // half-up on the exact value (rem + r/b) / drop ≥ 1/2
    if (2n * (rem * b + r) >= drop * b) q += 1n;
  }
  const exponent = Math.max(extra, 0) - k + bs - as;
  return `${negative ? '-' : ''}${q.toString()}e${exponent}`;
}
