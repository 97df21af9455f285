import { describe, expect, it } from 'vitest';
import { bundle, dp } from '../../testing/bundle-builder.js';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { signRule } from './sign.js';

describe('sign rule (issue #24): no negative emissions, energy, headcounts or water', () => {
  it('is an error when a printed Scope 1 is below zero', () => {
    const s1 = pub('s1', '-1,234.5', 'tCO2e', { figure: 'ghg.scope1@group/2025' });
    const fs = runRule(signRule, smallGroup([s1]));
    expect(codes(fs)).toEqual(['error:negative-printed']);
    expect(fs[0]?.where.publishedId).toBe('s1');
    expect(fs[0]?.message.en).toContain('ghg.scope1');
  });

  it('reads the indicator of an untied-to-figure printed number too (indicator column)', () => {
    const hc = pub('hc', '-3', '人', { indicator: 'employees.headcount' });
    expect(codes(runRule(signRule, smallGroup([hc])))).toEqual(['error:negative-printed']);
  });

  it('accepts negative values of signed indicators, zero printed "-0.00", and numbers tied to nothing', () => {
    const profit = pub('np', '-12.5', 'CNY million', { indicator: 'net-profit' });
    const zero = pub('z', '-0.00', 'tCO2e', { figure: 'ghg.scope1@group/2025' });
    const untied = pub('u', '-5', '%', { label: '同比變動' });
    expect(runRule(signRule, smallGroup([profit, zero, untied]))).toEqual([]);
  });

  it('is an error when a figure computes below zero, and silent on a clean bundle', () => {
    // validation refuses a negative water withdrawal (bundle/load-facts.test.ts); a bundle built in
    // memory can still carry one, and its total goes negative with it
    const b = bundle({ data: [dp('group', 'water.withdrawal', '-5 m³', { source: 'municipal' })] });
    const fs = runRule(signRule, b);
    // once, at the category where it originates, not again at water.withdrawal@group nor water.total
    expect(fs.map((f) => f.where.figureId)).toEqual(['water.withdrawal[source=municipal]@group/2025']);
    expect(codes(fs)).toEqual(['error:negative-figure']);
    expect(runRule(signRule, smallGroup())).toEqual([]);
  });
});
