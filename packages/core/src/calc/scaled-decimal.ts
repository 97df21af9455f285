/**
 * A decimal.js value straight into a scaled integer (scaled.ts), read from its digit words
 * instead of through text: a Bundle holds its 2.4 million fact values as Decimals already.
 * decimal.js documents its instance properties: `d` the digits in base 10^7, most significant
 * word first (the first word without leading zeros, the last word not zero unless the value is
 * zero; null for NaN and ±Infinity), `e` the base-10 exponent of the most significant digit,
 * `s` the sign (1 or −1; −1 with d = [0] is −0).
 * Accepts exactly what scaledFromDecimal accepts (finite, not −0, at most 15 significant digits
 * counting the zeros of an integer part, at most 22 decimal places) and gives the same (m, s);
 * scaled-decimal.test.ts compares the two on random values.
 */
import type { Decimal } from '../decimal.js';
import { MAX_SCALE, POW10, SCALED } from './scaled.js';

/** At most 15 significant digits: 10^15 < 2^53 (as in scaled.ts). */
const MAX_DIGITS = 15;
const WORD = 1e7;

function digitCount(w: number): number {
  let n = 1;
  while (w >= 10) {
    w = Math.floor(w / 10);
    n++;
  }
  return n;
}

/** x into SCALED (normalised); false when it does not fit, then the caller keeps the Decimal. */
export function scaledFromDecimalDigits(x: Decimal): boolean {
  const d = x.d;
  if (!d) return false;
  const first = d[0] as number;
  if (first === 0) {
    if (x.s < 0) return false; // −0: Decimal keeps the sign
    SCALED.m = 0;
    SCALED.s = 0;
    return true;
  }
  const words = d.length;
  if (words > 3) return false; // at least 1 + 7 + 7 + 1 = 16 significant digits
  let last = d[words - 1] as number;
  let trailing = 0; // zeros at the end of the last word, not significant
  while (last % 10 === 0) {
    last /= 10;
    trailing++;
  }
  // significant digits, without the trailing zeros of the last word
  const digits = digitCount(first) + 7 * (words - 1) - trailing;
  // precision counting the zeros of an integer part (as Decimal.precision(true))
  if (Math.max(digits, x.e + 1) > MAX_DIGITS) return false;
  const scale = digits - 1 - x.e; // the place of the last significant digit
  if (scale > MAX_SCALE) return false;
  let m: number;
  if (words === 1) m = last;
  else {
    m = first;
    for (let k = 1; k < words - 1; k++) m = m * WORD + (d[k] as number);
    m = m * (POW10[7 - trailing] as number) + last;
  }
  // ≤ 15 digits in all, so m × 10^−scale is an integer below 10^15 when scale < 0
  if (scale < 0) m *= POW10[-scale] as number;
  SCALED.m = x.s < 0 ? -m : m;
  SCALED.s = Math.max(scale, 0);
  return true;
}
