/**
 * A derivation node's method note (CalcGraph spec `note`, English, written by the methods) in
 * both languages, for the figure page (issue #19, "derivation labels"). The methods write notes
 * in a few shapes that name indicator ids; each shape is read back and printed with the
 * indicators' names from the catalogue:
 *   "sum of a, b"              → "Sum of <a>, <b>"             / 「<a>、<b>之和」
 *   "total of a"               → "Total of <a>"                / 「<a>合計」
 *   "a ÷ b" (ids)              → "<a> ÷ <b>"                   / 「<a> ÷ <b>」
 *   "total = sum over <axis>"  → "Total = sum over <Axis>"     / 「合計 = 按<軸>加總」
 *   "data quality N (1 best … 5 poorest)"                      / 「數據質量N級（1最佳……5最差）」
 * and the fixed notes of the consolidation approaches, the social rates and the grid-factor
 * fallback. A note in no known shape is returned as written with `known: false` (the page then
 * marks it as English text); a test runs every note of the example groups through it.
 */

import { AXIS_TERMS } from '../model/axis-labels.js';
import type { LocalisedText } from '../model/text.js';

export type NoteText = { readonly text: LocalisedText; readonly known: boolean };

const FIXED: Readonly<Record<string, LocalisedText>> = {
  'operational control: 100% of entities under operational control': {
    'zh-Hant': '營運控制法：受營運控制的實體按100%計入',
    en: 'Operational control: 100% of entities under operational control',
  },
  'financial control: 100% of entities under financial control': {
    'zh-Hant': '財務控制法：受財務控制的實體按100%計入',
    en: 'Financial control: 100% of entities under financial control',
  },
  'equity share: each entity by the share held': {
    'zh-Hant': '股權比例法：各實體按所持股權比例計入',
    en: 'Equity share: each entity by the share held',
  },
  'leavers ÷ year-end headcount of the same category': {
    'zh-Hant': '離職人數 ÷ 同類別年末僱員人數',
    en: 'Leavers ÷ year-end headcount of the same category',
  },
  'employees trained ÷ headcount of the same category': {
    'zh-Hant': '受訓僱員人數 ÷ 同類別僱員人數',
    en: 'Employees trained ÷ headcount of the same category',
  },
  'training hours ÷ headcount of the same category (HKEX B3.2: per employee)': {
    'zh-Hant': '受訓時數 ÷ 同類別僱員人數（聯交所B3.2：每名僱員）',
    en: 'Training hours ÷ headcount of the same category (HKEX B3.2: per employee)',
  },
  'not metered separately as fuel or reductant: counted as combustion': {
    'zh-Hant': '未有按燃料或還原劑分開計量：計作燃燒',
    en: 'Not metered separately as fuel or reductant: counted as combustion',
  },
  // registers (register-figures.ts)
  'one per unified social credit code': {
    'zh-Hant': '每個統一社會信用代碼計一家',
    en: 'One per unified social credit code',
  },
  'one per credit code': { 'zh-Hant': '每個信用代碼計一家', en: 'One per credit code' },
  'approved and suspended suppliers': {
    'zh-Hant': '已批准及暫停的供應商',
    en: 'approved and suspended suppliers',
  },
  'approved and suspended suppliers with an ESG assessment on file': {
    'zh-Hant': '已批准及暫停、並有環境、社會及管治評估記錄的供應商',
    en: 'approved and suspended suppliers with an ESG assessment on file',
  },
  'rectified ÷ found': { 'zh-Hant': '已整改 ÷ 已發現', en: 'Rectified ÷ found' },
  'cancelled projects left out': { 'zh-Hant': '不計已取消的項目', en: 'Cancelled projects left out' },
  'status completed': { 'zh-Hant': '狀態為已完成', en: 'Status completed' },
  'completed ÷ projects (cancelled left out)': {
    'zh-Hant': '已完成 ÷ 項目數（不計已取消）',
    en: 'Completed ÷ projects (cancelled left out)',
  },
  'Σ verified savings of completed projects': {
    'zh-Hant': '已完成項目的經核實節約量之和',
    en: 'Σ verified savings of completed projects',
  },
};

