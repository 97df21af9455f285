/**
 * Printed labels of the codes the pages show (issue #19): breakdown values (a copy of core
 * glossary/terms.ts AXIS_VALUES, en and zh-Hant; the web app imports no package, and
 * packages/server/test/web-glossary-copy.test.ts fails when the copy drifts from core), the
 * breakdown axes (core model/indicator.ts `Axis`) and the dimensions (core units/dimension.ts
 * BASE_DIMENSIONS, and "ratio"). A code not listed is shown as it is.
 */
// No imports: the server's test of this copy compiles it too (packages/server/test/web-glossary-copy.test.ts).
type Lang = 'en' | 'zh-Hant';
type Localised = { 'zh-Hant': string; en: string };

export const AXIS_VALUES: Readonly<Record<string, Localised>> = {
  female: { 'zh-Hant': '女性', en: 'Female' },
  male: { 'zh-Hant': '男性', en: 'Male' },
  senior: { 'zh-Hant': '高級管理層', en: 'Senior management' },
  middle: { 'zh-Hant': '中級管理層', en: 'Middle management' },
  general: { 'zh-Hant': '一般員工', en: 'General staff' },
  'full-time': { 'zh-Hant': '全職', en: 'Full-time' },
  'part-time': { 'zh-Hant': '兼職', en: 'Part-time' },
  diesel: { 'zh-Hant': '柴油', en: 'Diesel' },
  gasoline: { 'zh-Hant': '汽油', en: 'Gasoline' },
  'natural-gas': { 'zh-Hant': '天然氣', en: 'Natural gas' },
  coke: { 'zh-Hant': '焦炭', en: 'Coke' },
  'raw-coal': { 'zh-Hant': '原煤', en: 'Raw coal' },
  lpg: { 'zh-Hant': '液化石油氣', en: 'LPG' },
  anthracite: { 'zh-Hant': '無煙煤', en: 'Anthracite' },
  'bituminous-coal': { 'zh-Hant': '煙煤', en: 'Bituminous coal' },
  lignite: { 'zh-Hant': '褐煤', en: 'Lignite' },
  'washed-coal': { 'zh-Hant': '洗精煤', en: 'Washed coal' },
  'crude-oil': { 'zh-Hant': '原油', en: 'Crude oil' },
  'fuel-oil': { 'zh-Hant': '燃料油', en: 'Fuel oil' },
  kerosene: { 'zh-Hant': '煤油', en: 'Kerosene' },
  lng: { 'zh-Hant': '液化天然氣', en: 'LNG' },
  'refinery-gas': { 'zh-Hant': '煉廠乾氣', en: 'Refinery gas' },
  'coke-oven-gas': { 'zh-Hant': '焦爐煤氣', en: 'Coke oven gas' },
  'blast-furnace-gas': { 'zh-Hant': '高爐煤氣', en: 'Blast furnace gas' },
  'petroleum-coke': { 'zh-Hant': '石油焦', en: 'Petroleum coke' },
  'steam-low-pressure': { 'zh-Hant': '低壓蒸汽', en: 'Low-pressure steam' },
  'waste-heat': { 'zh-Hant': '餘熱', en: 'Waste heat' },
  'green-electricity-certificate': { 'zh-Hant': '綠色電力證書', en: 'Green electricity certificate' },
  electricity: { 'zh-Hant': '電力', en: 'Electricity' },
  grid: { 'zh-Hant': '外購電力', en: 'Purchased electricity' },
  solar: { 'zh-Hant': '太陽能', en: 'Solar' },
  wind: { 'zh-Hant': '風能', en: 'Wind' },
  heat: { 'zh-Hant': '熱力', en: 'Heat' },
  steam: { 'zh-Hant': '蒸汽', en: 'Steam' },
  nickel: { 'zh-Hant': '鎳', en: 'Nickel' },
  copper: { 'zh-Hant': '銅', en: 'Copper' },
  cement: { 'zh-Hant': '水泥', en: 'Cement' },
  clinker: { 'zh-Hant': '熟料', en: 'Clinker' },
  short: { 'zh-Hant': '短期', en: 'Short term' },
  medium: { 'zh-Hant': '中期', en: 'Medium term' },
  long: { 'zh-Hant': '長期', en: 'Long term' },
  '30-39': { 'zh-Hant': '30–39歲', en: 'Aged 30–39' },
  '35-49': { 'zh-Hant': '35–49歲', en: 'Aged 35–49' },
  '35-or-under': { 'zh-Hant': '35歲及以下', en: 'Aged 35 or under' },
  '40-49': { 'zh-Hant': '40–49歲', en: 'Aged 40–49' },
  '50-59': { 'zh-Hant': '50–59歲', en: 'Aged 50–59' },
  '50-or-over': { 'zh-Hant': '50歲及以上', en: 'Aged 50 or over' },
  '60-69': { 'zh-Hant': '60–69歲', en: 'Aged 60–69' },
  accounting: { 'zh-Hant': '會計', en: 'Accounting' },
  business: { 'zh-Hant': '商業', en: 'Business' },
  geology: { 'zh-Hant': '地質', en: 'Geology' },
  law: { 'zh-Hant': '法律', en: 'Law' },
  mining: { 'zh-Hant': '採礦', en: 'Mining' },
  'employee-representative': { 'zh-Hant': '職工代表', en: 'Employee representative' },
  executive: { 'zh-Hant': '執行董事', en: 'Executive director' },
  'independent-non-executive': { 'zh-Hant': '獨立非執行董事', en: 'Independent non-executive director' },
  'non-executive': { 'zh-Hant': '非執行董事', en: 'Non-executive director' },
  'hong-kong': { 'zh-Hant': '香港', en: 'Hong Kong' },
  'mainland-china': { 'zh-Hant': '中國內地', en: 'Mainland China' },
  anhui: { 'zh-Hant': '安徽', en: 'Anhui' },
  beijing: { 'zh-Hant': '北京', en: 'Beijing' },
  chongqing: { 'zh-Hant': '重慶', en: 'Chongqing' },
  fujian: { 'zh-Hant': '福建', en: 'Fujian' },
  gansu: { 'zh-Hant': '甘肅', en: 'Gansu' },
  guangdong: { 'zh-Hant': '廣東', en: 'Guangdong' },
  hebei: { 'zh-Hant': '河北', en: 'Hebei' },
  heilongjiang: { 'zh-Hant': '黑龍江', en: 'Heilongjiang' },
  henan: { 'zh-Hant': '河南', en: 'Henan' },
  hubei: { 'zh-Hant': '湖北', en: 'Hubei' },
  hunan: { 'zh-Hant': '湖南', en: 'Hunan' },
  jiangsu: { 'zh-Hant': '江蘇', en: 'Jiangsu' },
  jiangxi: { 'zh-Hant': '江西', en: 'Jiangxi' },
  jilin: { 'zh-Hant': '吉林', en: 'Jilin' },
  liaoning: { 'zh-Hant': '遼寧', en: 'Liaoning' },
  shaanxi: { 'zh-Hant': '陝西', en: 'Shaanxi' },
  shandong: { 'zh-Hant': '山東', en: 'Shandong' },
  shanghai: { 'zh-Hant': '上海', en: 'Shanghai' },
  shanxi: { 'zh-Hant': '山西', en: 'Shanxi' },
  sichuan: { 'zh-Hant': '四川', en: 'Sichuan' },
  tianjin: { 'zh-Hant': '天津', en: 'Tianjin' },
  xinjiang: { 'zh-Hant': '新疆', en: 'Xinjiang' },
  yunnan: { 'zh-Hant': '雲南', en: 'Yunnan' },
  zhejiang: { 'zh-Hant': '浙江', en: 'Zhejiang' },
  biomass: { 'zh-Hant': '生物質能', en: 'Biomass' },
  hydro: { 'zh-Hant': '水力', en: 'Hydropower' },
  campus: { 'zh-Hant': '校園招聘', en: 'Campus recruitment' },
  social: { 'zh-Hant': '社會招聘', en: 'Experienced hires' },
  other: { 'zh-Hant': '其他', en: 'Other' },
  childcare: { 'zh-Hant': '育兒假', en: 'Childcare leave' },
  maternity: { 'zh-Hant': '產假', en: 'Maternity leave' },
  design: { 'zh-Hant': '外觀設計', en: 'Design' },
  invention: { 'zh-Hant': '發明', en: 'Invention' },
  'utility-model': { 'zh-Hant': '實用新型', en: 'Utility model' },
  'software-copyright': { 'zh-Hant': '軟件著作權', en: 'Software copyright' },
  donation: { 'zh-Hant': '捐贈', en: 'Donations' },
  'targeted-poverty-alleviation': { 'zh-Hant': '精準幫扶', en: 'Targeted poverty alleviation' },
  'external-consulting': { 'zh-Hant': '外部專業諮詢', en: 'External consulting' },
  internal: { 'zh-Hant': '內部', en: 'Internal' },
  'in-house-instructor': { 'zh-Hant': '內訓師授課', en: 'In-house instructors' },
  'safety-headquarters': { 'zh-Hant': '總部安全培訓', en: 'Headquarters safety training' },
  'safety-units': { 'zh-Hant': '各單位安全培訓', en: 'Unit safety training' },
  'integrity-pledge': { 'zh-Hant': '廉潔承諾書', en: 'Integrity pledges' },
  'responsibility-letter': { 'zh-Hant': '責任書', en: 'Responsibility letters' },
  board: { 'zh-Hant': '董事會會議', en: 'Board meetings' },
  'safety-committee': { 'zh-Hant': '安全委員會會議', en: 'Safety committee meetings' },
  'shareholders-meeting': { 'zh-Hant': '股東大會', en: 'Shareholders’ meetings' },
  'steel-strap': { 'zh-Hant': '打包鋼帶', en: 'Steel strapping' },
};

