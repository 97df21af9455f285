import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unneutralise } from '../import/unneutralise.js';
import { isPlainNumber, neutralise } from './neutralise.js';

/** Characters a spreadsheet may take as the start of a formula, and the ones that may precede them. */
const TRIGGERS = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫', '−'];
const LEADING = [' ', '\t', '\r', '\n', '\u00a0', '\u3000', '\ufeff', "'"];
const tricky = fc.string({
  unit: fc.constantFrom(...TRIGGERS, ...LEADING, 'a', '1', '.', 'e', '(', ')', 'SUM', 'cmd|'),
  maxLength: 8,
});

describe('formula injection on export', () => {
  it.each([
    ['＝1+1', 'full-width equals (U+FF1D)'],
    ['＋1+1', 'full-width plus'],
    ['－1+1', 'full-width hyphen-minus'],
    ['＠SUM(A1)', 'full-width commercial at'],
    ['﹦1+1', 'small equals (U+FE66)'],
    ['−1+1', 'minus sign (U+2212)'],
    [' =1+1', 'a space before ='],
    ['\u3000＝1+1', 'an ideographic space before full-width equals'],
    ['\t=1+1', 'a tab before ='],
    ['\r\n=1+1', 'CR LF before ='],
    ['=HYPERLINK("http://x")', 'a plain formula'],
  ])('guards %j (%s) with an apostrophe', (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const t of ['-12.5', '+3', '1e5', 'water meter', '二氧化碳', '', 'a=b'])
      expect(neutralise(t)).toBe(t);
  });

  it('guards text that already starts with an apostrophe before a trigger, so the import gives it back', () => {
    expect(neutralise("'=1")).toBe("''=1");
    expect(unneutralise(neutralise("'=1"))).toBe("'=1");
  });

  it('round-trips any text: the import undoes exactly what the export added', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 12 })), (s) => {
        expect(unneutralise(neutralise(s))).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('never writes text that starts a formula, unless it is a plain number', () => {
    const FORMULA = /^\s*[=+\-@＝＋－＠﹦﹢﹣﹫−]/u;
    fc.assert(
      fc.property(tricky, (s) => {
        const out = neutralise(s);
        if (!isPlainNumber(s)) expect(out.startsWith("'") || !FORMULA.test(out)).toBe(true);
        if (/^[\t\r\n]/.test(s)) expect(out.startsWith("'")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
