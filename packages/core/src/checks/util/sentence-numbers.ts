/**
 * Numbers as a sentence prints them, for the narrative-arithmetic rule: each number with its
 * printed precision (an interval, util/interval.ts), its scale word (萬 10⁴, 億 10⁸, 千 and
 * thousand 10³, 百萬 and million 10⁶, billion 10⁹, "× 10⁴"), its unit reduced to a base
 * (元/CNY/RMB → CNY, 噸/t/tonnes → t, 人/名/employees → person…) and its offsets in the
 * sentence. Sentences are split at 。；！？ and at ". " / "; ". Years (1900–2100 without a
 * separator, a unit or a scale, or followed by 年) and numbers glued to letters (B3.2, Scope 1,
 * 範圍一 is not a digit) are not read. English and Chinese both.
 */
import { Decimal } from '../../decimal.js';
import { type Interval, printedInterval, scale } from './interval.js';

export type SentenceNumber = {
  /** The number as printed, with its scale word and unit ("362.11萬元", "CNY 1,969"). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The printed digits' value times the scale (362.11萬 → 3621100). */
  readonly value: Decimal;
  /** The interval the printed precision allows, times the scale, in the base unit. */
  readonly interval: Interval;
  readonly percent: boolean;
  /** Base unit ('CNY', 't', 'person', 'h', 'm3', 'MWh', 'count', '' when none was read). */
  readonly unit: string;
  /** Whether the unit is per person (元/人, per employee): a per-capita value. */
  readonly perPerson: boolean;
  /** Decimal places printed. */
  readonly places: number;
  /** Said to be approximate (約, 近, 逾, 餘, 以上, about, over, more than…): relations with it are not judged. */
  readonly approximate: boolean;
};

const APPROX_BEFORE =
  /(?:約|约|近|逾|超過|超过|不少於|不少于|至少|about|around|approximately|approx\.|nearly|almost|over|more than|less than|up to|some|at least)\s*$/iu;
