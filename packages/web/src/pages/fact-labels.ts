/**
 * How the reviewer's panel (cycle/unit-review.tsx) and the Restatements page show facts: unit
 * symbols and breakdown codes in the UI language (copied, as the web app imports no package,
 * from core units/unit-table.ts `zh`; breakdown values from ../glossary.ts; a code not listed is
 * shown as it is), decimal text grouped and rounded half-up on the way out (exact: string
 * arithmetic, no float), and how large a change in per cent is (the panel highlights ≥ 10 % and
 * ≥ 100 %, issue #17).
 */
import { AXIS_VALUES } from '../glossary';
import type { Lang, Localised } from '../i18n';
import { groupDigits } from './entry/amount-check';

/** Chinese labels of the unit symbols (core units/unit-table.ts). */
const UNIT_ZH: Record<string, string> = {
  g: '克',
  kg: '千克',
  t: '噸',
  kt: '千噸',
  '10⁴ t': '萬噸',
  Mt: '百萬噸',
  kJ: '千焦',
  MJ: '兆焦',
  GJ: '吉焦',
  TJ: '太焦',
  kWh: '千瓦時',
  MWh: '兆瓦時',
  GWh: '吉瓦時',
  '10⁴ kWh': '萬千瓦時',
  '10⁸ kWh': '億千瓦時',
  kgce: '千克標準煤',
  tce: '噸標準煤',
  '10⁴ tce': '萬噸標準煤',
  kgCO2e: '千克二氧化碳當量',
  tCO2e: '噸二氧化碳當量',
  ktCO2e: '千噸二氧化碳當量',
  '10⁴ tCO2e': '萬噸二氧化碳當量',
  MtCO2e: '百萬噸二氧化碳當量',
  tC: '噸碳',
  kgC: '千克碳',
  L: '升',
  'm³': '立方米',
  '10⁴ m³': '萬立方米',
  '10⁸ m³': '億立方米',
  CNY: '元',
  'CNY thousand': '千元',
  'CNY 10⁴': '萬元',
  'CNY million': '百萬元',
  'CNY 10⁸': '億元',
  count: '個',
  person: '人',
  'thousand persons': '千人',
  h: '小時',
  d: '天',
  'million hours': '百萬工時',
  'm²': '平方米',
  ha: '公頃',
  'km²': '平方公里',
  m: '米',
  km: '公里',
  ratio: '比率',
};

/**
 * A unit after a value: the symbol in English, its Chinese label in Chinese ("1,000 百萬元"). A
 * ratio of units is labelled part by part ("tCO2e/CNY million" → "噸二氧化碳當量/百萬元").
 */
export const unitLabel = (symbol: string, lang: Lang): string => {
  if (lang === 'en') return symbol;
  const s = canonicalSymbol(symbol);
  return (
    UNIT_ZH[s] ??
    s
      .split('/')
      .map((part) => UNIT_ZH[part] ?? part)
      .join('/')
  );
};

/**
 * A unit as typed in a register or meter file ("m3", "10^4 m3", "km2") in the catalogue's
 * spelling ("m³", "10⁴ m³", "km²"), so that its Chinese label is found; other text unchanged.
 */
export function canonicalSymbol(symbol: string): string {
  return symbol
    .trim()
    .replace(/\b10\^4\b/g, '10⁴')
    .replace(/\b10\^8\b/g, '10⁸')
    .replace(/\b(k?m)\^?3\b/g, '$1³')
    .replace(/\b(k?m)\^?2\b/g, '$1²');
}

/**
 * A framework's name as the page's language prints it (core frameworks' names): in Chinese the
 * exchange and the SASAC by their Chinese short names; GRI, SASB and IFRS S2 as Chinese reports
 * print them. An unknown code is shown in capitals.
 */
const FRAMEWORK_NAMES: Record<string, Localised> = {
  hkex: { 'zh-Hant': '聯交所', en: 'HKEX' },
  sasac: { 'zh-Hant': '國資委', en: 'SASAC' },
  gri: { 'zh-Hant': 'GRI', en: 'GRI' },
  sasb: { 'zh-Hant': 'SASB', en: 'SASB' },
  'ifrs-s2': { 'zh-Hant': 'IFRS S2', en: 'IFRS S2' },
};
export const frameworkLabel = (code: string, lang: Lang): string =>
  FRAMEWORK_NAMES[code]?.[lang] ?? code.toUpperCase();

/** "gender=male;grade=senior" → "Male · Senior management" / "男性・高級管理層"; "" for none. */
export function breakdownLabel(key: string, lang: Lang): string {
  if (key === '') return '';
  return key
    .split(';')
    .map((pair) => {
      const value = pair.slice(pair.indexOf('=') + 1);
      return AXIS_VALUES[value]?.[lang] ?? value;
    })
    .join(lang === 'en' ? ' · ' : '・');
}

/**
 * Decimal text rounded half-up (away from zero on a tie) to `places` decimal places, exactly:
 * "5.25" → "5.3" (1 place), "-0.05" → "-0.1", "19303.604193" → "19303.60" (2). Text that is not
 * a plain decimal is returned as it is.
 */
export function roundHalfUp(text: string, places: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return text;
  const sign = m[1] as string;
  const whole = m[2] as string;
  const frac = (m[3] ?? '').padEnd(places + 1, '0');
  // All the digits kept, as one integer string, then + 1 in the last place when the next digit ≥ 5.
  let digits = whole + frac.slice(0, places);
  if (Number(frac[places]) >= 5) {
    const out = digits.split('');
    let i = out.length - 1;
    while (i >= 0 && out[i] === '9') out[i--] = '0';
    if (i < 0) out.unshift('1');
    else out[i] = String(Number(out[i]) + 1);
    digits = out.join('');
  }
  const intPart = digits.slice(0, digits.length - places).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = places > 0 ? `.${digits.slice(digits.length - places)}` : '';
  const result = `${intPart}${fracPart}`;
  return sign && /[1-9]/.test(result) ? `-${result}` : result;
}

/** A value as shown: exact decimal text with thousands grouped ("20,000", "1,000.5"). */
export const showValue = (text: string): string => groupDigits(text);

/**
 * A change in per cent as shown: signed, the API's one decimal (half-up), "+5.3 %" in English,
 * "+5.3%" in Chinese (no space, as the Chinese text writes per cents).
 */
export function showChange(percent: string, lang: Lang): string {
  const p = percent.trim();
  return `${p.startsWith('-') ? '' : '+'}${groupDigits(p)}${lang === 'en' ? ' %' : '%'}`;
}

/** How large a change is, by its magnitude in per cent: ≥ 100 large, ≥ 10 notable, else normal. */
export type ChangeLevel = 'large' | 'notable' | 'normal';

export function changeLevel(percent: string): ChangeLevel {
  const m = /^-?(\d+)(?:\.\d+)?$/.exec(percent.trim());
  if (!m) return 'normal';
  const whole = Number(m[1]); // exact for whole per cents; the fraction cannot cross 10 or 100
  return whole >= 100 ? 'large' : whole >= 10 ? 'notable' : 'normal';
}
