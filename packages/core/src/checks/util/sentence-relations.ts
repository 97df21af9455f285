/**
 * Relations a sentence states between its own numbers (narrative-arithmetic rule): a per-capita
 * value or an average (total ÷ people), a total and its parts ("A, of which B and C", "B and C,
 * totalling A", 合計, 其中), a share of a stated total (佔 P%, "(P%)", accounting for P%), and a
 * change from X to Y stated as a percent (由 X 下降至 Y，降幅 P%; "from X to Y, down P%"; against last
 * year's value beside it: "Y (2024: X), down P%", "Y，上年X，同比上升P%").
 * Each relation names the numbers it read; the rule recomputes it with interval arithmetic.
 * Cue words are data here; a sentence whose roles are ambiguous (two candidate totals, no
 * people count) gives no relation rather than a guess.
 */
import type { SentenceNumber } from './sentence-numbers.js';

export type SentenceRelation =
  | {
      readonly kind: 'per-capita';
      readonly value: SentenceNumber;
      readonly total: SentenceNumber;
      readonly count: SentenceNumber;
    }
  | {
      readonly kind: 'sum';
      readonly total: SentenceNumber;
      readonly parts: readonly SentenceNumber[];
      readonly exact: boolean;
    }
  | {
      readonly kind: 'share';
      readonly share: SentenceNumber;
      readonly part: SentenceNumber;
      readonly total: SentenceNumber;
    }
  | {
      readonly kind: 'change';
      readonly change: SentenceNumber;
      readonly from: SentenceNumber;
      readonly to: SentenceNumber;
      /** +1 up, −1 down, 0 when no direction word was read (either sign is accepted). */
      readonly sign: 1 | -1 | 0;
    };

const AVERAGE_BEFORE =
  /(?:人均|平均|每人|每名員工|每名员工|per capita|averag(?:e|ed|ing)|mean)[^\d，,。；;()（）]{0,24}$/iu;
const TOTAL_BEFORE =
  /(?:合計|合共|共計|共计|總計|总计|總共|总共|總額|总额|totall?ing|a total of|in total|combined|altogether)[^\d，,。；;]{0,6}$/iu;
