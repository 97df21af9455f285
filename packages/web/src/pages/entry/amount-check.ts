/**
 * The entry form's checks of an amount as it is typed (issue #17): the form of the number (a
 * plain decimal, not negative: the server's rules for an activity line's amount, core
 * bundle/load-facts.ts) and a plausibility warning against last period's and last year's amounts
 * (more than ten times, or less than a tenth of, either one). The warning never stops a save:
 * some months really are ten times larger.
 *
 * Exact: amounts are decimal text and are compared as integers (BigInt) scaled to the same number
 * of decimals, never as floats (10 × 0.1 must be exactly 1). A comparison is made only in the
 * same unit (the server gives each comparison in the line's unit; a unit changed in the form
 * meanwhile is not converted here, so no warning is given then).
 */

/** A plain decimal as the API takes it: digits, optionally one point and more digits. */
const DECIMAL = /^\d+(\.\d+)?$/;
const SIGNED = /^-\d+(\.\d+)?$/;

export type AmountProblem = 'required' | 'notNumber' | 'negative';

/** What is wrong with the typed amount, or undefined when it is a plain decimal ≥ 0. */
export function amountProblem(text: string): AmountProblem | undefined {
  const s = text.trim();
  if (s === '') return 'required';
  if (SIGNED.test(s)) return 'negative';
  return DECIMAL.test(s) ? undefined : 'notNumber';
}

/** A decimal's digits as an integer and how many of them are decimals: 12.50 → 1250n, 2. */
function scaled(text: string): { int: bigint; scale: number } {
  const [whole = '0', frac = ''] = text.trim().split('.');
  return { int: BigInt(`${whole}${frac}`), scale: frac.length };
}

/** −1, 0 or 1 as `a × 10^shiftA` is below, equal to or above `b × 10^shiftB` (exact). */
function compareShifted(a: string, shiftA: number, b: string, shiftB: number): -1 | 0 | 1 {
  const x = scaled(a);
  const y = scaled(b);
  // a·10^sa / 10^xs  vs  b·10^sb / 10^ys  ⇔  a·10^(sa + ys)  vs  b·10^(sb + xs)
  const left = x.int * 10n ** BigInt(shiftA + y.scale);
  const right = y.int * 10n ** BigInt(shiftB + x.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

export type Scale = 'tenTimesMore' | 'tenthOrLess';

/**
 * How `typed` stands against `reference` (both plain decimals in the same unit): more than ten
 * times it, less than a tenth of it, or neither (undefined). A reference of zero says nothing
 * (any amount is "infinitely" more), and a typed zero against a positive reference is a tenth
 * or less.
 */
export function scaleAgainst(typed: string, reference: string): Scale | undefined {
  if (amountProblem(typed) !== undefined || amountProblem(reference) !== undefined) return undefined;
  if (compareShifted(reference, 0, '0', 0) === 0) return undefined;
  if (compareShifted(typed, 0, reference, 1) > 0) return 'tenTimesMore';
  if (compareShifted(typed, 1, reference, 0) < 0) return 'tenthOrLess';
  return undefined;
}

/** A comparison beside a field, as the API gives it (null: none). */
export type Reference = { period: string; amount: string; unit: string } | null;

export type Warning = { scale: Scale; against: 'previous' | 'lastYear'; reference: NonNullable<Reference> };

/** The plausibility warnings of `typed` in `unit` against last period and last year. */
export function plausibility(
  typed: string,
  unit: string,
  previous: Reference,
  lastYear: Reference,
): Warning[] {
  const out: Warning[] = [];
  for (const [against, reference] of [
    ['previous', previous],
    ['lastYear', lastYear],
  ] as const) {
    if (!reference || reference.unit !== unit) continue;
    const scale = scaleAgainst(typed, reference.amount);
    if (scale) out.push({ scale, against, reference });
  }
  return out;
}

/** Decimal text with thousands grouped by commas (exact: no conversion to a float). */
export function groupDigits(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${(m[2] as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}
