/** The Scope 3 checks (issue #21): method changed without a restatement note, double counting, unjustified exclusions. */
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../model/bundle.js';
import type { ActivityLine } from '../../model/fact.js';
import type { FactorRecord } from '../../model/factor-record.js';
import type { Methods } from '../../model/methods.js';
import { type BundleOptions, bundle, explanation, fuel, line, sub } from '../../testing/bundle-builder.js';
import { checkBundle } from '../check-bundle.js';

const f = (kind: string, keys: Record<string, string>, value: string, unit: string): FactorRecord => ({
  id: `test-set/${kind}/${Object.values(keys).join('-') || 'all'}`,
  kind,
  method: 'test-set',
  value,
  unit,
  keys,
  vintage: 2024,
  document: 'test fixture (made-up values)',
  status: 'UNVERIFIED',
});
const FACTORS = [
  f('scope3-wtt', { fuel: 'diesel' }, '0.6', 'tCO2e/t'),
  f('scope3-average', { item: 'concentrate' }, '1.2', 'tCO2e/t'),
  f('scope3-average', { item: 'diesel' }, '0.6', 'tCO2e/t'),
];

const s3 = (category: string, amount: string, attributes: Record<string, string> = {}, period = '2025') =>
  line('s', 'scope3', category, amount, { attributes, period });

function findings(lines: ActivityLine[], scope3: NonNullable<Methods['scope3']>, o: BundleOptions = {}) {
  const b: Bundle = {
    ...bundle({ entities: [sub('s')], lines, methods: { scope3 }, ...o }),
    factors: FACTORS,
  };
  return checkBundle(b).findings.filter((x) => x.code.startsWith('scope3-'));
}
const sets = { factorSets: { 'cat-1': 'test-set' } };

describe('a category whose method changed year on year', () => {
  const lines = () => [
    s3('cat-1', '700 tCO2e', {}, '2024'),
    s3('cat-1', '500 t', { method: 'average-data', item: 'concentrate' }),
  ];

  it('is a warning without a restatement note, naming both methods', () => {
    const [x, ...rest] = findings(lines(), sets);
    expect(rest).toEqual([]);
    expect(x).toMatchObject({
      ruleId: 'year-on-year',
      code: 'scope3-method-changed',
      severity: 'warning',
      expected: 'given',
      actual: 'average-data',
      where: { figureId: 'ghg.scope3[category=cat-1]@group/2025' },
    });
    expect(x?.message['zh-Hant']).toContain('平均數據法');
    expect(x?.message['zh-Hant']).not.toMatch(/[A-Za-z]/);
  });

  it('is quiet with a restatement note (an explanation of the category figure), or when the method is the same', () => {
    const note = {
      registers: { explanations: [explanation('ghg.scope3[category=cat-1]@group/2025', 'Method changed.')] },
    };
    expect(findings(lines(), sets, note)).toEqual([]);
    const same = [
      s3('cat-1', '400 t', { method: 'average-data', item: 'concentrate' }, '2024'),
      ...lines().slice(1),
    ];
    expect(findings(same, sets)).toEqual([]);
  });
});

describe('double counting with category 3 derived from Scope 1 and 2', () => {
  const withCat3 = { factorSets: { 'cat-1': 'test-set', 'cat-3': 'test-set' } };

  it('a hand-entered category 3 line beside the derived one is a warning naming both lines', () => {
    const diesel = fuel('s', 'diesel', '100 t');
    const hand = s3('cat-3', '60 tCO2e');
    const [x, ...rest] = findings([diesel, hand], withCat3);
    expect(rest).toEqual([]);
    expect(x).toMatchObject({
      ruleId: 'reconciliation',
      code: 'scope3-double-count',
      severity: 'warning',
      actual: hand.id,
      expected: diesel.id,
    });
    // without a cat-3 factor set nothing is derived: the hand-entered line is the only one
    expect(findings([fuel('s', 'diesel', '100 t'), s3('cat-3', '60 tCO2e')], sets)).toEqual([]);
  });

  it('a Scope 3 line naming a fuel whose well-to-tank is derived is a warning', () => {
    const diesel = fuel('s', 'diesel', '100 t');
    const reused = s3('cat-1', '100 t', { method: 'average-data', item: 'diesel' });
    const found = findings([diesel, reused], withCat3);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'scope3-double-count', actual: reused.id, expected: diesel.id });
    const other = s3('cat-1', '100 t', { method: 'average-data', item: 'concentrate' });
    expect(findings([fuel('s', 'diesel', '100 t'), other], withCat3)).toEqual([]);
  });
});

describe('exclusions the screening does not justify', () => {
  const t = (en: string) => ({ en, 'zh-Hant': '理由' });
  const lines = () => [
    s3('cat-1', '500 t', { method: 'average-data', item: 'concentrate' }),
    s3('cat-2', '300 tCO2e', { screening: 'yes' }),
    s3('cat-6', '1 tCO2e', { screening: 'yes' }),
  ];
  const excludedAllBut = (keep: string[]) =>
    Object.fromEntries(
      Array.from({ length: 15 }, (_, i) => `cat-${i + 1}`)
        .filter((c) => !keep.includes(c))
        .map((c) => [c, t(`not relevant: ${c}`)]),
    );

  it('a relevant category left out without a justification is a warning; an irrelevant one is info', () => {
    const screening = { thresholdPercent: '5', excluded: excludedAllBut(['cat-1', 'cat-2', 'cat-6']) };
    const found = findings(lines(), { ...sets, screening });
    // cat-2: 300 ÷ (600 + 300 + 1) = 33.3 % ≥ 5 %: relevant by size; cat-6: 0.1 %
    expect(found.map((x) => [x.where.figureId, x.severity])).toEqual([
      ['ghg.scope3[category=cat-2]@group/2025', 'warning'],
      ['ghg.scope3[category=cat-6]@group/2025', 'info'],
    ]);
    expect(found[0]?.message.en).toContain('relevant (size; 33.3 % of the screened 901 tCO2e)');
    expect(found[0]?.message['zh-Hant']).toContain('規模');
  });

  it('is quiet when every excluded category has a justification, and without a screening', () => {
    const screening = { thresholdPercent: '5', excluded: excludedAllBut(['cat-1']) };
    expect(findings(lines(), { ...sets, screening })).toEqual([]);
    expect(findings(lines(), sets)).toEqual([]);
  });
});
