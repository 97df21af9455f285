/**
 * Words of the derivation views (the XLSX Calculations sheet, the figure page, `assay explain`)
 * in each language: node kinds and formula operations, activity types and fuel uses, factor
 * kinds, constants, calibres, grid levels and regions, methods and process minerals. Fuel,
 * carrier and province names are disaggregation values (terms.ts AXIS_VALUES).
 * A code missing here prints as itself, and the zh-Hant localisation test
 * (cli/src/commands/report-localisation.test.ts) fails on the demo report if it is Latin.
 */
import type { ActivityType, FuelUse } from '../model/fact.js';
import type { Term } from './terms.js';

const t = (zhHant: string, en: string, zhHans = zhHant): Term => ({
  'zh-Hant': zhHant,
  en,
  'zh-Hans': zhHans,
});

/** Lineage node kinds and formula operations (Lineage.kind, Lineage.op). */
export const CALC_KIND_TERMS: Readonly<Record<string, Term>> = {
  fact: t('數據', 'fact', '数据'),
  factor: t('因子', 'factor'),
  constant: t('常數', 'constant', '常数'),
  derived: t('計算值', 'derived', '计算值'),
  invalid: t('無效數值', 'invalid', '无效数值'),
  missing: t('缺失', 'missing'),
  sum: t('合計', 'sum', '合计'),
  'weighted-sum': t('合併（加權合計）', 'weighted-sum', '合并（加权合计）'),
  product: t('乘積', 'product', '乘积'),
  ratio: t('比率', 'ratio'),
  difference: t('差額', 'difference', '差额'),
  convert: t('單位換算', 'convert', '单位换算'),
};

export const ACTIVITY_TERMS: Readonly<Record<ActivityType, Term>> = {
  fuel: t('燃料', 'Fuel'),
  'electricity-purchased': t('外購電力', 'Purchased electricity', '外购电力'),
  'electricity-green-trade': t('綠色電力交易', 'Green power trade', '绿色电力交易'),
  'electricity-self-generated': t('自發自用電力', 'Self-generated electricity', '自发自用电力'),
  'electricity-exported': t('外供電力', 'Exported electricity', '外供电力'),
  'green-certificate': t('綠色電力證書', 'Green electricity certificates', '绿色电力证书'),
  'heat-purchased': t('外購熱力', 'Purchased heat', '外购热力'),
  'steam-purchased': t('外購蒸汽', 'Purchased steam', '外购蒸汽'),
  'heat-exported': t('外供熱力', 'Exported heat', '外供热力'),
  'waste-heat-recovered': t('餘熱回收利用', 'Recovered waste heat', '余热回收利用'),
  carbonate: t('碳酸鹽', 'Carbonates', '碳酸盐'),
  'oxalic-acid': t('草酸', 'Oxalic acid'),
  scope3: t('範圍3', 'Scope 3', '范围3'),
  'carbon-balance': t('碳質量平衡', 'Carbon mass balance', '碳质量平衡'),
  'coal-mined': t('原煤開採量', 'Raw coal mined', '原煤开采量'),
  clinker: t('熟料產量', 'Clinker produced', '熟料产量'),
};

export const FUEL_USE_TERMS: Readonly<Record<FuelUse, Term>> = {
  combustion: t('燃燒', 'combustion', '燃烧'),
  reductant: t('還原劑', 'reductant', '还原剂'),
  unspecified: t('未分項計量', 'not metered separately', '未分项计量'),
};

/** Factor families (FactorRecord.kind). */
export const FACTOR_KIND_TERMS: Readonly<Record<string, Term>> = {
  ncv: t('低位發熱量', 'net calorific value', '低位发热量'),
  'carbon-content': t('單位熱值含碳量', 'carbon content per unit of heat', '单位热值含碳量'),
  'oxidation-rate': t('碳氧化率', 'carbon oxidation rate'),
  'combustion-ef': t('燃燒排放因子', 'combustion emission factor', '燃烧排放因子'),
  'co2-ef-per-energy': t(
    '單位熱值二氧化碳排放因子',
    'CO2 emission factor per unit of heat',
    '单位热值二氧化碳排放因子',
  ),
  'grid-ef': t('電網排放因子', 'grid emission factor', '电网排放因子'),
  'heat-ef': t('熱力排放因子', 'heat emission factor', '热力排放因子'),
  'process-ef': t('過程排放因子', 'process emission factor', '过程排放因子'),
  'tce-coefficient': t('折標準煤係數', 'standard coal coefficient', '折标准煤系数'),
  'gec-energy': t('每張綠色電力證書電量', 'energy per green electricity certificate', '每张绿色电力证书电量'),
  constant: t('常數', 'constant', '常数'),
  'scope3-average': t(
    '平均數據排放因子（從搖籃到大門）',
    'average-data factor (cradle to gate)',
    '平均数据排放因子（从摇篮到大门）',
  ),
  'scope3-spend': t('支出法排放因子', 'spend-based factor', '支出法排放因子'),
  'scope3-transport': t('運輸排放因子', 'transport factor', '运输排放因子'),
  'scope3-waste': t('廢棄物處理排放因子', 'waste treatment factor', '废弃物处理排放因子'),
  'scope3-wtt': t(
    '燃料上游排放因子（開採至使用前）',
    'well-to-tank factor',
    '燃料上游排放因子（开采至使用前）',
  ),
  'scope3-electricity-upstream': t(
    '外購電力上游排放因子',
    'upstream factor of purchased electricity',
    '外购电力上游排放因子',
  ),
  'scope3-td-loss': t(
    '輸配電損耗排放因子',
    'transmission and distribution loss factor',
    '输配电损耗排放因子',
  ),
};