/** Notes that carry a date (YYYY-MM-DD), as register-figures.ts writes them. */
const DATED: readonly { re: RegExp; text: (m: RegExpExecArray) => LocalisedText }[] = [
  {
    re: /^found (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/,
    text: (m) => ({ 'zh-Hant': `發現日期${m[1]}至${m[2]}`, en: `Found ${m[1]} to ${m[2]}` }),
  },
  {
    re: /^rectified by (\d{4}-\d{2}-\d{2})$/,
    text: (m) => ({ 'zh-Hant': `於${m[1]}或之前整改`, en: `Rectified by ${m[1]}` }),
  },
  {
    re: /^open at (\d{4}-\d{2}-\d{2}) and due before it$/,
    text: (m) => ({ 'zh-Hant': `於${m[1]}仍未整改且已過限期`, en: `Open at ${m[1]} and due before it` }),
  },
];

const ID = /^[a-z][a-z0-9.-]*$/;

/** `name(id)`: the indicator's printed name in both languages, or undefined when unknown. */
export function methodNoteText(
  note: string,
  name: (indicatorId: string) => LocalisedText | undefined,
): NoteText {
  const whole = oneNote(note, name);
  if (whole.known || !note.includes('; ')) return whole;
  // notes joined by the methods ("total = sum over category; operational control: …"): each part
  const parts = note.split('; ').map((p) => oneNote(p, name));
  if (!parts.every((p) => p.known)) return whole;
  return known(parts.map((p) => p.text['zh-Hant']).join('；'), parts.map((p) => p.text.en).join('; '));
}

function oneNote(note: string, name: (indicatorId: string) => LocalisedText | undefined): NoteText {
  const fixed = FIXED[note];
  if (fixed) return { text: fixed, known: true };
  for (const d of DATED) {
    const m = d.re.exec(note);
    if (m) return { text: d.text(m), known: true };
  }
  const names = (ids: string[]) => {
    const all = ids.map((id) => (ID.test(id) ? name(id) : undefined));
    return all.every((n) => n !== undefined) ? (all as LocalisedText[]) : undefined;
  };
  const sum = /^sum of (.+)$/.exec(note);
  if (sum?.[1]) {
    const n = names(sum[1].split(', '));
    if (n)
      return known(`${n.map((x) => x['zh-Hant']).join('、')}之和`, `Sum of ${n.map((x) => x.en).join(', ')}`);
  }
  const total = /^total of (\S+)$/.exec(note);
  if (total?.[1]) {
    const n = names([total[1]]);
    if (n?.[0]) return known(`${n[0]['zh-Hant']}合計`, `Total of ${n[0].en}`);
  }
  const ratio = /^(\S+) ÷ (\S+)$/.exec(note);
  if (ratio?.[1] && ratio[2]) {
    const n = names([ratio[1], ratio[2]]);
    if (n?.[0] && n[1]) return known(`${n[0]['zh-Hant']} ÷ ${n[1]['zh-Hant']}`, `${n[0].en} ÷ ${n[1].en}`);
  }
  const over = /^total = sum over (\S+)$/.exec(note);
  const axis = over?.[1] ? AXIS_TERMS[over[1]] : undefined;
  if (axis) return known(`合計 = 按${axis['zh-Hant']}加總`, `Total = sum over ${axis.en.toLowerCase()}`);
  const quality = /^data quality ([1-5]) \(1 best … 5 poorest\)$/.exec(note);
  if (quality?.[1])
    return known(
      `數據質量第${quality[1]}級（1級最佳……5級最差）`,
      `Data quality ${quality[1]} (1 best … 5 poorest)`,
    );
  // the factor's id is on the factor node below (printed as code); the Chinese note does not repeat it
  if (/^no provincial .+; used national .+ factor \([^)]+\)$/.test(note))
    return known(
      '未有該省份或區域的電網排放因子，改用全國因子',
      note.charAt(0).toUpperCase() + note.slice(1),
    );
  return { text: { 'zh-Hant': note, en: note }, known: false };
}

function known(zh: string, en: string): NoteText {
  return { text: { 'zh-Hant': zh, en }, known: true };
}
