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
    expect(fs[0]?.actual).toBe('[0.234553, 0.234578] tCO2e/MWh');
    expect(fs[0]?.message.en).toContain('stands for [95395, 95405] t');
  });

  it('does not flag a Scope 2 printed in whole tonnes whose implied factor is a hair under the published minimum', () => {
    // 215,799 t / 406,709.19 MWh = 0.5305978…, under 0.5306 as a point (the old false alarm), but the
    // printed value stands for [215798.5, 215799.5] t and 0.5306 for [0.53055, 0.53065]: they meet
    const s2 = pub('s2', '215,799', '噸二氧化碳當量', { figure: 'ghg.scope2.location@group/2025' });
    expect(runRule(plausibilityRule, bigGrid([s2]))).toEqual([]);
    // a value whose whole interval lies below the range still fires
    const low = pub('s2', '215,700', '噸二氧化碳當量', { figure: 'ghg.scope2.location@group/2025' });
    expect(codes(runRule(plausibilityRule, bigGrid([low])))).toEqual(['warning:implied-grid-factor']);
  });

  it('a rate printed as 100.0% for 99.96% is within range; 100.1% is not', () => {
    const rate = (t: string) => pub('c', t, '', { figure: 'training.coverage@group/2025' });
    expect(runRule(plausibilityRule, smallGroup([rate('100.0%')]))).toEqual([]);
    expect(codes(runRule(plausibilityRule, smallGroup([rate('100.1%')])))).toEqual([
      'warning:rate-out-of-range',
    ]);
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