/** Named constants (factor keys.constant); the exact fraction is part of the name. */
export const CONSTANT_TERMS: Readonly<Record<string, Term>> = {
  'co2-per-carbon': t(
    '二氧化碳與碳的分子量之比（44/12）',
    'CO2 per carbon (44/12)',
    '二氧化碳与碳的分子量之比（44/12）',
  ),
};

/** Factor calibres (FactorRecord.calibre). */
export const CALIBRE_TERMS: Readonly<Record<string, Term>> = {
  average: t('平均排放因子', 'average'),
  'excl-market-nonfossil': t(
    '不含市場化交易非化石能源電量',
    'excluding market-traded non-fossil power',
    '不含市场化交易非化石能源电量',
  ),
  fossil: t('化石能源排放因子', 'fossil', '化石能源排放因子'),
  equivalent: t('當量值', 'equivalent value', '当量值'),
  equal: t('等價值', 'equal value', '等价值'),
  'ets-admin': t('碳市場管理口徑', 'ETS administration', '碳市场管理口径'),
};

/** Grid factor levels and regional grids (factor keys level, region). */
export const GRID_TERMS: Readonly<Record<string, Term>> = {
  national: t('全國', 'national', '全国'),
  provincial: t('省級', 'provincial', '省级'),
  regional: t('區域', 'regional', '区域'),
  central: t('華中電網', 'Central China grid', '华中电网'),
  east: t('華東電網', 'East China grid', '华东电网'),
  north: t('華北電網', 'North China grid', '华北电网'),
  northeast: t('東北電網', 'Northeast China grid', '东北电网'),
  northwest: t('西北電網', 'Northwest China grid', '西北电网'),
  south: t('南方電網', 'China Southern grid', '南方电网'),
  southwest: t('西南電網', 'Southwest China grid', '西南电网'),
  qinghai: t('青海', 'Qinghai'),
};

/** Calculation methods (Methods.ghg and factor methods). */
export const METHOD_TERMS: Readonly<Record<string, Term>> = {
  'ndrc-nf-2015': t('有色金屬冶煉企業核算指南（2015）', 'ndrc-nf-2015', '有色金属冶炼企业核算指南（2015）'),
  'ipcc-2006': t('2006年IPCC國家溫室氣體清單指南', 'ipcc-2006', '2006年IPCC国家温室气体清单指南'),
};

/** Process minerals (factor keys.mineral; activity-line subjects of carbonates and oxalic acid). */
export const MINERAL_TERMS: Readonly<Record<string, Term>> = {
  CaCO3: t('碳酸鈣', 'CaCO3', '碳酸钙'),
  MgCO3: t('碳酸鎂', 'MgCO3', '碳酸镁'),
  'CaMg(CO3)2': t('白雲石', 'CaMg(CO3)2', '白云石'),
  FeCO3: t('碳酸亞鐵', 'FeCO3', '碳酸亚铁'),
  BaCO3: t('碳酸鋇', 'BaCO3', '碳酸钡'),
  K2CO3: t('碳酸鉀', 'K2CO3', '碳酸钾'),
  Li2CO3: t('碳酸鋰', 'Li2CO3', '碳酸锂'),
  MnCO3: t('碳酸錳', 'MnCO3', '碳酸锰'),
  Na2CO3: t('碳酸鈉', 'Na2CO3', '碳酸钠'),
  NaHCO3: t('碳酸氫鈉', 'NaHCO3', '碳酸氢钠'),
  SrCO3: t('碳酸鍶', 'SrCO3', '碳酸锶'),
  H2C2O4: t('草酸', 'H2C2O4'),
  'H2C2O4.2H2O': t('二水草酸', 'H2C2O4.2H2O'),
  // materials of the iron-and-steel carbon mass balance (carbon-balance lines' subjects, issue #24)
  limestone: t('石灰石', 'limestone'),
  dolomite: t('白雲石', 'dolomite', '白云石'),
  'iron-ore': t('鐵礦石', 'iron ore', '铁矿石'),
  sinter: t('燒結礦', 'sinter', '烧结矿'),
  pellets: t('球團礦', 'pellets', '球团矿'),
  'hot-metal': t('鐵水', 'hot metal', '铁水'),
  'crude-steel': t('粗鋼', 'crude steel', '粗钢'),
  slag: t('爐渣', 'slag', '炉渣'),
  dust: t('除塵灰', 'dust', '除尘灰'),
  'converter-gas': t('轉爐煤氣', 'converter gas', '转炉煤气'),
  // coal-mined lines' subjects (coal-mining pack, issue #24)
  underground: t('井工礦', 'underground mine', '井工矿'),
  surface: t('露天礦', 'surface mine', '露天矿'),
};

/** A code's term from one of the tables, or the code itself in every language. */
export function termOf(table: Readonly<Record<string, Term>>, code: string): Term {
  return table[code] ?? { 'zh-Hant': code, en: code, 'zh-Hans': code };
}
