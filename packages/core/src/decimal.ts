/**
 * The one Decimal constructor the project uses. 40 significant digits, rounding half-up
 * (the convention for printed ESG figures, unless a figure states otherwise).
 * Invariant: no float ever enters a value; parse from strings.
 */
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = DecimalJs;

/** Strict decimal literal: optional sign, digits, optional fraction, optional exponent. No thousands separators. */
const DECIMAL_LITERAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,4})?$/;

/** Largest magnitude accepted from input (parsed once, not once per value). */
const MAX_MAGNITUDE = new Decimal('1e300');

export type ParsedDecimal = { ok: true; value: Decimal } | { ok: false; reason: string };

/**
 * Parse user text as an exact decimal. Rejects NaN, Infinity, empty text, thousands separators
 * ("1,234.5" and "1.234,5" are both ambiguous across locales) and magnitudes beyond 1e300.
 */
export function parseDecimal(text: string): ParsedDecimal {
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'empty value' };
  if (t.includes(','))
    return {
      ok: false,
      reason: `"${text}" contains a comma; write numbers without thousands separators, with "." as the decimal point`,
    };
  if (!DECIMAL_LITERAL.test(t)) return { ok: false, reason: `"${text}" is not a number` };
  const value = new Decimal(t);
  if (!value.isFinite() || value.abs().greaterThan(MAX_MAGNITUDE))
    return { ok: false, reason: `"${text}" is out of range` };
  // Zero has no sign: "-0" read as -0 would be written back as "0" and read back unequal.
  return { ok: true, value: value.isZero() ? new Decimal(0) : value };
}

/** Round half-up to `places` decimal places and print with exactly that many places. */
export function formatFixed(value: Decimal, places: number): string {
  return value.toFixed(places, Decimal.ROUND_HALF_UP);
}
