/**
 * Names of the activity lines' codes in both languages, and the units the entry form offers per
 * activity type (copied, as the web app imports no package: core model/fact.ts ACTIVITY_TYPES and
 * FUEL_USES, core methods/activity-entry.ts ACTIVITY_AMOUNTS, the unit symbols and Chinese labels
 * of core units/unit-table.ts, fuel names of core glossary/terms.ts). The server decides: a unit
 * of the wrong dimension for a fuel under the group's method is refused with 422 naming `unit`,
 * shown at the field. A code not listed here is shown as it is.
 */
import { AXIS_VALUES } from '../../glossary';
import type { Lang, Localised } from '../../i18n';

export const ACTIVITIES: readonly string[] = [
  'fuel',
  'electricity-purchased',
  'electricity-green-trade',
  'electricity-self-generated',
  'electricity-exported',
  'green-certificate',
  'heat-purchased',
  'steam-purchased',
  'heat-exported',
  'waste-heat-recovered',
  'carbonate',
  'oxalic-acid',
  'scope3',
  'carbon-balance',
  'coal-mined',
  'clinker',
];

const ACTIVITY_NAMES: Record<string, Localised> = {
  fuel: { en: 'Fuel', 'zh-Hant': '燃料' },
  'electricity-purchased': { en: 'Purchased electricity', 'zh-Hant': '外購電力' },
  'electricity-green-trade': { en: 'Green electricity traded', 'zh-Hant': '綠色電力交易' },
  'electricity-self-generated': { en: 'Self-generated electricity', 'zh-Hant': '自發電力' },
  'electricity-exported': { en: 'Electricity exported', 'zh-Hant': '輸出電力' },
  'green-certificate': { en: 'Green electricity certificates', 'zh-Hant': '綠色電力證書' },
  'heat-purchased': { en: 'Purchased heat', 'zh-Hant': '外購熱力' },
  'steam-purchased': { en: 'Purchased steam', 'zh-Hant': '外購蒸汽' },
  'heat-exported': { en: 'Heat exported', 'zh-Hant': '輸出熱力' },
  'waste-heat-recovered': { en: 'Waste heat recovered', 'zh-Hant': '餘熱回收' },
  carbonate: { en: 'Carbonate (process)', 'zh-Hant': '碳酸鹽（工業過程）' },
  'oxalic-acid': { en: 'Oxalic acid (process)', 'zh-Hant': '草酸（工業過程）' },
  scope3: { en: 'Scope 3 emissions', 'zh-Hant': '範疇三排放' },
  'carbon-balance': { en: 'Carbon mass balance (iron and steel)', 'zh-Hant': '碳質量平衡（鋼鐵）' },
  'coal-mined': { en: 'Raw coal mined (coal-mine methane)', 'zh-Hant': '原煤開採量（煤礦甲烷）' },
  clinker: { en: 'Clinker produced (cement)', 'zh-Hant': '熟料產量（水泥）' },
};

export const FUEL_USES: readonly string[] = ['combustion', 'reductant', 'unspecified'];
const USE_NAMES: Record<string, Localised> = {
  combustion: { en: 'combustion', 'zh-Hant': '燃燒' },
  reductant: { en: 'reductant', 'zh-Hant': '還原劑' },
  unspecified: { en: 'use not stated', 'zh-Hant': '用途未指明' },
};

/** Subjects offered as suggestions (any text is accepted; the server checks it has a factor). */
const SUBJECT_NAMES: Record<string, Localised> = {
  diesel: { en: 'Diesel', 'zh-Hant': '柴油' },
  gasoline: { en: 'Gasoline', 'zh-Hant': '汽油' },
  'natural-gas': { en: 'Natural gas', 'zh-Hant': '天然氣' },
  lng: { en: 'LNG', 'zh-Hant': '液化天然氣' },
  lpg: { en: 'LPG', 'zh-Hant': '液化石油氣' },
  kerosene: { en: 'Kerosene', 'zh-Hant': '煤油' },
  'fuel-oil': { en: 'Fuel oil', 'zh-Hant': '燃料油' },
  'crude-oil': { en: 'Crude oil', 'zh-Hant': '原油' },
  'raw-coal': { en: 'Raw coal', 'zh-Hant': '原煤' },
  anthracite: { en: 'Anthracite', 'zh-Hant': '無煙煤' },
  'bituminous-coal': { en: 'Bituminous coal', 'zh-Hant': '煙煤' },
  lignite: { en: 'Lignite', 'zh-Hant': '褐煤' },
  'washed-coal': { en: 'Washed coal', 'zh-Hant': '洗精煤' },
  coke: { en: 'Coke', 'zh-Hant': '焦炭' },
  'petroleum-coke': { en: 'Petroleum coke', 'zh-Hant': '石油焦' },
  'refinery-gas': { en: 'Refinery gas', 'zh-Hant': '煉廠乾氣' },
  'coke-oven-gas': { en: 'Coke oven gas', 'zh-Hant': '焦爐煤氣' },
  'blast-furnace-gas': { en: 'Blast furnace gas', 'zh-Hant': '高爐煤氣' },
  grid: { en: 'Grid', 'zh-Hant': '電網' },
  solar: { en: 'Solar', 'zh-Hant': '太陽能' },
  wind: { en: 'Wind', 'zh-Hant': '風能' },
  heat: { en: 'Heat', 'zh-Hant': '熱力' },
  steam: { en: 'Steam', 'zh-Hant': '蒸汽' },
};

