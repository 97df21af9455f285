import { describe, expect, it } from 'vitest';
import { line } from '../../testing/bundle-builder.js';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { plausibilityRule } from './plausibility.js';

const scope2 = (printed: string) =>
  pub('s2', printed, '千噸二氧化碳當量', { figure: 'ghg.scope2.location@group/2025' });
const bigGrid = (published: ReturnType<typeof pub>[]) => {
  const b = smallGroup(published);
  return {
    ...b,
    activityLines: [...b.activityLines, line('group', 'electricity-purchased', 'grid', '405709.19 MWh')],
  };
};

describe('rule 7: plausibility', () => {
  it('finds a Scope 2 that implies a grid factor below every published one', () => {
    // 95.40 kt / 406,709.19 MWh = 0.2346 t/MWh; Xinjiang 2023 range 0.5306–0.8273
    const fs = runRule(plausibilityRule, bigGrid([scope2('95.40')]));
    expect(codes(fs)).toEqual(['warning:implied-grid-factor']);
    expect(fs[0]?.actual).toBe('0.2346 tCO2e/MWh');
  });

  it('finds a rate above 100% and a per-capita figure outside its bounds', () => {
    const fs = runRule(
      plausibilityRule,
      smallGroup([
        pub('c', '120%', '', { figure: 'training.coverage@group/2025' }),
        pub('h', '5000', '小時/人', { figure: 'training.average-hours@group/2025' }),
      ]),
    );
    expect(codes(fs)).toEqual(['warning:rate-out-of-range', 'warning:out-of-bounds']);
  });

  it('accepts a Scope 2 at the provincial factor and rates within 0–100%', () => {
    const ps = [scope2('244.88'), pub('c', '88.85%', '', { figure: 'training.coverage@group/2025' })];
    expect(runRule(plausibilityRule, bigGrid(ps))).toEqual([]);
  });
});
