/**
 * Scope 3 screening (issue #21) and what it gives the HKEX content index (Part D (e)). The factor
 * set is a test fixture (round made-up values): what is tested is the arithmetic and the rules.
 */
import { describe, expect, it } from 'vitest';
import { serializeBundle } from '../../bundle/serialize-bundle.js';
import { assessCompleteness } from '../../frameworks/assess-completeness.js';
import { buildContentIndex } from '../../frameworks/content-index.js';
import type { Bundle } from '../../model/bundle.js';
import type { ActivityLine } from '../../model/fact.js';
import type { FactorRecord } from '../../model/factor-record.js';
import type { Scope3ScreeningSettings } from '../../model/methods.js';
import { reportContentIndex } from '../../report/content-index.js';
import { provisionsFromCompleteness } from '../../report/provisions-from-completeness.js';
import { bundle, line, sub } from '../../testing/bundle-builder.js';
import { validateBundle } from '../../validate/validate-bundle.js';
import { evaluateBundle } from '../evaluate-bundle.js';
import { screenScope3 } from './screening.js';

const FACTORS: FactorRecord[] = [
  {
    id: 'test-set/avg/concentrate',
    kind: 'scope3-average',
    method: 'test-set',
    value: '1.2',
    unit: 'tCO2e/t',
    keys: { item: 'concentrate' },
    vintage: 2024,
    document: 'test fixture (made-up values)',
    status: 'UNVERIFIED',
  },
  {
    id: 'test-set/spend/machinery',
    kind: 'scope3-spend',
    method: 'test-set',
    value: '0.5',
    unit: 'kgCO2e/CNY',
    keys: { sector: 'machinery' },
    vintage: 2024,
    priceYear: 2025,
    document: 'test fixture (made-up values)',
    status: 'UNVERIFIED',
  },
];

const t = (en: string, zh: string) => ({ en, 'zh-Hant': zh });
const SCREENING: Scope3ScreeningSettings = {
  thresholdPercent: '5',
  relevant: { 'cat-11': ['stakeholders'] },
  excluded: {
    'cat-6': t('travel is a small share of the screened total', '差旅佔篩選總量比例很小'),
    'cat-11': t('the group sells no product that uses energy', '本集團售出的產品使用時不耗能'),
  },
};

const s3 = (category: string, amount: string, attributes: Record<string, string> = {}) =>
  line('s', 'scope3', category, amount, { attributes });

/** Reported: cat-1 500 t × 1.2 = 600, cat-4 30 as given. Screening: cat-2 1,000,000 CNY × 0.5 kg = 500; cat-6 5 as given. */
const LINES = (): ActivityLine[] => [
  s3('cat-1', '500 t', { method: 'average-data', item: 'concentrate' }),
  s3('cat-4', '30 tCO2e'),
  s3('cat-2', '1000000 CNY', {
    method: 'spend-based',
    sector: 'machinery',
    'price-year': '2025',
    screening: 'yes',
  }),
  s3('cat-6', '5 tCO2e', { screening: 'yes' }),
];

function make(
  lines: ActivityLine[],
  screening: Scope3ScreeningSettings | undefined = SCREENING,
  o = {},
): Bundle {
  const b = bundle({
    entities: [sub('s')],
    lines,
    methods: {
      scope3: {
        factorSets: { 'cat-1': 'test-set', 'cat-2': 'test-set' },
        ...(screening === undefined ? {} : { screening }),
      },
    },
    ...o,
  });
  return { ...b, factors: FACTORS };
}

describe('Scope 3 screening', () => {
  const b = make(LINES());
  const { graph } = evaluateBundle(b);
  const s = screenScope3(b, graph);
  const cat = (id: string) => s.categories.find((c) => c.category === id);

  it('estimates every category: reported figures first, screening lines where nothing is reported', () => {
    expect(s.categories).toHaveLength(15);
    // 600 + 30 + 500 + 5 = 1,135 tCO2e screened
    expect(s.total.toString()).toBe('1135');
    expect(cat('cat-1')).toMatchObject({ basis: 'reported', included: true, methods: ['average-data'] });
    expect(cat('cat-1')?.estimate?.toString()).toBe('600');
    // 1,000,000 CNY × 0.5 kgCO2e/CNY = 500,000 kg = 500 t, spend-based
    expect(cat('cat-2')).toMatchObject({ basis: 'screening', included: false, methods: ['spend-based'] });
    expect(cat('cat-2')?.estimate?.toString()).toBe('500');
    expect(cat('cat-7')).toMatchObject({ basis: 'none', included: false, relevantBy: [] });
    expect(cat('cat-7')?.estimate).toBeUndefined();
  });

  it('flags relevance by size (≥ 5 % of the screened total) and by the stated criteria', () => {
    // cat-2: 500 ÷ 1,135 = 44.05 %; cat-4: 30 ÷ 1,135 = 2.64 %; cat-6: 0.44 %
    expect(cat('cat-2')?.share?.toFixed(2)).toBe('44.05');
    expect(cat('cat-2')?.relevantBy).toEqual(['size']);
    expect(cat('cat-4')?.share?.toFixed(2)).toBe('2.64');
    expect(cat('cat-4')?.relevantBy).toEqual([]);
    expect(cat('cat-11')?.relevantBy).toEqual(['stakeholders']);
    // a threshold of 2.5 % makes cat-4 relevant by size
    const lower = make(LINES(), { ...SCREENING, thresholdPercent: '2.5' });
    const c4 = screenScope3(lower, evaluateBundle(lower).graph).categories.find(
      (c) => c.category === 'cat-4',
    );
    expect(c4?.relevantBy).toEqual(['size']);
  });

  it('records the justification of excluded categories, and none for included ones', () => {
    expect(cat('cat-6')?.justification?.en).toBe('travel is a small share of the screened total');
    expect(cat('cat-1')?.justification).toBeUndefined();
    expect(cat('cat-2')?.justification).toBeUndefined();
  });

  it('keeps screening estimates out of the inventory: Scope 3 is 600 + 30 = 630', () => {
    const v = graph.value('ghg.scope3@group/2025');
    expect(v?.kind === 'quantity' && v.value.toString()).toBe('630');
    expect(graph.has('ghg.scope3[category=cat-2]@group/2025')).toBe(false);
  });
});

