import { describe, expect, it } from 'vitest';
import { bundle, dp } from '../../testing/bundle-builder.js';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { issuesOf, withDataPoints } from '../../testing/raw-bundle.js';
import { buildContext } from '../context.js';
import { pub } from '../testing/published.js';
import { nonAdditiveRule } from './non-additive.js';

describe('sums that mean nothing (issue #24): air emissions over pollutants', () => {
  it('flags a printed air-emissions total (NOx + PM + SO2 as one figure)', () => {
    const total = pub('air', '12.34', '噸', { indicator: 'air.emissions' });
    const fs = runRule(nonAdditiveRule, smallGroup([total]));
    expect(codes(fs)).toEqual(['warning:non-additive-total']);
    expect(fs[0]?.message['zh-Hant']).toContain('污染物');
    expect(fs[0]?.message['zh-Hant']).not.toMatch(/pollutant/);
  });

  it('accepts one printed figure per pollutant', () => {
    const nox = pub('nox', '5.00', '噸', {
      indicator: 'air.emissions',
      disaggregation: { pollutant: 'nox' },
    });
    const so2 = pub('so2', '7.34', '噸', {
      indicator: 'air.emissions',
      disaggregation: { pollutant: 'so2' },
    });
    expect(runRule(nonAdditiveRule, smallGroup([nox, so2]))).toEqual([]);
  });

  it('forms no total over pollutants in the calculation, only one figure per pollutant', () => {
    const b = bundle({
      data: [
        dp('group', 'air.emissions', '5 t', { pollutant: 'nox' }),
        dp('group', 'air.emissions', '7.34 t', { pollutant: 'so2' }),
      ],
    });
    const ids = buildContext(b)
      .figures.filter((f) => f.indicatorId === 'air.emissions')
      .map((f) => f.id);
    expect(ids.sort()).toEqual([
      'air.emissions[pollutant=nox]@group/2025',
      'air.emissions[pollutant=so2]@group/2025',
    ]);
  });

  it('refuses at validation a data point of air emissions with no pollutant, naming row and column', () => {
    const issues = issuesOf(
      withDataPoints([
        ['smelter', '2025', 'air.emissions', '', '12.34', 't', 'CEMS'],
        ['smelter', '2025', 'air.emissions', 'pollutant=nox', '5', 't', 'CEMS'],
      ]),
    );
    expect(issues).toEqual([
      {
        file: 'data-points.csv',
        row: 2,
        column: 'disaggregation',
        reason:
          'air.emissions is not additive over pollutant (its categories are different substances): name one, e.g. "pollutant=nox"; a total over them means nothing',
      },
    ]);
  });
});
