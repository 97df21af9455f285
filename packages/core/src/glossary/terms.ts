/**
 * The report glossary: fixed terms in Traditional Chinese (primary), English and Simplified
 * Chinese. Renderers and the report builder take terms from here, never from ad hoc strings,
 * so both languages use the same words throughout and the Simplified draft keeps mainland
 * usage (e.g. 範圍1 → 范围1, not opencc's word-by-word output).
 * zh-Hant usage follows the reference report's own terms (範圍1/2/3, 噸標準煤); it writes
 * scopes with Arabic digits, which also keeps the digits identical across languages.
 */
export type Term = { readonly 'zh-Hant': string; readonly en: string; readonly 'zh-Hans': string };

export const TERMS = {
  scope1: { 'zh-Hant': '範圍1', en: 'Scope 1', 'zh-Hans': '范围1' },
  scope2: { 'zh-Hant': '範圍2', en: 'Scope 2', 'zh-Hans': '范围2' },
  scope3: { 'zh-Hant': '範圍3', en: 'Scope 3', 'zh-Hans': '范围3' },
  scope2Location: {
    'zh-Hant': '範圍2（基於位置）',
    en: 'Scope 2 (location-based)',
    'zh-Hans': '范围2（基于位置）',
  },
  scope2Market: {
    'zh-Hant': '範圍2（基於市場）',
    en: 'Scope 2 (market-based)',
    'zh-Hans': '范围2（基于市场）',
  },
  ghg: { 'zh-Hant': '溫室氣體', en: 'greenhouse gas', 'zh-Hans': '温室气体' },
  tce: { 'zh-Hant': '噸標準煤', en: 'tce', 'zh-Hans': '吨标准煤' },
  co2e: { 'zh-Hant': '二氧化碳當量', en: 'CO2 equivalent', 'zh-Hans': '二氧化碳当量' },
  esg: {
    'zh-Hant': '環境、社會及管治',
    en: 'environmental, social and governance',
    'zh-Hans': '环境、社会及管治',
  },
  sustainability: { 'zh-Hant': '可持續發展', en: 'sustainability', 'zh-Hans': '可持续发展' },
  materiality: { 'zh-Hant': '重要性', en: 'materiality', 'zh-Hans': '重要性' },
  stakeholder: { 'zh-Hant': '持份者', en: 'stakeholder', 'zh-Hans': '利益相关方' },
  board: { 'zh-Hant': '董事會', en: 'board', 'zh-Hans': '董事会' },
  hkex: { 'zh-Hant': '香港聯合交易所', en: 'Hong Kong Stock Exchange', 'zh-Hans': '香港联合交易所' },
  renewable: { 'zh-Hant': '可再生能源', en: 'renewable energy', 'zh-Hans': '可再生能源' },
  hazardousWaste: { 'zh-Hant': '有害廢棄物', en: 'hazardous waste', 'zh-Hans': '有害废弃物' },
  nonHazardousWaste: { 'zh-Hant': '無害廢棄物', en: 'non-hazardous waste', 'zh-Hans': '无害废弃物' },
  climateRisk: { 'zh-Hant': '氣候相關風險', en: 'climate-related risk', 'zh-Hans': '气候相关风险' },
  intensity: { 'zh-Hant': '密度', en: 'intensity', 'zh-Hans': '强度' },
  ltifr: { 'zh-Hant': '損失工時工傷率', en: 'lost-time injury frequency rate', 'zh-Hans': '损失工时工伤率' },
  anticorruption: { 'zh-Hant': '反貪污', en: 'anti-corruption', 'zh-Hans': '反腐败' },
  supplyChain: { 'zh-Hant': '供應鏈', en: 'supply chain', 'zh-Hans': '供应链' },
  contentIndex: { 'zh-Hant': '內容索引', en: 'content index', 'zh-Hans': '内容索引' },
} as const satisfies Record<string, Term>;

export type TermId = keyof typeof TERMS;

/** Codes used as disaggregation values, with their printed labels. Unknown codes print as is. */
export const AXIS_VALUES: Readonly<Record<string, Term>> = {
  female: { 'zh-Hant': '女性', en: 'Female', 'zh-Hans': '女性' },
  male: { 'zh-Hant': '男性', en: 'Male', 'zh-Hans': '男性' },
  senior: { 'zh-Hant': '高級管理層', en: 'Senior management', 'zh-Hans': '高级管理层' },
  middle: { 'zh-Hant': '中級管理層', en: 'Middle management', 'zh-Hans': '中级管理层' },
  general: { 'zh-Hant': '一般員工', en: 'General staff', 'zh-Hans': '一般员工' },
  'full-time': { 'zh-Hant': '全職', en: 'Full-time', 'zh-Hans': '全职' },
  'part-time': { 'zh-Hant': '兼職', en: 'Part-time', 'zh-Hans': '兼职' },
  diesel: { 'zh-Hant': '柴油', en: 'Diesel', 'zh-Hans': '柴油' },
  gasoline: { 'zh-Hant': '汽油', en: 'Gasoline', 'zh-Hans': '汽油' },
  'natural-gas': { 'zh-Hant': '天然氣', en: 'Natural gas', 'zh-Hans': '天然气' },
  coke: { 'zh-Hant': '焦炭', en: 'Coke', 'zh-Hans': '焦炭' },
  'raw-coal': { 'zh-Hant': '原煤', en: 'Raw coal', 'zh-Hans': '原煤' },
  lpg: { 'zh-Hant': '液化石油氣', en: 'LPG', 'zh-Hans': '液化石油气' },
  electricity: { 'zh-Hant': '電力', en: 'Electricity', 'zh-Hans': '电力' },
  grid: { 'zh-Hant': '外購電力', en: 'Purchased electricity', 'zh-Hans': '外购电力' },
  solar: { 'zh-Hant': '太陽能', en: 'Solar', 'zh-Hans': '太阳能' },
  wind: { 'zh-Hant': '風能', en: 'Wind', 'zh-Hans': '风能' },
  heat: { 'zh-Hant': '熱力', en: 'Heat', 'zh-Hans': '热力' },
  steam: { 'zh-Hant': '蒸汽', en: 'Steam', 'zh-Hans': '蒸汽' },
  nickel: { 'zh-Hant': '鎳', en: 'Nickel', 'zh-Hans': '镍' },
  copper: { 'zh-Hant': '銅', en: 'Copper', 'zh-Hans': '铜' },
  short: { 'zh-Hant': '短期', en: 'Short term', 'zh-Hans': '短期' },
  medium: { 'zh-Hant': '中期', en: 'Medium term', 'zh-Hans': '中期' },
  long: { 'zh-Hant': '長期', en: 'Long term', 'zh-Hans': '长期' },
};
