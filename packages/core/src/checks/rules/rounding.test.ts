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
    // counts are exact: no rounding of the inputs explains it
    expect(fs[0]?.message.en).toContain(
      'stands for [89.315, 89.325], the inputs at their precision give 89.326217',
    );
  });

  it('does not call a figure truncated when rounding of its factors explains it', () => {
    // Scope 1 = 100 t diesel × 42.652 GJ/t × 0.0202 tC/GJ × 0.98 × 44/12 = 309.59 t; printed 309.5
    // equals the value cut off, but with the factors at three significant digits (42.7, 3.67) the
    // inputs give [307.09, 313.37] t, which holds [309.45, 309.55]
    const s1 = pub('s1', '309.5', '噸二氧化碳當量', { figure: 'ghg.scope1@group/2025' });
    expect(codes(runRule(roundingRule, smallGroup([s1])))).toEqual(['info:explained-by-input-rounding']);
  });

  it('accepts the half-up rounding', () => {
    expect(runRule(roundingRule, smallGroup([pub('m', '89.33%', '', { figure: male })]))).toEqual([]);
  });
});
