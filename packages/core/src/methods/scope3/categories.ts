/**
 * The 15 Scope 3 categories of the GHG Protocol Corporate Value Chain (Scope 3) Standard (WRI/WBCSD,
 * 2011), as data: id, names, direction, the calculation methods Assay accepts for each (from the
 * methods the Standard's Technical Guidance for Calculating Scope 3 Emissions (2013) describes for
 * the category; "given" is a figure calculated elsewhere and reported as given) and the minimum
 * boundary, paraphrased in our own words (the Standard's Table 5.4 is the authority).
 */
import type { Scope3Criterion } from '../../model/methods.js';
import type { LocalisedText } from '../../model/text.js';

export const SCOPE3_METHODS = [
  'given',
  'supplier-specific',
  'average-data',
  'spend-based',
  'distance-based',
  'waste-type',
] as const;
export type Scope3Method = (typeof SCOPE3_METHODS)[number];

/** The methods' names in the report languages. */
export const SCOPE3_METHOD_NAMES: { readonly [M in Scope3Method]: LocalisedText } = {
  given: { en: 'as given', 'zh-Hant': '按提供數據' },
  'supplier-specific': { en: 'supplier-specific', 'zh-Hant': '供應商特定數據法' },
  'average-data': { en: 'average-data', 'zh-Hant': '平均數據法' },
  'spend-based': { en: 'spend-based', 'zh-Hant': '支出法' },
  'distance-based': { en: 'distance-based', 'zh-Hant': '距離法' },
  'waste-type': { en: 'waste by treatment route', 'zh-Hant': '按廢棄物處理方式' },
};
/** The Standard's relevance criteria (model/methods.ts SCOPE3_CRITERIA) in the report languages. */
export const SCOPE3_CRITERION_NAMES: { readonly [C in Scope3Criterion]: LocalisedText } = {
  size: { en: 'size', 'zh-Hant': '規模' },
  influence: { en: 'influence', 'zh-Hant': '影響力' },
  risk: { en: 'risk', 'zh-Hant': '風險' },
  stakeholders: { en: 'stakeholders', 'zh-Hant': '持份者' },
  outsourcing: { en: 'outsourcing', 'zh-Hant': '外判' },
  'sector-guidance': { en: 'sector guidance', 'zh-Hant': '行業指引' },
  other: { en: 'other', 'zh-Hant': '其他' },
};
/** How category 3 is computed when it comes from the Scope 1 and 2 lines (scope3-upstream-energy.ts). */
export const SCOPE3_DERIVED_NAME: LocalisedText = {
  en: 'from Scope 1 and 2 activity data',
  'zh-Hant': '按範圍一及範圍二活動數據推算',
};

export type Scope3Category = {
  /** "cat-1" … "cat-15": the subject of a scope3 activity line. */
  readonly id: string;
  readonly number: number;
  readonly name: LocalisedText;
  readonly direction: 'upstream' | 'downstream';
  /** Methods a line of this category may name (attribute `method`); "given" when it names none. */
  readonly methods: readonly Scope3Method[];
  readonly minimumBoundary: string;
  /** Computed from Scope 1 and 2 activity lines where the factor set has the factors (scope3-upstream-energy.ts). */
  readonly derived?: string;
};

const cat = (
  number: number,
  en: string,
  zh: string,
  direction: Scope3Category['direction'],
  methods: readonly Scope3Method[],
  minimumBoundary: string,
  derived?: string,
): Scope3Category => ({
  id: `cat-${number}`,
  number,
  name: { en, 'zh-Hant': zh },
  direction,
  methods: ['given', ...methods],
  minimumBoundary,
  ...(derived === undefined ? {} : { derived }),
});

/**
 * Categories whose computed lines must state their assumptions (attribute `assumption`): the
 * processing (10), use (11) and end-of-life treatment (12) of sold products happen at customers
 * and waste handlers the company does not see, so the Technical Guidance asks the company to state
 * what it assumed (the process, the lifetime, the treatment route).
 */
export const SCOPE3_ASSUMPTION_CATEGORIES: ReadonlySet<string> = new Set(['cat-10', 'cat-11', 'cat-12']);