const APPROX_AFTER = /^\s*(?:餘|余|多|以上|以下|左右|\+|or more|plus)/u;
/** Whole people, sessions, households: a printed count is exact, not a rounded value. */
const COUNT_UNITS = new Set(['person', 'person-time', 'count', 'household']);

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/** Scale words, longest first. Value: the power of ten. */
const SCALES: readonly (readonly [RegExp, number])[] = [
  [/^\s*[×x]\s*10([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/u, -1],
  [/^\s*(?:百萬|百万)/u, 6],
  [/^\s*(?:萬|万)/u, 4],
  [/^\s*(?:億|亿)/u, 8],
  [/^\s*千(?!克|瓦)/u, 3],
  [/^\s*(?:thousand)\b/iu, 3],
  [/^\s*(?:million|mn)\b/iu, 6],
  [/^\s*(?:billion|bn)\b/iu, 9],
];

/** Units after a number (longest first): pattern and base unit. */
const UNITS: readonly (readonly [RegExp, string])[] = [
  [/^\s*(?:%|％|per ?cent\b)/iu, '%'],
  [/^\s*(?:kt|千噸|千吨)/u, 'kt'],
  [/^\s*(?:噸標準煤|吨标准煤|tce\b)/u, 'tce'],
  [/^\s*(?:噸|吨|tonnes?\b|tons?\b|t\b)/u, 't'],
  [/^\s*(?:立方米|m³|m3\b|cubic metres?\b)/u, 'm3'],
  [/^\s*(?:兆瓦時|兆瓦时|MWh\b)/u, 'MWh'],
  [/^\s*(?:千瓦時|千瓦时|kWh\b)/u, 'kWh'],
  [/^\s*(?:元|yuan\b)/iu, 'CNY'],
  [/^\s*(?:小時|小时|hours?\b|h\b)/u, 'h'],
  [/^\s*(?:人次|person-times\b)/u, 'person-time'],
  [
    /^\s*(?:人|名|位|employees?\b|people\b|persons?\b|staff\b|workers?\b|participants?\b|trainees?\b)/u,
    'person',
  ],
  [/^\s*(?:次|場|场|times\b|sessions?\b|drills?\b)/u, 'count'],
  [/^\s*(?:戶|户|households?\b)/u, 'household'],
];

/** Currency before a number: "CNY 362.11", "RMB1,969", "人民幣6.44". */
const CURRENCY_BEFORE = /(?:CNY|RMB|人民幣|人民币|¥|￥)\s*$/u;
/** Per person after the unit: "元/人", "hours per employee", "每人". */
const PER_PERSON = /^\s*(?:\/\s*人|每人|per (?:employee|person|capita|head|participant|trainee)\b)/iu;

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/gu;

/** Split a text into sentences, with each sentence's offset in the text. */
export function sentences(text: string): { readonly text: string; readonly start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  const re = /[。；！？]|[.;!?](?=\s|$)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const s = text.slice(from, end);
    if (s.trim()) out.push({ text: s, start: from });
    from = end;
  }
  if (text.slice(from).trim()) out.push({ text: text.slice(from), start: from });
  return out;
}

export function numbersIn(sentence: string): SentenceNumber[] {
  const out: SentenceNumber[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    const before = sentence.slice(0, start);
    // glued to a letter or digit-like identifier (B3.2, S2, C2, 10⁴ handled as scale)
    if (/[A-Za-z_.\-/]$/u.test(before) && !CURRENCY_BEFORE.test(before)) continue;
    if (
      /^[A-Za-z_]/u.test(sentence.slice(end)) &&
      !/^(?:kt|t\b|h\b|m3|m³|MWh|kWh|tce|bn|mn)/u.test(sentence.slice(end))
    )
      continue;
    if (/[¹²³⁴⁵⁶⁷⁸⁹⁰]/u.test(sentence.charAt(end))) continue;
    if (/10$/u.test(m[0]) && /[×x]\s*$/u.test(before)) continue; // the 10 of "× 10⁴"
    if (/(?:Scope|Category|Tier|Phase|範圍|范围|類別|类别|第)\s*$/iu.test(before)) continue;
    const digits = m[0].replaceAll(',', '');
    const places = digits.includes('.') ? (digits.split('.')[1] as string).length : 0;
    let rest = sentence.slice(end);
    let power = 0;
    for (const [re, p] of SCALES) {
      const s = re.exec(rest);
      if (!s) continue;
      power = p >= 0 ? p : Number([...(s[1] as string)].map((c) => SUPERSCRIPT[c]).join(''));
      end += s[0].length;
      rest = sentence.slice(end);
      break;
    }
    const approximate = APPROX_BEFORE.test(before.replace(CURRENCY_BEFORE, '')) || APPROX_AFTER.test(rest);
    if (APPROX_AFTER.test(rest)) {
      const a = APPROX_AFTER.exec(rest) as RegExpExecArray;
      end += a[0].length;
      rest = sentence.slice(end);
    }
    let unit = CURRENCY_BEFORE.test(before) ? 'CNY' : '';
    for (const [re, u] of UNITS) {
      const s = re.exec(rest);
      if (!s) continue;
      if (!unit || u === '%') unit = u;
      end += s[0].length;
      rest = sentence.slice(end);
      break;
    }
    if (unit === 'kt') {
      unit = 't';
      power += 3;
    }
    const isYear = places === 0 && !m[0].includes(',') && Number(digits) >= 1900 && Number(digits) <= 2100;
    if (isYear && power === 0 && unit === '') continue;
    let perPerson = false;
    const pp = PER_PERSON.exec(rest);
    if (pp) {
      perPerson = true;
      end += pp[0].length;
    }
    const k = new Decimal(10).pow(power);
    const value = new Decimal(digits);
    out.push({
      text: sentence.slice(CURRENCY_BEFORE.exec(before) ? before.search(CURRENCY_BEFORE) : start, end),
      start,
      end,
      value: value.times(k),
      interval:
        places === 0 && power === 0 && COUNT_UNITS.has(unit)
          ? { lo: value, hi: value }
          : scale(printedInterval(value, places), k),
      percent: unit === '%',
      unit,
      perPerson,
      places,
      approximate,
    });
  }
  return inheritUnits(sentence, out);
}

/** "1,093 of 1,839 employees", "33/36人": a bare count takes the unit of the number it is a part of. */
function inheritUnits(sentence: string, ns: SentenceNumber[]): SentenceNumber[] {
  return ns.map((n, i) => {
    const next = ns[i + 1];
    if (n.unit !== '' || !next || next.unit === '' || next.percent) return n;
    const gap = sentence.slice(n.end, next.start);
    if (!/^\s*(?:of|out of|\/)\s*$/iu.test(gap)) return n;
    const exact = n.places === 0 && COUNT_UNITS.has(next.unit) && n.value.isInteger();
    return { ...n, unit: next.unit, ...(exact ? { interval: { lo: n.value, hi: n.value } } : {}) };
  });
}
