/**
 * Number formatting for the report, done once in the model: round half-up at the figure's
 * precision from the exact Decimal, then group the integer part by thousands with ",".
 * A value that rounds to zero prints without a minus sign ("-0.00" never appears).
 */
import { Decimal } from '../decimal.js';
import type { NumberText } from './model.js';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatNumber(value: Decimal, places: number): NumberText {
  let plain = value.toFixed(places, Decimal.ROUND_HALF_UP);
  if (/^-0(\.0*)?$/.test(plain)) plain = plain.slice(1);
  const negative = plain.startsWith('-');
  const body = negative ? plain.slice(1) : plain;
  const [int = '0', frac] = body.split('.');
  const text = `${negative ? '-' : ''}${groupThousands(int)}${frac === undefined ? '' : `.${frac}`}`;
  return { text, plain };
}

/**
 * Year-on-year change in per cent, (current − prior) / |prior| × 100, one decimal place, signed
 * ("+5.3", "-12.0", "0.0"). Computed from the exact values, not the rounded ones. Null when the
 * prior value is zero (a percentage change is undefined).
 */
export function formatChange(current: Decimal, prior: Decimal): NumberText | null {
  if (prior.isZero()) return null;
  const pct = current.minus(prior).dividedBy(prior.abs()).times(100);
  const n = formatNumber(pct, 1);
  if (n.plain.startsWith('-') || n.plain === '0.0') return n;
  return { text: `+${n.text}`, plain: n.plain };
}

/** Decimal places shown for a derivation node that is not a reported figure (docs/report.md). */
export const LINEAGE_PLACES = 6;

/**
 * A derivation view's value (figure page, `assay explain`), plain digits: a reported figure at its
 * precision; any other node (facts, factors, constants, intermediate results) rounded half-up to
 * at most LINEAGE_PLACES decimals with trailing zeros dropped, so 44/12 prints 3.666667 and a
 * factor 0.0202 stays 0.0202. The exact value travels beside it wherever the view has room.
 */
export function lineageValueText(value: Decimal, precision?: number): string {
  if (precision !== undefined) return formatNumber(value, precision).plain;
  const plain = formatNumber(value, Math.min(value.decimalPlaces(), LINEAGE_PLACES)).plain;
  return plain.includes('.') ? plain.replace(/\.?0+$/, '') : plain;
}
