import { describe, expect, it } from 'vitest';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { unitSlipRule } from './unit-slip.js';

/** A number printed in the text, tied to no figure. */
const said = (
  id: string,
  printed: string,
  unit: string,
  period: string,
  entity = 'group',
  label = '累計投入資金',
) => pub(id, printed, unit, { label, period, entity });

describe('rule 11: unit slips', () => {
  it('finds a 萬 slip against last year: 2,000 萬元 after 0.21 萬元', () => {
    const fs = runRule(
      unitSlipRule,
      smallGroup([said('a24', '0.21', '萬元', '2024'), said('a25', '2,000', '萬元', '2025')]),
    );
    expect(codes(fs)).toEqual(['warning:unit-slip']);
    expect(fs[0]?.message.en).toContain('10⁴ (萬)');
    expect(fs[0]?.message.en).toContain('[1999.5, 2000.5]');
  });

  it('finds ×10³ and ×10⁶ slips, and slips downwards', () => {
    const k = runRule(
      unitSlipRule,
      smallGroup([said('a24', '1.8', '噸', '2024'), said('a25', '2,100', '噸', '2025')]),
    );
    expect(codes(k)).toEqual(['warning:unit-slip']);
    expect(k[0]?.message.en).toContain('10³');
    const m = runRule(
      unitSlipRule,
      smallGroup([said('a24', '2.5', '噸', '2024'), said('a25', '2,400,000', '噸', '2025')]),
    );
    expect(m[0]?.message.en).toContain('10⁶');
    const down = runRule(
      unitSlipRule,
      smallGroup([said('a24', '2,500', '噸', '2024'), said('a25', '2.4', '噸', '2025')]),
    );
    expect(down[0]?.message.en).toContain('10⁻³');
  });

  it('finds a slip against peers: one subsidiary 1,000× the others (a rate compared across entities)', () => {
    const rate = (e: string, t: string) => said(`r-${e}`, t, '噸/人', '2025', e, '人均耗材');
    const fs = runRule(
      unitSlipRule,
      smallGroup([rate('a', '1.2'), rate('b', '1.5'), rate('c', '0.9'), rate('d', '1,300')]),
    );
    expect(codes(fs)).toEqual(['warning:unit-slip']);
    expect(fs[0]?.where.publishedId).toBe('r-d');
    expect(fs[0]?.message.en).toContain('median of 3 peers');
  });

  it('finds a percent printed as a fraction, tied to a figure or not', () => {
    const share = (id: string, t: string, period: string) =>
      said(id, t, '', period, 'group', '循環水使用比例');
    const fs = runRule(
      unitSlipRule,
      smallGroup([share('s24', '85.10%', '2024'), share('s25', '0.8932%', '2025')]),
    );
    expect(codes(fs)).toEqual(['warning:percent-as-fraction']);
    // tied to a figure with no prior year and no peer of the same category: left to recomputation
    // (rule 2 reports 0.8933% against the computed 89.33%)
    const cov = (g: string, t: string) =>
      pub(`c-${g}`, t, '', { figure: `training.coverage[gender=${g}]@group/2025` });
    const tied = runRule(unitSlipRule, smallGroup([cov('male', '0.8933%'), cov('female', '86.76%')]));
    expect(codes(tied)).toEqual([]); // one peer is not enough for a median
  });

  it('is silent for ordinary changes, for numbers that match their figure, and for a ×100 change', () => {
    expect(
      runRule(
        unitSlipRule,
        smallGroup([said('a24', '1,800', '萬元', '2024'), said('a25', '2,000', '萬元', '2025')]),
      ),
    ).toEqual([]);
    expect(
      runRule(
        unitSlipRule,
        smallGroup([said('a24', '20', '萬元', '2024'), said('a25', '2,000', '萬元', '2025')]),
      ),
    ).toEqual([]);
    // a figure printed in kt with last year's printed in t: converted, no slip
    const s2 = (period: string, t: string, u: string) =>
      pub(`s2-${period}`, t, u, { figure: `ghg.scope2.location@group/${period}`, period });
    expect(
      runRule(
        unitSlipRule,
        smallGroup([s2('2024', '590', '噸二氧化碳當量'), s2('2025', '0.60', '千噸二氧化碳當量')]),
      ),
    ).toEqual([]);
  });
});
