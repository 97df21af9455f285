import { describe, expect, it } from 'vitest';
import { dp } from '../../testing/bundle-builder.js';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { reconciliationRule } from './reconciliation.js';

const scopes = (total: string) => [
  pub('s1', '109.82', '千噸二氧化碳當量', { figure: 'ghg.scope1@group/2025' }),
  pub('s2', '95.40', '千噸二氧化碳當量', { figure: 'ghg.scope2.location@group/2025' }),
  pub('t', total, '千噸二氧化碳當量', { figure: 'ghg.total.location@group/2025' }),
];

describe('rule 4: reconciliation', () => {
  it('finds a printed total that is not Scope 1 + Scope 2 as printed', () => {
    const fs = runRule(reconciliationRule, smallGroup(scopes('215.22')));
    expect(codes(fs)).toEqual(['warning:sum-of-parts']);
  });

  it('finds input categories that do not add up to the entered total', () => {
    const b = smallGroup();
    const fs = runRule(reconciliationRule, {
      ...b,
      dataPoints: [...b.dataPoints, dp('group', 'employees.headcount', '1900 person')],
    });
    expect(codes(fs)).toEqual(['error:input-categories']);
  });

  it('finds category averages that do not add up to the total', () => {
    const b = smallGroup([
      pub('am', '30.0', '小時/人', { figure: 'training.average-hours[gender=male]@group/2025' }),
      pub('af', '30.0', '小時/人', { figure: 'training.average-hours[gender=female]@group/2025' }),
    ]);
    const fs = runRule(reconciliationRule, {
      ...b,
      dataPoints: [...b.dataPoints, dp('group', 'training.hours', '64496.55 h')],
    });
    expect(codes(fs)).toEqual(['warning:average-mismatch']);
  });

  it('a breakdown of rates weighted back: a truncated rate is the rounding finding, not a second warning', () => {
    // 1,339/1,499 = 89.3262% printed 89.32% (cut off) and 295/340 = 86.7647% printed 86.76%:
    // weighted by headcount [1633.8, 1633.98] people, not 1,634, only because of the cut-off rate
    const cov = (g: string, t: string) =>
      pub(`c-${g}`, t, '', { figure: `training.coverage[gender=${g}]@group/2025` });
    const fs = runRule(reconciliationRule, smallGroup([cov('male', '89.32%'), cov('female', '86.76%')]));
    expect(codes(fs)).toEqual(['info:average-follows-rounding']);
    expect(fs[0]?.message.en).toContain('only because c-male is not rounded half-up');
    // rounded half-up, the intervals hold 1,634: nothing
    expect(runRule(reconciliationRule, smallGroup([cov('male', '89.33%'), cov('female', '86.76%')]))).toEqual(
      [],
    );
    // rounded to whole percent too
    expect(runRule(reconciliationRule, smallGroup([cov('male', '89%'), cov('female', '87%')]))).toEqual([]);
    // a rate that is simply wrong still gives the warning, with the intervals
    const wrong = runRule(reconciliationRule, smallGroup([cov('male', '80.00%'), cov('female', '86.76%')]));
    expect(codes(wrong)).toEqual(['warning:average-mismatch']);
    expect(wrong[0]?.actual).toMatch(/^\[\d+\.?\d*, \d+\.?\d*\] person \(by employees.headcount\)$/);
  });

  it('is silent when parts, categories and printed twice agree', () => {
    const b = smallGroup([
      ...scopes('205.22'),
      pub('t2', '205.22', '千噸二氧化碳當量', { figure: 'ghg.total.location@group/2025' }),
    ]);
    expect(runRule(reconciliationRule, b)).toEqual([]);
  });
});