/** Fuel subjects suggested for a fuel line, and subjects for the other activities. */
export const FUEL_SUBJECTS = Object.keys(SUBJECT_NAMES).slice(0, 18);
export const OTHER_SUBJECTS = ['grid', 'solar', 'wind', 'heat', 'steam'];

/** Chinese labels of the unit symbols the form offers (core units/unit-table.ts). */
const UNIT_ZH: Record<string, string> = {
  t: '噸',
  kg: '千克',
  '10⁴ t': '萬噸',
  L: '升',
  'm³': '立方米',
  '10⁴ m³': '萬立方米',
  kWh: '千瓦時',
  MWh: '兆瓦時',
  GWh: '吉瓦時',
  '10⁴ kWh': '萬千瓦時',
  GJ: '吉焦',
  TJ: '太焦',
  tce: '噸標準煤',
  count: '張',
  tCO2e: '噸二氧化碳當量',
  ktCO2e: '千噸二氧化碳當量',
};

const MASS = ['t', 'kg', '10⁴ t'];
const VOLUME = ['10⁴ m³', 'm³'];
const ELECTRICITY = ['MWh', 'kWh', '10⁴ kWh', 'GWh'];
const HEAT = ['GJ', 'TJ', 'MWh', 'tce'];
/** Fuels whose calorific value is per volume under the national method (ndrc-nf-2015). */
const GASES = new Set(['natural-gas', 'coke-oven-gas', 'blast-furnace-gas']);

/** The units offered for a line (the first is the default); `current` is kept when not among them. */
export function unitChoices(activity: string, subject: string, current?: string): string[] {
  const base =
    activity === 'fuel'
      ? GASES.has(subject)
        ? [...VOLUME, ...MASS]
        : [...MASS, ...VOLUME]
      : activity.startsWith('electricity-')
        ? ELECTRICITY
        : ['heat-purchased', 'steam-purchased', 'heat-exported', 'waste-heat-recovered'].includes(activity)
          ? HEAT
          : activity === 'green-certificate'
            ? ['count']
            : activity === 'scope3'
              ? ['tCO2e', 'ktCO2e']
              : MASS;
  return current && !base.includes(current) ? [current, ...base] : base;
}

export const activityName = (code: string, lang: Lang) => ACTIVITY_NAMES[code]?.[lang] ?? code;
const UNSPECIFIED_SUBJECT: Localised = { en: 'source not stated', 'zh-Hant': '來源未指明' };
/** A line's subject: the form's names, then core's breakdown labels (../../glossary.ts), else the code. */
export const subjectName = (code: string, lang: Lang) =>
  SUBJECT_NAMES[code]?.[lang] ??
  AXIS_VALUES[code]?.[lang] ??
  (code === 'unspecified' ? UNSPECIFIED_SUBJECT[lang] : code);
export const fuelUseName = (code: string, lang: Lang) => USE_NAMES[code]?.[lang] ?? code;
/** A unit as the form shows it: the symbol in English, the Chinese label in Chinese (issue #19). */
export function unitName(symbol: string, lang: Lang): string {
  const zh = UNIT_ZH[symbol];
  return lang === 'en' || !zh ? symbol : zh;
}
/** A unit after an amount: "12 t" / "12 噸". */
export const unitShort = (symbol: string, lang: Lang) =>
  lang === 'en' ? symbol : (UNIT_ZH[symbol] ?? symbol);

/** A line's description: activity, subject and (fuel) use. */
export function lineTitle(l: { activity: string; subject: string; use: string | null }, lang: Lang): string {
  const sep = lang === 'en' ? ', ' : '，';
  const parts = [activityName(l.activity, lang), subjectName(l.subject, lang)];
  if (l.activity === 'fuel' && l.use) parts.push(fuelUseName(l.use, lang));
  return parts.join(sep);
}
