/** How facts are shown: exact half-up rounding, the size of a change, units and breakdowns by language. */
import { describe, expect, it } from 'vitest';
import { breakdownLabel, changeLevel, roundHalfUp, showChange, unitLabel } from './fact-labels';

describe('roundHalfUp (exact, on the decimal text)', () => {
  it.each([
    ['5.25', 1, '5.3'],
    ['5.24999999999999999999', 1, '5.2'],
    ['-5.25', 1, '-5.3'],
    ['-0.04', 1, '0.0'],
    ['-0.05', 1, '-0.1'],
    ['9.995', 2, '10.00'],
    ['999.5', 0, '1000'],
    ['19303.604193233', 2, '19303.60'],
    ['0.16038', 2, '0.16'],
    ['7', 2, '7.00'],
    ['12.5', 0, '13'],
    ['abc', 2, 'abc'],
  ])('%s to %i places → %s', (text, places, out) => expect(roundHalfUp(text, places)).toBe(out));
});

describe('changeLevel (|change| ≥ 10 % notable, ≥ 100 % large)', () => {
  it.each([
    ['5.3', 'normal'],
    ['9.9', 'normal'],
    ['-9.9', 'normal'],
    ['10.0', 'notable'],
    ['-10.0', 'notable'],
    ['99.9', 'notable'],
    ['100.0', 'large'],
    ['-100.0', 'large'],
    ['952.6', 'large'],
  ])('%s → %s', (p, level) => expect(changeLevel(p)).toBe(level));
});

describe('labels', () => {
  it('signs a change and groups its digits', () => {
    expect(showChange('5.3', 'en')).toBe('+5.3 %');
    expect(showChange('-12.0', 'en')).toBe('-12.0 %');
    expect(showChange('1200.0', 'en')).toBe('+1,200.0 %');
    expect(showChange('5.3', 'zh-Hant')).toBe('+5.3%');
  });
  it('names units and breakdowns in Chinese, leaves unknown codes as they are', () => {
    expect(unitLabel('CNY million', 'zh-Hant')).toBe('百萬元');
    expect(unitLabel('CNY million', 'en')).toBe('CNY million');
    expect(unitLabel('furlong', 'zh-Hant')).toBe('furlong');
    // as typed in a register or meter file: ASCII powers find the same label as the catalogue's symbol
    expect(unitLabel('m3', 'zh-Hant')).toBe('立方米');
    expect(unitLabel('10^4 m3', 'zh-Hant')).toBe('萬立方米');
    expect(unitLabel('km2', 'zh-Hant')).toBe('平方公里');
    expect(unitLabel('CNY 10^4', 'zh-Hant')).toBe('萬元');
    expect(unitLabel('m3/CNY million', 'zh-Hant')).toBe('立方米/百萬元');
    expect(unitLabel('m3', 'en')).toBe('m3');
    expect(unitLabel('Nm3', 'zh-Hant')).toBe('Nm3');
    // a ratio is labelled part by part (the overview's intensity card printed "tCO2e/CNY million" in Chinese)
    expect(unitLabel('tCO2e/CNY million', 'zh-Hant')).toBe('噸二氧化碳當量/百萬元');
    expect(unitLabel('tCO2e/CNY million', 'en')).toBe('tCO2e/CNY million');
    expect(breakdownLabel('gender=male', 'zh-Hant')).toBe('男性');
    expect(breakdownLabel('gender=female;grade=senior', 'en')).toBe('Female · Senior management');
    expect(breakdownLabel('', 'en')).toBe('');
  });
});
