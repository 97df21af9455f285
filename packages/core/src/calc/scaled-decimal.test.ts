/**
 * scaledFromDecimalDigits (reads decimal.js digit words) against scaledFromDecimal (reads the
 * value's text): the same acceptance and the same (m, s) on random values that fit and values
 * that must fall back (many digits, many places, large and tiny exponents, −0, 2^53 ± 1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { SCALED, scaledFromDecimal } from './scaled.js';
import { scaledFromDecimalDigits } from './scaled-decimal.js';

function viaText(x: Decimal): { m: number; s: number } | undefined {
  return scaledFromDecimal(x) ? { m: SCALED.m, s: SCALED.s } : undefined;
}
function viaDigits(x: Decimal): { m: number; s: number } | undefined {
  return scaledFromDecimalDigits(x) ? { m: SCALED.m, s: SCALED.s } : undefined;
}

/** m × 10^e for a random integer m (up to 30 digits) and exponent e in −40..30. */
const anyDecimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -40, max: 30 }))
  .map(([m, e]) => new Decimal(`${m.toString()}e${e}`));
const plainDecimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 24 }))
  .map(([m, s]) => new Decimal(m.toString()).div(new Decimal(10).pow(s)));
const edges = [
  '0',
  '-0',
  '1',
  '-1',
  '0.05',
  '123.45',
  '1200',
  '1e15',
  '1e14',
  '999999999999999',
  '9999999999999999',
  '9007199254740991',
  '9007199254740993',
  '123456789012345',
  '1234567.1234567',
  '12345671234567.1',
  '0.0000000000000000000001',
  '0.00000000000000000000001',
  '0.1234567890123456789012',
  '1e-22',
  '1e-23',
  '4503599627370496.5',
  'NaN',
  'Infinity',
  '-Infinity',
];

describe('scaledFromDecimalDigits', () => {
  it('agrees with scaledFromDecimal on edge values', () => {
    for (const t of edges) expect(viaDigits(new Decimal(t)), t).toEqual(viaText(new Decimal(t)));
  });
  it('agrees with scaledFromDecimal on random values', () => {
    fc.assert(
      fc.property(fc.oneof(anyDecimal, plainDecimal), (x) => {
        expect(viaDigits(x)).toEqual(viaText(x));
      }),
      { numRuns: 5000 },
    );
  });
});
