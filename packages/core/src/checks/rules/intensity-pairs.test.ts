import { describe, expect, it } from 'vitest';
import type { PublishedFigure } from '../../model/published.js';
import { bundle, dp, line } from '../../testing/bundle-builder.js';
import { codes, runRule } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { intensityPairsRule } from './intensity-pairs.js';

/**
 * A group with revenue CNY 10 million and 2,000 t of iron. Energy: 1,000 MWh of purchased
 * electricity + 1,184.78 MWh of diesel (100 t × 42.652 GJ/t ÷ 3.6) = 2,184.78 MWh, so
 * 218.48 MWh per CNY million and 1.09 MWh per tonne of iron print correctly.
 */
function group(
  published: PublishedFigure[],
  extraData = [dp('group', 'production.output', '2000 t', { product: 'iron' })],
) {
  const b = bundle({
    lines: [
      line('group', 'fuel', 'diesel', '100 t', { use: 'combustion' }),
      line('group', 'electricity-purchased', 'grid', '1000 MWh'),
    ],
    data: [dp('group', 'revenue', '10 CNY million'), ...extraData],
  });
  return { ...b, frameworks: { frameworks: [] }, published };
}
const perRevenue = (printed: string) =>
  pub('e-rev', printed, 'MWh/CNY million', { figure: 'energy.intensity.revenue@group/2025' });
const perTonne = (printed: string) =>
  pub('e-iron', printed, 'MWh/t', { figure: 'energy.intensity.product[product=iron]@group/2025' });

describe('intensities of one total (issue #24)', () => {
  it('stays silent when both intensities can come from one total at their printed precision', () => {
    // 218.48 × 10 = [2184.75, 2184.85] MWh; 1.09 × 2000 = [2170, 2190] MWh: they meet
    expect(runRule(intensityPairsRule, group([perRevenue('218.48'), perTonne('1.09')]))).toEqual([]);
  });

  it('names both intensities when their implied totals cannot meet', () => {
    // 1.12 MWh/t × 2,000 t = [2230, 2250] MWh against [2184.75, 2184.85] MWh: 2.5% apart
    const fs = runRule(intensityPairsRule, group([perRevenue('218.48'), perTonne('1.12')]));
    expect(codes(fs)).toEqual(['warning:intensities-disagree']);
    expect(fs[0]?.message.en).toContain('e-rev');
    expect(fs[0]?.message.en).toContain('e-iron');
    expect(fs[0]?.message.en).toContain('[2184.75, 2184.85] MWh against [2230, 2250] MWh (+2.5%)');
    expect(fs[0]?.message['zh-Hant']).not.toMatch(/against|per /);
  });

  it('reads a printed denominator at its precision (together with the computed one), which can absorb a gap', () => {
    // revenue printed 10 (CNY million, no decimals) stands for [9.5, 10.5]; with the computed 10
    // the hull is [9.5, 10.5], and 218.48 × [9.5, 10.5] = [2075.5, 2294.1] meets [2230, 2250]
    const revenue = pub('rev', '10', 'CNY million', { figure: 'revenue@group/2025' });
    expect(runRule(intensityPairsRule, group([perRevenue('218.48'), perTonne('1.12'), revenue]))).toEqual([]);
  });

  it('does not compare intensities of different totals, nor one without a denominator', () => {
    const scope1 = pub('s1', '31.27', 'tCO2e/CNY million', {
      figure: 'ghg.scope1.intensity.revenue@group/2025',
    });
    const scope2 = pub('s2', '99.99', 'tCO2e/CNY million', {
      figure: 'ghg.scope2.intensity.revenue@group/2025',
    });
    expect(runRule(intensityPairsRule, group([scope1, scope2]))).toEqual([]);
    // no production data: the per-tonne intensity implies no total
    expect(runRule(intensityPairsRule, group([perRevenue('218.48'), perTonne('1.12')], []))).toEqual([]);
  });
});
