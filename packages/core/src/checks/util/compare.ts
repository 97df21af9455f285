/**
 * Comparing a printed value with an exact one at the printed precision. A printed value is
 * right when it equals the exact value rounded half-up at its printed places, i.e. when the exact
 * value lies in the interval the printed value stands for [v − ½·10⁻ᵖ, v + ½·10⁻ᵖ)
 * (util/interval.ts for interval arithmetic on such values); it is truncated
 * when it equals the value cut towards zero; rounded away when it equals the value pushed away
 * from zero; anything else is a different number.
 */
import { Decimal } from '../../decimal.js';
import { halfUnit } from './interval.js';

export type Outcome = 'equal' | 'truncated' | 'rounded-away' | 'different';

export function compareAtPrecision(printed: Decimal, places: number, exact: Decimal): Outcome {
  if (printed.equals(exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP))) return 'equal';
  if (printed.equals(exact.toDecimalPlaces(places, Decimal.ROUND_DOWN))) return 'truncated';
  if (printed.equals(exact.toDecimalPlaces(places, Decimal.ROUND_UP))) return 'rounded-away';
  return 'different';
}

/** Half a unit of the last printed place: 0.005 for two places. */
export const halfUlp = halfUnit;

/** Print an exact value for a message: at `places` when given, else up to 6 significant digits. */
export function show(value: Decimal, places?: number): string {
  if (places !== undefined) return value.toFixed(places, Decimal.ROUND_HALF_UP);
  if (value.isInteger()) return value.toString();
  if (value.abs().greaterThanOrEqualTo(1000))
    return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
  return value.toSignificantDigits(6, Decimal.ROUND_HALF_UP).toString();
}