export const AXIS_NAMES: Readonly<Record<string, Localised>> = {
  gender: { 'zh-Hant': '性別', en: 'Gender' },
  'age-band': { 'zh-Hant': '年齡組別', en: 'Age band' },
  'employment-type': { 'zh-Hant': '僱傭類型', en: 'Employment type' },
  rank: { 'zh-Hant': '職級', en: 'Rank' },
  region: { 'zh-Hant': '地區', en: 'Region' },
  fuel: { 'zh-Hant': '燃料', en: 'Fuel' },
  scope: { 'zh-Hant': '範圍', en: 'Scope' },
  category: { 'zh-Hant': '類別', en: 'Category' },
  channel: { 'zh-Hant': '渠道', en: 'Channel' },
  source: { 'zh-Hant': '來源', en: 'Source' },
  hazard: { 'zh-Hant': '危害類別', en: 'Hazard' },
  product: { 'zh-Hant': '產品', en: 'Product' },
  material: { 'zh-Hant': '物料', en: 'Material' },
  pollutant: { 'zh-Hant': '污染物', en: 'Pollutant' },
  expertise: { 'zh-Hant': '專業背景', en: 'Expertise' },
};

const DIMENSION_NAMES: Readonly<Record<string, Localised>> = {
  mass: { 'zh-Hant': '質量', en: 'mass' },
  energy: { 'zh-Hant': '能量', en: 'energy' },
  volume: { 'zh-Hant': '體積', en: 'volume' },
  co2e: { 'zh-Hant': '二氧化碳當量', en: 'co2e' },
  carbon: { 'zh-Hant': '碳', en: 'carbon' },
  currency: { 'zh-Hant': '人民幣', en: 'currency' },
  hkd: { 'zh-Hant': '港元', en: 'hkd' },
  usd: { 'zh-Hant': '美元', en: 'usd' },
  count: { 'zh-Hant': '數目', en: 'count' },
  time: { 'zh-Hant': '時間', en: 'time' },
  area: { 'zh-Hant': '面積', en: 'area' },
  length: { 'zh-Hant': '長度', en: 'length' },
  freight: { 'zh-Hant': '貨運量', en: 'freight' },
  'passenger-travel': { 'zh-Hant': '客運量', en: 'passenger-travel' },
  ratio: { 'zh-Hant': '比率', en: 'ratio' },
};

export const axisValueLabel = (code: string, lang: Lang): string => AXIS_VALUES[code]?.[lang] ?? code;
export const axisName = (code: string, lang: Lang): string => AXIS_NAMES[code]?.[lang] ?? code;
/** "co2e/currency" → "二氧化碳當量/人民幣" in Chinese; the key itself in English. */
export const dimensionLabel = (key: string, lang: Lang): string =>
  lang === 'en'
    ? key
    : (DIMENSION_NAMES[key]?.[lang] ??
      key
        .split('/')
        .map((d) => DIMENSION_NAMES[d.replace(/\^\d+$/, '')]?.[lang] ?? d)
        .join('/'));

/**
 * A data point's breakdown as a page shows it: in Chinese "性別：男性；職級：高級管理層", in
 * English the codes as before ("gender=male; rank=senior").
 */
export function disaggregationText(d: Readonly<Record<string, string>>, lang: Lang): string {
  const pairs = Object.entries(d);
  return lang === 'en'
    ? pairs.map(([k, v]) => `${k}=${v}`).join('; ')
    : pairs.map(([k, v]) => `${axisName(k, lang)}：${axisValueLabel(v, lang)}`).join('；');
}
