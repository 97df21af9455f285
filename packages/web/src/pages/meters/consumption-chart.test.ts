/**
 * The chart's labels (issue #22): exact text rounded half-up for display, fewer decimals for
 * larger values, and a font size at which the longest label fits its month's slot (the demo's
 * Hami meter printed 2405631.739-style labels over each other before).
 */
import { describe, expect, it } from 'vitest';
import { addText, labelDecimals, labelFontSize, shortNumber } from './consumption-chart';

describe('consumption chart labels', () => {
  it('rounds exact text half-up, to whole units too', () => {
    expect(shortNumber('2405631.739', 0)).toBe('2405632');
    expect(shortNumber('2405631.5', 0)).toBe('2405632');
    expect(shortNumber('2405631.499', 0)).toBe('2405631');
    expect(shortNumber('10612560', 0)).toBe('10612560');
    expect(shortNumber('0.4', 0)).toBe('0');
    expect(shortNumber('12.34567')).toBe('12.346');
    expect(shortNumber(addText('2659999.08', '0.92'), 0)).toBe('2660000');
  });

  it('chooses decimals by size and a font at which the longest label fits', () => {
    expect([labelDecimals(2_659_999), labelDecimals(999.9), labelDecimals(0.5)]).toEqual([0, 2, 3]);
    // 12 months over 620 px: a slot of 51.7 px; 8 digits at 11 px would need 54.6 px.
    const size = labelFontSize(8, 620 / 12);
    expect(size).toBeLessThan(11);
    expect(8 * 0.62 * size).toBeLessThanOrEqual(620 / 12 - 2);
    expect(labelFontSize(4, 620 / 3)).toBe(11);
    expect(labelFontSize(40, 10)).toBe(7);
  });
});
