/**
 * Correct sentences that state relations between their numbers (per capita, totals and parts,
 * shares, changes), in Chinese and English, and the mutants the narrative-arithmetic test feeds
 * the rule: each number that takes part in a relation, in turn, slipped ×/÷10³ and ×/÷10⁴ (萬),
 * a percent printed as a fraction (59.43% → 0.5943%), every single-digit typo (d → d+1 mod 10,
 * d+2 for a leading digit that would become 0) and a scale word dropped (362.11萬元 → 362.11元).
 * The numbers in these sentences are our own, chosen so the relations hold at the printed
 * precision (1,969 = 362.11萬 ÷ 1,839 rounded; 5.21% = (472.55 − 498.50) ÷ 498.50 rounded).
 */
import { Decimal } from '../../decimal.js';
import { numbersIn, sentences } from '../util/sentence-numbers.js';
import { numbersOf, relationsIn } from '../util/sentence-relations.js';

export const CORRECT_SENTENCES: readonly string[] = [
  '全年培訓投入362.11萬元，覆蓋員工1,839人，人均培訓投入1,969元。',
  '總用水量472.55萬立方米，其中新鮮水312.40萬立方米，其餘為回用水160.15萬立方米。',
  '用水量由498.50萬立方米下降至472.55萬立方米，降幅5.21%。',
  '全年1,093名員工參加反貪污培訓，佔員工總數1,839人的59.43%。',
  '範圍一排放109.82千噸、範圍二排放95.40千噸，合計205.22千噸二氧化碳當量。',
  '報告期內共計招聘279人，其中校園招聘181人、社會招聘92人、其他招聘渠道6人。',
  '公益投入合計6.44萬元，惠及村民1,250人，人均投入51.52元。',
  '綜合能耗由12.35萬噸標準煤上升至12.98萬噸標準煤，同比上升5.10%。',
  '研發費用1.79億元，佔營業收入25.61億元的6.99%。',
  '用水量由2024年的498.50萬立方米下降至2025年的472.55萬立方米，降幅5.21%。',
  '綜合能耗12.98萬噸標準煤，上年12.35萬噸標準煤，同比上升5.10%。',
  'Training spending was CNY 362.11 × 10⁴ for 1,839 employees, or CNY 1,969 per employee.',
  'Water use fell from 498.50 × 10⁴ m³ to 472.55 × 10⁴ m³, down 5.21%.',
  '1,093 of 1,839 employees (59.43%) attended anti-corruption training.',
  'Scope 1 emissions were 109.82 kt and Scope 2 emissions 95.40 kt, totalling 205.22 kt CO2e.',
  'Total water withdrawn was 472.55 × 10⁴ m³, of which 312.40 × 10⁴ m³ was fresh water and the remaining 160.15 × 10⁴ m³ recycled water.',
  'Employees received a total of 73,465 hours of training, an average of 39.95 hours per employee across 1,839 employees.',
  'Community spending totalled CNY 6.44 × 10⁴ for 1,250 people, or CNY 51.52 per person.',
  'Energy consumption rose from 12.35 × 10⁴ tce to 12.98 × 10⁴ tce, up 5.10% year on year.',
  'R&D spending was CNY 1.79 billion, 6.99% of revenue of CNY 25.61 billion.',
  'Water use was 472.55 × 10⁴ m³ in 2025 (2024: 498.50 × 10⁴ m³), down 5.21%.',
];

export type Mutant = { readonly kind: string; readonly text: string };

const DIGITS = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/u;
const SCALE_WORD = /^\s*(?:萬|万|億|亿|千)/u;

/** A value printed at `places` decimals, with thousands separators when the original had them. */
function print(v: Decimal, places: number, commas: boolean): string {
  const s = v.toFixed(Math.max(0, places));
  if (!commas) return s;
  const [int, frac] = s.split('.') as [string, string | undefined];
  return int.replace(/\B(?=(\d{3})+(?!\d))/gu, ',') + (frac ? `.${frac}` : '');
}

export function mutants(text: string): Mutant[] {
  const out: Mutant[] = [];
  for (const s of sentences(text)) {
    const ns = numbersIn(s.text);
    const involved = new Map(
      relationsIn(s.text, ns)
        .flatMap(numbersOf)
        .map((n) => [n.start, n]),
    );
    for (const n of involved.values()) {
      const at = s.start + n.start;
      const digits = (DIGITS.exec(text.slice(at)) as RegExpExecArray)[0];
      const plain = new Decimal(digits.replaceAll(',', ''));
      const commas = digits.includes(',');
      const swap = (d: string, kind: string) =>
        out.push({ kind, text: text.slice(0, at) + d + text.slice(at + digits.length) });
      swap(print(plain.times(1000), n.places, commas), '×10³');
      swap(print(plain.dividedBy(1000), n.places + 3, commas), '÷10³');
      swap(print(plain.times(10_000), n.places, commas), '×10⁴ (萬)');
      swap(print(plain.dividedBy(10_000), n.places + 4, commas), '÷10⁴ (萬)');
      if (n.percent) swap(print(plain.dividedBy(100), n.places + 2, commas), 'percent as fraction');
      for (const [i, c] of [...digits].entries()) {
        if (!/\d/u.test(c)) continue;
        let d = (Number(c) + 1) % 10;
        if (d === 0 && i === 0) d = 2;
        swap(digits.slice(0, i) + String(d) + digits.slice(i + 1), 'digit typo');
      }
      const after = text.slice(at + digits.length);
      const w = SCALE_WORD.exec(after);
      if (w)
        out.push({
          kind: 'scale word dropped',
          text: text.slice(0, at + digits.length) + after.slice(w[0].length),
        });
    }
  }
  return out;
}
