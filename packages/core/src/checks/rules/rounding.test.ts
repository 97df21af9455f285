import { describe, expect, it } from 'vitest';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { roundingRule } from './rounding.js';

const male = 'training.coverage[gender=male]@group/2025';

describe('rule 3: rounding', () => {
  it('names truncation: 1,339 / 1,499 = 89.3262% printed as 89.32%', () => {
    const fs = runRule(roundingRule, smallGroup([pub('m', '89.32%', '', { figure: male })]));
    expect(codes(fs)).toEqual(['warning:truncated']);
    expect(fs[0]?.expected).toBe('89.33 %');
  });

  it('accepts the half-up rounding', () => {
    expect(runRule(roundingRule, smallGroup([pub('m', '89.33%', '', { figure: male })]))).toEqual([]);
  });
});
