/**
 * Wide decimals (scaled-wide.ts) against decimal.js in the project's settings: plus and times
 * rounded to 40 significant digits half-up give the same decimal, and a Decimal read into the
 * wide form and back is the same decimal. The graph-level property (every node against
 * applyFormula) is in scaled.test.ts, whose values include wide ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import {
  plusWide,
  roundedWide,
  timesWide,
  WIDE,
  wideFitsScaled,
  wideFromDecimal,
  wideToDecimal,
} from './scaled-wide.js';

const decimalGen = fc.oneof(
  fc
    .tuple(fc.bigInt({ min: -(10n ** 50n), max: 10n ** 50n }), fc.integer({ min: -20, max: 60 }))
    .filter(([m]) => m !== 0n)
    .map(([m, s]) => new Decimal(`${m}e${-s}`)),
  fc
    .tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 1, max: 99999 }))
    .filter(([a]) => a !== 0)
    .map(([a, b]) => new Decimal(a).dividedBy(b)),
  fc
    .constantFrom('44', '12', '0.5', '-0.5', '9.5', '99999999999999999999999999999999999999995')
    .map((t) => new Decimal(t)),
);

function wideOf(d: Decimal): { m: bigint; s: number } {
  expect(wideFromDecimal(d)).toBe(true);
  return { m: WIDE.m, s: WIDE.s };
}

const same = (a: Decimal, b: Decimal) => expect(a.toString()).toBe(b.toString());

describe('wide decimals', () => {
  it('read a Decimal exactly and give it back, normalised (no trailing zero in M)', () => {
    fc.assert(
      fc.property(decimalGen, (d) => {
        const w = wideOf(d);
        expect(w.m % 10n).not.toBe(0n);
        same(wideToDecimal(w.m, w.s), d);
      }),
      { numRuns: 2000 },
    );
  });

  it('plus and times round as Decimal does (40 digits, half-up)', () => {
    fc.assert(
      fc.property(decimalGen, decimalGen, (a, b) => {
        const x = wideOf(a);
        const y = wideOf(b);
        const sum = a.plus(b);
        const r = plusWide(x.m, x.s, y.m, y.s);
        if (sum.isZero()) expect(r).toBe(0);
        else {
          expect(r).toBe(1);
          same(wideToDecimal(WIDE.m, WIDE.s), sum);
        }
        expect(timesWide(x.m, x.s, y.m, y.s)).toBe(true);
        same(wideToDecimal(WIDE.m, WIDE.s), a.times(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('round ties away from zero and carry into a new digit', () => {
    // 41 nines and a 5: rounds up to 1e41 (one significant digit after normalising)
    expect(roundedWide(10n ** 41n - 5n, 0)).toBe(true);
    same(wideToDecimal(WIDE.m, WIDE.s), new Decimal(`${10n ** 41n - 5n}`).plus(0));
    expect(roundedWide(-(10n ** 40n) - 5n, 0)).toBe(true); // 41 digits ending in 5: away from zero
    same(wideToDecimal(WIDE.m, WIDE.s), new Decimal(`${-(10n ** 40n) - 5n}`).plus(0));
  });

  it('fit the float64 scaled form only within 2^53 − 1 and 22 places', () => {
    expect(wideFitsScaled(12n, -3)).toBe(true); // 12000
    expect(wideFitsScaled(2n ** 53n, 0)).toBe(false);
    expect(wideFitsScaled(1n, 23)).toBe(false);
    expect(wideFitsScaled(-(2n ** 53n - 1n), 22)).toBe(true);
  });
});
