/**
 * Atomic units, their scale to the base unit of their dimension (see dimension.ts), and the
 * labels they are written with in English, Traditional and Simplified Chinese.
 * Labels are case-sensitive (m is milli or metre, M mega; t tonne, T tera; g gram, G giga): a
 * spelling is accepted only as declared here. Case variants are declared one by one, and only
 * where the case does not touch a prefix (kWh as "kwh", "KWh", "KWH"; MWh as "MWH"), so no
 * variant can change the scale; a test checks that no two labels differing only by case name
 * different units.
 * Sources: tce = 29.3076 GJ (GB/T 2589-2020, 1 kgce = 29,307.6 kJ); 1 kWh = 3.6 MJ (exact);
 * 萬 = 10⁴, 億 = 10⁸. Every scale is an exact decimal string.
 */
import type { BaseDimension } from './dimension.js';

export type AtomicUnitSpec = {
  readonly symbol: string;
  readonly dim: BaseDimension | 'ratio';
  readonly scale: string;
  readonly zh: string;
  readonly aliases: readonly string[];
};

export const ATOMIC_UNITS: readonly AtomicUnitSpec[] = [
  // mass (base t)
  { symbol: 'g', dim: 'mass', scale: '0.000001', zh: '克', aliases: ['gram', 'grams'] },
  { symbol: 'kg', dim: 'mass', scale: '0.001', zh: '千克', aliases: ['公斤', 'kilogram', 'kilograms'] },
  {
    symbol: 't',
    dim: 'mass',
    scale: '1',
    zh: '噸',
    aliases: [
      'tonne',
      'tonnes',
      'ton',
      'tons',
      '吨',
      'metric ton',
      'metric tons',
      'metric tonne',
      'metric tonnes',
    ],
  },
  {
    symbol: 'kt',
    dim: 'mass',
    scale: '1000',
    zh: '千噸',
    aliases: [
      '千吨',
      "'000 t",
      "'000 tonnes",
      "'000 tons",
      'thousand tonnes',
      'thousand tons',
      'thousand metric tons',
      'kilotonnes',
    ],
  },
  { symbol: '10⁴ t', dim: 'mass', scale: '10000', zh: '萬噸', aliases: ['万吨', '10^4 t', '10000 t'] },
  {
    symbol: 'Mt',
    dim: 'mass',
    scale: '1000000',
    zh: '百萬噸',
    aliases: ['百万吨', 'million tonnes', 'million tons', 'million metric tons'],
  },
  // energy (base GJ)
  { symbol: 'kJ', dim: 'energy', scale: '0.000001', zh: '千焦', aliases: [] },
  { symbol: 'MJ', dim: 'energy', scale: '0.001', zh: '兆焦', aliases: [] },
  { symbol: 'GJ', dim: 'energy', scale: '1', zh: '吉焦', aliases: ['gigajoule', 'gigajoules'] },
  { symbol: 'TJ', dim: 'energy', scale: '1000', zh: '太焦', aliases: ['terajoule', 'terajoules'] },
  {
    symbol: 'kWh',
    dim: 'energy',
    scale: '0.0036',
    zh: '千瓦時',
    aliases: ['千瓦时', '度', 'kwh', 'KWh', 'KWH'],
  },
  {
    symbol: 'MWh',
    dim: 'energy',
    scale: '3.6',
    zh: '兆瓦時',
    aliases: ['兆瓦时', 'MWH', "kWh in '000s", "'000 kWh", '千千瓦時', '千千瓦时'],
  },
  {
    symbol: 'GWh',
    dim: 'energy',
    scale: '3600',
    zh: '吉瓦時',
    aliases: ['吉瓦时', 'GWH', '百萬千瓦時', '百万千瓦时'],
  },
  {
    symbol: '10⁴ kWh',
    dim: 'energy',
    scale: '36',
    zh: '萬千瓦時',
    aliases: ['万千瓦时', '10^4 kWh', '10000 kWh', '萬度', '万度'],
  },
  { symbol: '10⁸ kWh', dim: 'energy', scale: '360000', zh: '億千瓦時', aliases: ['亿千瓦时', '10^8 kWh'] },
  {
    symbol: 'kgce',
    dim: 'energy',
    scale: '0.0293076',
    zh: '千克標準煤',
    aliases: ['千克标准煤', '公斤標準煤', '公斤标准煤', 'kg ce'],
  },
  {
    symbol: 'tce',
    dim: 'energy',
    scale: '29.3076',
    zh: '噸標準煤',
    aliases: [
      '吨标准煤',
      '噸標煤',
      '吨标煤',
      't ce',
      'tonnes of standard coal',
      'tonnes of standard coal equivalent',
    ],
  },
  {
    symbol: '10⁴ tce',
    dim: 'energy',
    scale: '293076',
    zh: '萬噸標準煤',
    aliases: ['万吨标准煤', '萬噸標煤', '10^4 tce'],
  },
  // CO2e mass (base tCO2e); tCO2 is CO2 alone at GWP 1, the same dimension
  {
    symbol: 'kgCO2e',
    dim: 'co2e',
    scale: '0.001',
    zh: '千克二氧化碳當量',
    aliases: ['千克二氧化碳当量', 'kgCO2', 'kg CO2e', '千克二氧化碳', '公斤二氧化碳當量'],
  },
  {
    symbol: 'tCO2e',
    dim: 'co2e',
    scale: '1',
    zh: '噸二氧化碳當量',
    aliases: [
      '吨二氧化碳当量',
      'tCO2',
      't CO2e',
      't CO2',
      'tCO₂e',
      'tCO₂',
      '噸二氧化碳',
      '吨二氧化碳',
      'tonnes CO2e',
      'tonnes of CO2e',
    ],
  },
  {
    symbol: 'ktCO2e',
    dim: 'co2e',
    scale: '1000',
    zh: '千噸二氧化碳當量',
    aliases: ['千吨二氧化碳当量', 'ktCO2', 'kt CO2e', '千噸二氧化碳', '千吨二氧化碳'],
  },
  {
    symbol: '10⁴ tCO2e',
    dim: 'co2e',
    scale: '10000',
    zh: '萬噸二氧化碳當量',
    aliases: ['万吨二氧化碳当量', '萬噸二氧化碳', '万吨二氧化碳', '10^4 tCO2e'],
  },
  {
    symbol: 'MtCO2e',
    dim: 'co2e',
    scale: '1000000',
    zh: '百萬噸二氧化碳當量',
    aliases: ['百万吨二氧化碳当量', 'MtCO2'],
  },
  // carbon mass (base tC): carbon content of fuels; × 44/12 tCO2/tC gives CO2
  { symbol: 'tC', dim: 'carbon', scale: '1', zh: '噸碳', aliases: ['吨碳', 't C'] },
  { symbol: 'kgC', dim: 'carbon', scale: '0.001', zh: '千克碳', aliases: ['千克碳'] },
  // volume (base m³); Nm³ (normal cubic metre) is treated as a volume of gas at reference conditions
  { symbol: 'L', dim: 'volume', scale: '0.001', zh: '升', aliases: ['litre', 'litres', 'liter', 'liters'] },
  {
    symbol: 'm³',
    dim: 'volume',
    scale: '1',
    zh: '立方米',
    aliases: ['m3', 'm^3', 'cubic metre', 'cubic metres', '方', 'Nm³', 'Nm3', '標準立方米', '标准立方米'],
  },
  {
    symbol: '10⁴ m³',
    dim: 'volume',
    scale: '10000',
    zh: '萬立方米',
    aliases: [
      '万立方米',
      '10^4 m3',
      '10⁴m³',
      '10^4m3',
      '萬方',
      '万方',
      '10⁴ Nm³',
      '10⁴Nm³',
      '10^4 Nm3',
      '萬標準立方米',
      '万标准立方米',
    ],
  },
  { symbol: '10⁸ m³', dim: 'volume', scale: '100000000', zh: '億立方米', aliases: ['亿立方米', '10^8 m3'] },
  // currency (base CNY); other currencies are their own dimensions (HKD below)
  {
    symbol: 'CNY',
    dim: 'currency',
    scale: '1',
    zh: '元',
    aliases: ['RMB', '人民幣', '人民币', '人民幣元', '人民币元', 'yuan'],
  },
  {
    symbol: 'CNY thousand',
    dim: 'currency',
    scale: '1000',
    zh: '千元',
    aliases: ['千元人民幣', "CNY '000", "RMB'000", "RMB '000", '人民幣千元'],
  },
  {
    symbol: 'CNY 10⁴',
    dim: 'currency',
    scale: '10000',
    zh: '萬元',
    aliases: [
      '万元',
      '萬元人民幣',
      '万元人民币',
      '人民幣萬元',
      '人民币万元',
      'CNY 10^4',
      '10⁴ CNY',
      '10^4 CNY',
    ],
  },
  {
    symbol: 'CNY million',
    dim: 'currency',
    scale: '1000000',
    zh: '百萬元',
    aliases: [
      '百万元',
      '人民幣百萬元',
      '人民币百万元',
      '百萬元人民幣',
      '百万元人民币',
      'RMB million',
      'CNY m',
      'million CNY',
      'CNY mn',
      'RMB mn',
      "RMB'000000",
      "RMB'000,000",
      "RMB '000,000",
      'RMB millions',
    ],
  },
  {
    symbol: 'CNY 10⁸',
    dim: 'currency',
    scale: '100000000',
    zh: '億元',
    aliases: [
      '亿元',
      '億元人民幣',
      '亿元人民币',
      '人民幣億元',
      'CNY 10^8',
      'RMB 100 million',
      'CNY 100 million',
    ],
  },
  {
    symbol: 'CNY billion',
    dim: 'currency',
    scale: '1000000000',
    zh: '十億元',
    aliases: ['RMB billion', 'RMB bn', 'CNY bn', 'billion CNY', '十亿元', '人民幣十億元', '人民币十亿元'],
  },
  // US dollars (EEIO factors are per USD of a price year): their own dimension, like HKD
  { symbol: 'USD', dim: 'usd', scale: '1', zh: '美元', aliases: ['US$', 'US dollars'] },
  {
    symbol: 'USD thousand',
    dim: 'usd',
    scale: '1000',
    zh: '千美元',
    aliases: ["US$'000", "USD '000", "USD'000"],
  },
  {
    symbol: 'USD million',
    dim: 'usd',
    scale: '1000000',
    zh: '百萬美元',
    aliases: ['US$ million', 'USD m', 'USD mn'],
  },
  // Hong Kong dollars: their own dimension, because converting them to CNY needs an exchange rate
  // of a date, which a unit table cannot hold; an HKD figure never adds to a CNY one silently.
  {
    symbol: 'HKD',
    dim: 'hkd',
    scale: '1',
    zh: '港元',
    aliases: ['HK$', 'HK dollars', '港幣', '港币'],
  },
  {
    symbol: 'HKD thousand',
    dim: 'hkd',
    scale: '1000',
    zh: '千港元',
    aliases: ["HK$'000", "HK$ '000", "HKD '000", "HKD'000", '港幣千元'],
  },
  {
    symbol: 'HKD million',
    dim: 'hkd',
    scale: '1000000',
    zh: '百萬港元',
    aliases: ['HK$ million', 'HK$m', 'HK$ mn', 'HKD mn', '百万港元', '港幣百萬元'],
  },
  // count (base 1)
  {
    symbol: 'count',
    dim: 'count',
    scale: '1',
    zh: '個',
    aliases: [
      '1',
      'item',
      'items',
      'no.',
      'number',
      '个',
      '項',
      '项',
      '宗',
      '次',
      '家',
      '張',
      '张',
      '件',
      '份',
      'cases',
      'case',
      'certificates',
      'certificate',
      'suppliers',
      'patents',
    ],
  },
  {
    symbol: 'person',
    dim: 'count',
    scale: '1',
    zh: '人',
    aliases: [
      'persons',
      'people',
      'employee',
      'employees',
      '名',
      '人數',
      '人数',
      'headcount',
      'participants',
      '人次',
      'person-times',
      'person-time',
      'man-times',
    ],
  },
  {
    symbol: 'thousand persons',
    dim: 'count',
    scale: '1000',
    zh: '千人',
    aliases: ['1,000 persons', '1000 persons', '1,000 employees', '1000 employees', 'thousand employees'],
  },
  // time (base h)
  {
    symbol: 'h',
    dim: 'time',
    scale: '1',
    zh: '小時',
    aliases: ['hour', 'hours', 'hr', 'hrs', '小时', '工時', '工时', '學時', '学时'],
  },
  { symbol: 'd', dim: 'time', scale: '24', zh: '天', aliases: ['day', 'days', '日'] },
  {
    symbol: 'million hours',
    dim: 'time',
    scale: '1000000',
    zh: '百萬工時',
    aliases: [
      '百万工时',
      '百萬小時',
      '百万小时',
      '1,000,000 hours',
      '10⁶ h',
      'million working hours',
      'million hours worked',
    ],
  },
  // area (base m²)
  { symbol: 'm²', dim: 'area', scale: '1', zh: '平方米', aliases: ['m2', 'm^2', 'square metres'] },
  { symbol: 'ha', dim: 'area', scale: '10000', zh: '公頃', aliases: ['公顷', 'hectare', 'hectares'] },
  { symbol: 'km²', dim: 'area', scale: '1000000', zh: '平方公里', aliases: ['km2', 'km^2', '平方千米'] },
  // length (base m)
  { symbol: 'm', dim: 'length', scale: '1', zh: '米', aliases: ['metre', 'metres'] },
  { symbol: 'km', dim: 'length', scale: '1000', zh: '公里', aliases: ['千米', 'kilometre', 'kilometres'] },
  // freight and passenger travel (Scope 3 distance-based transport; base t·km, passenger·km)
  {
    symbol: 't·km',
    dim: 'freight',
    scale: '1',
    zh: '噸公里',
    aliases: ['tkm', 't-km', 'tonne-km', 'tonne·km', 'tonne.km', 'tonne-kilometres', '吨公里', '噸·公里'],
  },
  {
    symbol: 'passenger·km',
    dim: 'passenger-travel',
    scale: '1',
    zh: '人公里',
    aliases: ['pkm', 'passenger-km', 'p·km', 'passenger-kilometres', '人·公里', '人公里數'],
  },
  // dimensionless
  { symbol: '%', dim: 'ratio', scale: '0.01', zh: '%', aliases: ['percent', '百分比', '％'] },
  { symbol: '‰', dim: 'ratio', scale: '0.001', zh: '‰', aliases: ['per mille', '千分比', '千分之'] },
  { symbol: 'ratio', dim: 'ratio', scale: '1', zh: '比率', aliases: ['fraction', '倍'] },
];

/**
 * Labels refused outright, in any case, although one case of them may be a unit: in reports they
 * stand for units of different scale ("MT", "mt": metric ton in trade, megatonne in SI, 10⁶
 * apart). The declared spelling ("Mt") is looked up first and still accepted.
 */
export type AmbiguousLabel = {
  /** Lower-case labels. */
  readonly labels: readonly string[];
  readonly meanings: string;
  readonly advice: string;
};

export const AMBIGUOUS_LABELS: readonly AmbiguousLabel[] = [
  {
    labels: ['mt', 'mt.'],
    meanings: 'metric ton or megatonne',
    advice: '"t" for tonnes or "Mt" for million tonnes',
  },
];
