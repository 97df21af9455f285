/** The entry form's amount checks: form of the number, and the exact ten-times warning. */
import { describe, expect, it } from 'vitest';
import { amountProblem, groupDigits, plausibility, scaleAgainst } from './amount-check';

describe('amountProblem', () => {
  it.each([
    ['12', undefined],
    ['0', undefined],
    ['12.5', undefined],
    [' 7 ', undefined],
    ['', 'required'],
    ['  ', 'required'],
    ['-3', 'negative'],
    ['-0.5', 'negative'],
    ['1,200', 'notNumber'],
    ['12.', 'notNumber'],
    ['.5', 'notNumber'],
    ['1e3', 'notNumber'],
    ['twelve', 'notNumber'],
  ])('%j → %s', (text, problem) => expect(amountProblem(text)).toBe(problem));
});

describe('scaleAgainst (exact, strict at the edges)', () => {
  it.each([
    ['100', '10', undefined], // exactly ten times: not more
    ['100.0001', '10', 'tenTimesMore'],
    ['1', '0.1', undefined], // 10 × 0.1 is exactly 1
    ['1.000000000000000001', '0.1', 'tenTimesMore'],
    ['1', '10', undefined], // exactly a tenth: not less
    ['0.999', '10', 'tenthOrLess'],
    ['0', '10', 'tenthOrLess'],
    ['5', '0', undefined], // nothing to compare with
    ['95', '10', undefined],
    ['123456789012345678901234567890', '1', 'tenTimesMore'],
    ['abc', '10', undefined],
  ])('%s against %s → %s', (typed, reference, scale) => expect(scaleAgainst(typed, reference)).toBe(scale));
});

describe('plausibility', () => {
  const previous = { period: '2025-12', amount: '10', unit: 't' };
  const lastYear = { period: '2025-01', amount: '9', unit: 't' };
  it('warns against each reference in the same unit', () => {
    expect(plausibility('120', 't', previous, lastYear).map((w) => [w.against, w.scale])).toEqual([
      ['previous', 'tenTimesMore'],
      ['lastYear', 'tenTimesMore'],
    ]);
    expect(plausibility('95', 't', previous, lastYear).map((w) => w.against)).toEqual(['lastYear']);
    expect(plausibility('12', 't', previous, lastYear)).toEqual([]);
  });
  it('says nothing in another unit or without a reference', () => {
    expect(plausibility('120000', 'kg', previous, lastYear)).toEqual([]);
    expect(plausibility('120', 't', null, null)).toEqual([]);
  });
});

describe('groupDigits', () => {
  it.each([
    ['1234567.891', '1,234,567.891'],
    ['999', '999'],
    ['20000', '20,000'],
    ['-1000', '-1,000'],
    ['n/a', 'n/a'],
  ])('%s → %s', (text, out) => expect(groupDigits(text)).toBe(out));
});
