import { describe, expect, it } from 'vitest';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { recomputeRule } from './recompute.js';

const scope2 = 'ghg.scope2.location@group/2025';

describe('rule 2: recomputation', () => {
  it('reports a printed value beyond rounding, with both numbers and the lineage', () => {
    // 1,000 MWh × 0.6021 tCO2e/MWh (Xinjiang 2023) = 602.1 t = 0.60 kt
    const fs = runRule(
      recomputeRule,
      smallGroup([pub('s2', '0.50', '千噸二氧化碳當量', { figure: scope2 })]),
    );
    expect(codes(fs)).toEqual(['error:value-differs']);
    expect(fs[0]?.expected).toBe('0.60 ktCO2e');
    expect(fs[0]?.lineage?.join('\n')).toContain('mee-nbs/grid/2023/provincial/xinjiang/average');
  });

  it('reads a wrong unit the way the label implies and says so', () => {
    const p = pub('s2i', '0.06', '千噸二氧化碳當量/CNY', {
      figure: 'ghg.scope2.intensity.revenue@group/2025',
      label: '每百萬營收範圍二排放',
    });
    // 602.1 t / 10 CNY million = 60.21 t = 0.06 kt per CNY million
    expect(codes(runRule(recomputeRule, smallGroup([p])))).toEqual(['info:matches-implied-unit']);
  });

  it('is silent when the printed value equals the computed one rounded half-up', () => {
    expect(
      runRule(recomputeRule, smallGroup([pub('s2', '602.10', '噸二氧化碳當量', { figure: scope2 })])),
    ).toEqual([]);
  });
});
