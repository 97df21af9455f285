import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimal.js';

describe('parseDecimal', () => {
  it('reads "-0" and "-0.000" as zero without a sign, so a saved bundle reads back equal', () => {
    for (const text of ['-0', '-0.000', '-0e5', '+0']) {
      const d = parseDecimal(text);
      expect([text, d.ok && d.value.isNegative()]).toEqual([text, false]);
      expect([text, d.ok && d.value.toString()]).toEqual([text, '0']);
    }
  });
});
