/**
 * The breakdown axes (indicator.ts `Axis`) by their printed names (issue #19), here beside the
 * model so the checks may name them (climate-labels.ts likewise); glossary/terms.ts re-exports.
 */
export const AXIS_TERMS: Readonly<
  Record<string, { readonly 'zh-Hant': string; readonly en: string; readonly 'zh-Hans': string }>
> = {
  gender: { 'zh-Hant': '性別', en: 'Gender', 'zh-Hans': '性别' },
  'age-band': { 'zh-Hant': '年齡組別', en: 'Age band', 'zh-Hans': '年龄组别' },
  'employment-type': { 'zh-Hant': '僱傭類型', en: 'Employment type', 'zh-Hans': '雇佣类型' },
  rank: { 'zh-Hant': '職級', en: 'Rank', 'zh-Hans': '职级' },
  region: { 'zh-Hant': '地區', en: 'Region', 'zh-Hans': '地区' },
  fuel: { 'zh-Hant': '燃料', en: 'Fuel', 'zh-Hans': '燃料' },
  scope: { 'zh-Hant': '範圍', en: 'Scope', 'zh-Hans': '范围' },
  category: { 'zh-Hant': '類別', en: 'Category', 'zh-Hans': '类别' },
  channel: { 'zh-Hant': '渠道', en: 'Channel', 'zh-Hans': '渠道' },
  source: { 'zh-Hant': '來源', en: 'Source', 'zh-Hans': '来源' },
  hazard: { 'zh-Hant': '危害類別', en: 'Hazard', 'zh-Hans': '危害类别' },
  product: { 'zh-Hant': '產品', en: 'Product', 'zh-Hans': '产品' },
  material: { 'zh-Hant': '物料', en: 'Material', 'zh-Hans': '物料' },
  pollutant: { 'zh-Hant': '污染物', en: 'Pollutant', 'zh-Hans': '污染物' },
  expertise: { 'zh-Hant': '專業背景', en: 'Expertise', 'zh-Hans': '专业背景' },
};
