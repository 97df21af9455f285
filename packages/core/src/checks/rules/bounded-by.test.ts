import { describe, expect, it } from 'vitest';
import { dp } from '../../testing/bundle-builder.js';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { plausibilityRule } from './plausibility.js';

// smallGroup: revenue 10 CNY million = 1,000 萬元; headcount 1,499 + 340 = 1,839
const said = (id: string, printed: string, unit: string, label: string, labelEn?: string) => ({
  ...pub(id, printed, unit, { label }),
  ...(labelEn ? { labelEn } : {}),
});
const only = (code: string) => (fs: ReturnType<typeof runRule>) => fs.filter((f) => f.code === code);

describe('plausibility: numbers bounded by other numbers of the bundle', () => {
  it('spending above revenue, tied to an indicator or only by its label', () => {
    const tied = pub('env', '1,200', '萬元', { figure: 'spend.environmental@group/2025' });
    expect(codes(only('exceeds-bound')(runRule(plausibilityRule, smallGroup([tied]))))).toEqual([
      'warning:exceeds-bound',
    ]);
    const untied = said('don', '1.2', '億元', '公益捐款');
    const fs = only('exceeds-bound')(runRule(plausibilityRule, smallGroup([untied])));
    expect(codes(fs)).toEqual(['warning:exceeds-bound']);
    expect(fs[0]?.message.en).toContain('spending above revenue');
    expect(fs[0]?.expected).toContain('revenue@group/2025');
    // within revenue, and a cumulative amount (not a year's spending): nothing
    expect(
      only('exceeds-bound')(runRule(plausibilityRule, smallGroup([said('don', '900', '萬元', '公益捐款')]))),
    ).toEqual([]);
    expect(
      only('exceeds-bound')(
        runRule(plausibilityRule, smallGroup([said('cum', '1.2', '億元', '累計投入資金')])),
      ),
    ).toEqual([]);
  });

  it('people above headcount, but not person-times', () => {
    const vets = pub('v', '2,000', '人', { figure: 'employees.veterans@group/2025' });
    const b = smallGroup([vets]);
    const withVets = {
      ...b,
      dataPoints: [...b.dataPoints, dp('group', 'employees.veterans', '2000 person')],
    };
    expect(codes(only('exceeds-bound')(runRule(plausibilityRule, withVets)))).toEqual([
      'warning:exceeds-bound',
    ]);
    expect(
      only('exceeds-bound')(
        runRule(plausibilityRule, smallGroup([said('x', '1,900', '人', '參加體檢員工')])),
      ),
    ).toHaveLength(1);
    expect(
      only('exceeds-bound')(runRule(plausibilityRule, smallGroup([said('x', '5,000', '人次', '員工培訓')]))),
    ).toEqual([]);
    // at the bound: 1,839 printed for a headcount of 1,839 is fine
    expect(
      only('exceeds-bound')(
        runRule(plausibilityRule, smallGroup([said('x', '1,839', '人', '參加體檢員工')])),
      ),
    ).toEqual([]);
  });

  it('savings above consumption', () => {
    const b = smallGroup([pub('ws', '600,000', '立方米', { figure: 'water.saved@group/2025' })]);
    const water = {
      ...b,
      dataPoints: [
        ...b.dataPoints,
        dp('group', 'water.saved', '600000 m³'),
        dp('group', 'water.withdrawal', '500000 m³'),
      ],
    };
    expect(codes(only('exceeds-bound')(runRule(plausibilityRule, water)))).toEqual(['warning:exceeds-bound']);
    // electricity saved, untied, against the energy consumed (100 t diesel + 1,000 MWh ≈ 2,185 MWh)
    const saved = (t: string) => said('es', t, '兆瓦時', '全年節約用電');
    expect(codes(only('exceeds-bound')(runRule(plausibilityRule, smallGroup([saved('5,000')]))))).toEqual([
      'warning:exceeds-bound',
    ]);
    expect(only('exceeds-bound')(runRule(plausibilityRule, smallGroup([saved('500')])))).toEqual([]);
  });

  it('a share above 100 %, but not a growth rate', () => {
    const share = said('s', '112.5%', '', '再生水利用率');
    expect(codes(only('rate-out-of-range')(runRule(plausibilityRule, smallGroup([share]))))).toEqual([
      'warning:rate-out-of-range',
    ]);
    expect(
      only('rate-out-of-range')(
        runRule(plausibilityRule, smallGroup([said('g', '112.5%', '', '營業收入較上年增長比例')])),
      ),
    ).toEqual([]);
    expect(
      only('rate-out-of-range')(
        runRule(plausibilityRule, smallGroup([said('s', '100.0%', '', '再生水利用率')])),
      ),
    ).toEqual([]);
  });
});