const TOTAL_AFTER = /^[^\d，,。；;]{0,3}(?:in total|altogether|combined|in all)/iu;
const OF_WHICH = /(?:其中|of which|of whom|including|包括|包含)[^\d]{0,16}$/iu;
const REST = /(?:其餘|其余|餘下|余下|其他|the rest|remaining|others?)[^\d]{0,12}$/iu;
const FROM = /(?:from|由|從|从)[^，,。；;]{0,16}$/iu;
/** "至472.55", "至2025年的472.55", "to 472.55": a year between the cue and the value is allowed. */
const TO = /(?:to|至|到)(?:\s*(?:19|20)\d\d\s*年?\s*的?)?\s*$/iu;
/** Last year's value in brackets or tagged: "(2024: 498.50", "（2024年：", "上年", "last year". */
const PRIOR =
  /(?:[(（]\s*(?:19|20)\d\d\s*年?\s*[:：]|上年|去年|上一年|prior year|last year|previous year)[^\d，,。；;]{0,8}$/iu;
/** A share cue between the part and the percent ("佔員工總數1,839人的59.43%", ", or 59.43%"), or a bracket just before it. */
const SHARE_BETWEEN = /佔|占|比例|比率|比重|share|accounting for|representing|making up|i\.e\.|\bor\b|即/iu;
const BRACKET_BEFORE = /[(（]\s*$/u;
/** "6.99% of revenue", "59.43% of all employees": a percent of something is a share. */
const SHARE_AFTER = /^\s*of\b/iu;
const DOWN = /下降|減少|减少|降低|下跌|降幅|減幅|减幅|fell|falling|down|decrease|decline|drop|lower|reduc/iu;
const UP = /上升|增加|增長|增长|提升|提高|升幅|增幅|rose|rising|up\b|increase|grew|growth|higher|rise/iu;

const gapBefore = (s: string, ns: readonly SentenceNumber[], i: number) =>
  s.slice(i > 0 ? (ns[i - 1] as SentenceNumber).end : 0, (ns[i] as SentenceNumber).start);
const gapAfter = (s: string, ns: readonly SentenceNumber[], i: number) =>
  s.slice((ns[i] as SentenceNumber).end, i + 1 < ns.length ? (ns[i + 1] as SentenceNumber).start : s.length);

export function relationsIn(sentence: string, ns: readonly SentenceNumber[]): SentenceRelation[] {
  const out: SentenceRelation[] = [];
  const used = new Set<number>();
  const isAverage = ns.map(
    (n, i) => !n.percent && (n.perPerson || AVERAGE_BEFORE.test(gapBefore(sentence, ns, i))),
  );
  const plain = (i: number) => !(ns[i] as SentenceNumber).percent && !isAverage[i];

  // change: from X to Y … P%
  for (let i = 0; i + 1 < ns.length; i++) {
    const x = ns[i] as SentenceNumber;
    const y = ns[i + 1] as SentenceNumber;
    if (x.percent || y.percent || x.unit !== y.unit || x.perPerson !== y.perPerson) continue;
    if (!FROM.test(gapBefore(sentence, ns, i)) || !TO.test(gapBefore(sentence, ns, i + 1))) continue;
    const p = ns[i + 2];
    if (!p?.percent) continue;
    const words = sentence.slice(x.end, p.start);
    const sign = DOWN.test(words) ? -1 : UP.test(words) ? 1 : 0;
    out.push({ kind: 'change', change: p, from: x, to: y, sign });
    for (const k of [i, i + 1, i + 2]) used.add(k);
  }

  // change against last year's value given beside it: "Y (2024: X), down P%", "Y，上年X，同比下降P%"
  for (let i = 0; i + 2 < ns.length; i++) {
    const y = ns[i] as SentenceNumber;
    const x = ns[i + 1] as SentenceNumber;
    const p = ns[i + 2] as SentenceNumber;
    if (used.has(i) || used.has(i + 1) || y.percent || x.percent || !p.percent) continue;
    if (x.unit !== y.unit || x.perPerson !== y.perPerson || !PRIOR.test(gapBefore(sentence, ns, i + 1)))
      continue;
    const words = sentence.slice(x.end, p.start);
    if (!DOWN.test(words) && !UP.test(words) && !/同比|year on year/iu.test(words)) continue;
    const sign = DOWN.test(words) ? -1 : UP.test(words) ? 1 : 0;
    out.push({ kind: 'change', change: p, from: x, to: y, sign });
    for (const k of [i, i + 1, i + 2]) used.add(k);
  }

  // per capita and averages: value = total ÷ people
  for (const [i, a] of ns.entries()) {
    if (!isAverage[i] || used.has(i)) continue;
    const countUnit = a.unit === 'person' ? 'count' : 'person';
    const totals = ns.filter((n, j) => j !== i && plain(j) && n.unit === a.unit && a.unit !== '');
    const counts = ns.filter((n, j) => j !== i && plain(j) && n.unit === countUnit);
    if (totals.length === 1 && counts.length === 1)
      out.push({
        kind: 'per-capita',
        value: a,
        total: totals[0] as SentenceNumber,
        count: counts[0] as SentenceNumber,
      });
  }

  // totals: "B and C, totalling A" (parts before the total) and "A, of which B and C"
  const markedTotal = new Set<number>();
  for (const [i, t] of ns.entries()) {
    if (!plain(i) || used.has(i)) continue;
    if (t.unit === '') continue;
    if (!TOTAL_BEFORE.test(gapBefore(sentence, ns, i)) && !TOTAL_AFTER.test(gapAfter(sentence, ns, i)))
      continue;
    markedTotal.add(i);
    const parts = ns.filter((n, j) => j < i && plain(j) && !used.has(j) && n.unit === t.unit);
    if (parts.length >= 2) out.push({ kind: 'sum', total: t, parts, exact: true });
  }
  for (const [i] of ns.entries()) {
    if (!plain(i) || !OF_WHICH.test(gapBefore(sentence, ns, i))) continue;
    const unit = (ns[i] as SentenceNumber).unit;
    if (unit === '') continue;
    const ti = [...ns.keys()]
      .filter((j) => j < i && plain(j) && (ns[j] as SentenceNumber).unit === unit)
      .pop();
    if (ti === undefined) continue;
    markedTotal.add(ti);
    // the parts run to the next "of which" (a second breakdown) or the sentence's end
    const next = [...ns.keys()].find((j) => j > i && OF_WHICH.test(gapBefore(sentence, ns, j))) ?? ns.length;
    const inRange = (j: number) => j >= i && j < next && plain(j) && (ns[j] as SentenceNumber).unit === unit;
    const parts = ns.filter((_, j) => inRange(j));
    const exact = ns.some((_, j) => j > i && inRange(j) && REST.test(gapBefore(sentence, ns, j)));
    out.push({ kind: 'sum', total: ns[ti] as SentenceNumber, parts, exact });
  }

  // shares: P % of a stated total
  for (const [i, p] of ns.entries()) {
    if (!p.percent || used.has(i)) continue;
    const before = gapBefore(sentence, ns, i);
    const after = gapAfter(sentence, ns, i);
    if (DOWN.test(before) || UP.test(before) || /同比|year on year|on \d{4}/iu.test(before)) continue;
    const pi = [...ns.keys()].filter((j) => j < i && plain(j)).pop();
    if (pi === undefined) continue;
    const earlier = [...ns.keys()].filter((j) => j < pi && plain(j)).pop();
    const between = sentence.slice(earlier === undefined ? 0 : (ns[earlier] as SentenceNumber).end, p.start);
    if (!SHARE_BETWEEN.test(between) && !BRACKET_BEFORE.test(before) && !SHARE_AFTER.test(after)) continue;
    const unit = (ns[pi] as SentenceNumber).unit;
    const same = [...ns.keys()].filter((j) => plain(j) && (ns[j] as SentenceNumber).unit === unit);
    let part: SentenceNumber | undefined;
    let total: SentenceNumber | undefined;
    if (same.length === 2) {
      const [a, b] = same.map((j) => ns[j] as SentenceNumber) as [SentenceNumber, SentenceNumber];
      [part, total] = a.value.lessThanOrEqualTo(b.value) ? [a, b] : [b, a];
    } else {
      const marked = same.filter((j) => markedTotal.has(j) && j !== pi);
      if (marked.length !== 1) continue;
      part = ns[pi];
      total = ns[marked[0] as number];
    }
    if (part && total) out.push({ kind: 'share', share: p, part, total });
  }
  return out;
}

/** The numbers a relation reads. */
export function numbersOf(r: SentenceRelation): readonly SentenceNumber[] {
  switch (r.kind) {
    case 'per-capita':
      return [r.value, r.total, r.count];
    case 'sum':
      return [r.total, ...r.parts];
    case 'share':
      return [r.share, r.part, r.total];
    case 'change':
      return [r.change, r.from, r.to];
  }
}