export const SCOPE3_CATEGORIES: readonly Scope3Category[] = [
  cat(
    1,
    'Purchased goods and services',
    '外購商品及服務',
    'upstream',
    ['supplier-specific', 'average-data', 'spend-based'],
    'Everything upstream (cradle to gate) of the goods and services bought in the year, other than those counted in categories 2 to 8.',
  ),
  cat(
    2,
    'Capital goods',
    '資本貨物',
    'upstream',
    ['supplier-specific', 'average-data', 'spend-based'],
    'Cradle-to-gate emissions of capital goods bought in the year, counted in full in the year of purchase, not depreciated.',
  ),
  cat(
    3,
    'Fuel- and energy-related activities (not included in Scope 1 or 2)',
    '燃料及能源相關活動（未計入範圍一或範圍二）',
    'upstream',
    ['supplier-specific', 'average-data'],
    'Extraction, production and transport of the fuels burned and of the fuels used to generate the electricity, steam and heat bought (well-to-tank), and the generation lost in transmission and distribution.',
    'well-to-tank of each fuel line and upstream and transmission losses of each purchased-electricity line, where the chosen factor set has those factors',
  ),
  cat(
    4,
    'Upstream transportation and distribution',
    '上游運輸及配送',
    'upstream',
    ['supplier-specific', 'distance-based', 'spend-based'],
    'Carriers’ emissions (Scope 1 and 2 of the carriers) from moving goods bought to the company’s own sites, and any transport the company pays for, including outbound, in vehicles it neither owns nor controls.',
  ),
  cat(
    5,
    'Waste generated in operations',
    '營運中產生的廢棄物',
    'upstream',
    ['supplier-specific', 'waste-type', 'average-data'],
    'Emissions of the third parties that dispose of or treat the waste of owned or controlled operations (Scope 1 and 2 of the waste handlers).',
  ),
  cat(
    6,
    'Business travel',
    '商務差旅',
    'upstream',
    ['distance-based', 'spend-based'],
    'Emissions of the carriers that move employees on business in vehicles the company neither owns nor controls (Scope 1 and 2 of the carriers).',
  ),
  cat(
    7,
    'Employee commuting',
    '員工通勤',
    'upstream',
    ['distance-based', 'average-data'],
    'Emissions of employees’ travel between home and work (Scope 1 and 2 of the employees and carriers).',
  ),
  cat(
    8,
    'Upstream leased assets',
    '上游租賃資產',
    'upstream',
    ['supplier-specific', 'average-data'],
    'Scope 1 and 2 emissions of assets the company leases and does not already count in its own Scope 1 or 2.',
  ),
  cat(
    9,
    'Downstream transportation and distribution',
    '下游運輸及配送',
    'downstream',
    ['supplier-specific', 'distance-based', 'spend-based'],
    'Emissions of moving sold products after the point of sale, in vehicles the company neither owns nor pays for (Scope 1 and 2 of carriers and retailers).',
  ),
  cat(
    10,
    'Processing of sold products',
    '售出產品的加工',
    'downstream',
    ['supplier-specific', 'average-data'],
    'Emissions of customers processing the intermediate products the company sold (their Scope 1 and 2), with the assumptions stated.',
  ),
  cat(
    11,
    'Use of sold products',
    '售出產品的使用',
    'downstream',
    ['average-data'],
    'Direct use-phase emissions of the products sold in the year over their expected lifetime (Scope 1 and 2 of the users), with the assumptions stated.',
  ),
  cat(
    12,
    'End-of-life treatment of sold products',
    '售出產品的報廢處理',
    'downstream',
    ['waste-type', 'average-data'],
    'Emissions of disposing of and treating the products sold in the year at the end of their life (Scope 1 and 2 of the waste handlers).',
  ),
  cat(
    13,
    'Downstream leased assets',
    '下游租賃資產',
    'downstream',
    ['supplier-specific', 'average-data'],
    'Scope 1 and 2 emissions of the lessees of assets the company owns and leases out, not already in its own Scope 1 or 2.',
  ),
  cat(
    14,
    'Franchises',
    '特許經營',
    'downstream',
    ['supplier-specific', 'average-data'],
    'Scope 1 and 2 emissions of franchisees, reported by the franchisor.',
  ),
  cat(
    15,
    'Investments',
    '投資',
    'downstream',
    ['supplier-specific', 'average-data', 'spend-based'],
    'Scope 1 and 2 emissions of investees in proportion to the share held, for investments not consolidated in Scope 1 and 2.',
  ),
];

const BY_ID: ReadonlyMap<string, Scope3Category> = new Map(SCOPE3_CATEGORIES.map((c) => [c.id, c]));

export function scope3Category(id: string): Scope3Category | undefined {
  return BY_ID.get(id);
}