describe('the screening settings in assay.yaml', () => {
  it('round-trip through the bundle folder form, factors with their geography', () => {
    const b = { ...make(LINES()), factors: [{ ...(FACTORS[0] as FactorRecord), geography: 'UK' }] };
    const again = validateBundle(serializeBundle(b));
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect(again.bundle.methods.scope3).toEqual(b.methods.scope3);
    expect(again.bundle.factors[0]?.geography).toBe('UK');
  });

  it('refuses a threshold that is not a per cent and a criterion the Standard does not list', () => {
    const raw = serializeBundle(make(LINES()));
    const settings = raw.settings.data as { methods: { scope3: { screening: Record<string, unknown> } } };
    settings.methods.scope3.screening.thresholdPercent = '150';
    settings.methods.scope3.screening.relevant = { 'cat-11': ['popularity'] };
    const v = validateBundle(raw);
    expect(v.ok ? [] : v.issues.map((i) => i.column)).toEqual([
      'methods.scope3.screening.thresholdPercent',
      'methods.scope3.screening.relevant.cat-11.0',
    ]);
  });
});

describe('HKEX Part D (e) in the content index', () => {
  const index = (b: Bundle, year?: string) => {
    const { figures } = evaluateBundle(b);
    const report = assessCompleteness({ bundle: b, figures, framework: 'hkex', ...(year ? { year } : {}) });
    const row = report.provisions.find((p) => p.provision.code === 'D.MT.GHG.e');
    const content = (lang: 'en' | 'zh-Hant') =>
      buildContentIndex(report, lang).rows.find((r) => r.code === 'D.MT.GHG.e');
    const printed = reportContentIndex(b.registers, provisionsFromCompleteness([report])).find(
      (r) => r.code === 'D.MT.GHG.e',
    );
    return { row, content, printed };
  };

  it('disclosed, with the categories included and the justified exclusions', () => {
    const { row, content, printed } = index(make(LINES()));
    expect(row?.status).toBe('disclosed');
    expect(content('en')?.explanation).toBe(
      'Categories included: 1 Purchased goods and services; 4 Upstream transportation and distribution. Excluded after screening: 6 Business travel (travel is a small share of the screened total); 11 Use of sold products (the group sells no product that uses energy).',
    );
    expect(content('zh-Hant')?.explanation).toBe(
      '已計入的類別：1 外購商品及服務；4 上游運輸及配送。經篩選後未計入：6 商務差旅（差旅佔篩選總量比例很小）；11 售出產品的使用（本集團售出的產品使用時不耗能）。',
    );
    expect(printed?.status).toBe('disclosed');
    expect(printed?.explanation?.en).toContain('Categories included: 1 Purchased goods and services; 4');
  });

  it('explained with the screening’s justification when no category is reported', () => {
    const screeningOnly = LINES().filter((l) => l.attributes.screening === 'yes');
    const { row, content, printed } = index(make(screeningOnly));
    expect(row?.status).toBe('explained');
    expect(content('en')?.explanation).toBe(
      "Scope 3 emissions are not included in this year's measure. Screening of the 15 categories of the GHG Protocol Scope 3 Standard: 6 Business travel (travel is a small share of the screened total); 11 Use of sold products (the group sells no product that uses energy).",
    );
    expect(content('zh-Hant')?.explanation).toMatch(
      /^本年度的計量未計入範圍三排放。.*6 商務差旅（差旅佔篩選總量比例很小）/,
    );
    expect(printed?.status).toBe('explained');
  });

  it('missing without a screening justification, and never explained where Scope 3 is mandatory', () => {
    const screeningOnly = LINES().filter((l) => l.attributes.screening === 'yes');
    expect(index(make(screeningOnly, { thresholdPercent: '5' })).row?.status).toBe('missing');
    // LargeCap issuers must disclose Scope 3 from FY2026: a justification does not make it "explained"
    const largecap = make(screeningOnly, SCREENING, {
      issuerType: 'largecap',
      reporting: { current: '2026', prior: ['2025'] },
    });
    expect(index(largecap, '2026').row?.status).toBe('missing');
  });

  it('a register explanation of the provision comes before the screening’s', () => {
    const screeningOnly = LINES().filter((l) => l.attributes.screening === 'yes');
    const b = make(screeningOnly, SCREENING, {
      registers: {
        explanations: [{ subject: 'hkex:D.MT.GHG.e', text: t('Written by hand.', '人手撰寫。') }],
      },
    });
    expect(index(b).content('en')?.explanation).toBe('Written by hand.');
  });
});
