import { describe, expect, it } from 'vitest';
import { dp } from '../../testing/bundle-builder.js';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { impliedDenominatorRule } from './implied-denominators.js';

const rank = (r: string) => `training.coverage[rank=${r}]@group/2025`;
const withRanks = (senior: string, general: string) => {
  const b = smallGroup([
    pub('sp', senior, '', { figure: rank('senior') }),
    pub('gp', general, '', { figure: rank('general') }),
  ]);
  return {
    ...b,
    dataPoints: [
      ...b.dataPoints,
      dp('group', 'training.trained', '33 person', { rank: 'senior' }),
      dp('group', 'training.trained', '1601 person', { rank: 'general' }),
    ],
  };
};

describe('rule 5: implied denominators', () => {
  it('finds a rate no whole base fits, and category bases that exceed the population', () => {
    // 33 / 91.66% is 36.0007–36.0044 people; 1,601 / 87.06% ≈ 1,839 = everyone
    const fs = runRule(impliedDenominatorRule, withRanks('91.66%', '87.06%'));
    expect(codes(fs).sort()).toEqual([
      'warning:base-is-population',
      'warning:base-not-whole',
      'warning:bases-sum',
    ]);
  });

  it('accepts rates whose bases are whole and add up to the population', () => {
    // bases 36 and 1,803: 36 + 1,803 = 1,839
    expect(runRule(impliedDenominatorRule, withRanks('91.67%', '88.80%'))).toEqual([]);
  });
});
