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

  it('is silent when parts, categories and printed twice agree', () => {
    const b = smallGroup([
      ...scopes('205.22'),
      pub('t2', '205.22', '千噸二氧化碳當量', { figure: 'ghg.total.location@group/2025' }),
    ]);
    expect(runRule(reconciliationRule, b)).toEqual([]);
  });
});
