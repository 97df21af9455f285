/**
 * Rule 13, narrative arithmetic: numbers a sentence of the narrative states about each other,
 * recomputed from the sentence alone (util/sentence-numbers.ts reads them, util/sentence-relations.ts
 * finds the relation). Every printed number stands for the interval its printed precision allows,
 * times its scale word (362.11萬元 → [3621050, 3621150] 元); the relation is recomputed in
 * interval arithmetic and a finding fires only when the printed interval and the recomputed one
 * cannot meet (warning). Texts read: narrative section titles and bodies (zh-Hant and en),
 * explanations and climate-risk texts of the registers. Codes: per-capita (value ≠ total ÷
 * people), sum (parts do not give the stated total), parts-exceed-total ("A, of which B and C"
 * with B + C above A), share (P % ≠ part ÷ total), change (from X to Y ≠ the stated P %).
 */
import { Decimal } from '../../decimal.js';
import type { LocalisedText } from '../../model/text.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { div, type Interval, meets, mul, point, scale, showInterval, sub, sum } from '../util/interval.js';
import { numbersIn, type SentenceNumber, sentences } from '../util/sentence-numbers.js';
import { numbersOf, relationsIn, type SentenceRelation } from '../util/sentence-relations.js';

export const narrativeArithmeticRule: CheckRule = { id: 'narrative-arithmetic', run };

/** A text to read and where it is ("narrative energy (zh-Hant)"). */
export type NarrativeText = { readonly where: string; readonly text: string };

export function narrativeTexts(ctx: CheckContext): NarrativeText[] {
  const out: NarrativeText[] = [];
  // a placeholder ({{figure:…}}, model/narrative-refs.ts) prints a figure: not read here, and
  // it breaks the sentence's relations rather than leaving its neighbours to pair up wrongly
  const push = (where: string, t: LocalisedText) => {
    for (const lang of ['zh-Hant', 'en'] as const)
      if (t[lang]) out.push({ where: `${where} (${lang})`, text: t[lang].replace(/\{\{[^}]*\}\}/gu, '⟦⟧') });
  };
  for (const n of ctx.bundle.narrative) {
    push(`narrative ${n.id} title`, n.title);
    push(`narrative ${n.id}`, n.body);
  }
  for (const e of ctx.bundle.registers.explanations) push(`explanation ${e.subject}`, e.text);
  for (const r of ctx.bundle.registers.climateRisks) {
    push(`climate risk ${r.id} description`, r.description);
    push(`climate risk ${r.id} financial effect`, r.financialEffect);
  }
  return out;
}

function run(ctx: CheckContext): Finding[] {
  return narrativeTexts(ctx).flatMap((t) => checkText(t));
}

/** Findings for one text (exported for tests and the mutation measurement). */
export function checkText(t: NarrativeText): Finding[] {
  const out: Finding[] = [];
  for (const s of sentences(t.text)) {
    const ns = numbersIn(s.text);
    if (ns.length < 2) continue;
    for (const r of relationsIn(s.text, ns)) {
      const f = judge(r, s.text.trim(), t.where);
      if (f) out.push(f);
    }
  }
  return out;
}

const HUNDRED = new Decimal(100);
const quote = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

function finding(
  code: string,
  where: string,
  sentence: string,
  printed: SentenceNumber,
  computed: Interval,
  unit: string,
  en: string,
  zh: string,
): Finding {
  const p = showInterval(printed.interval);
  const c = showInterval(computed, 6);
  return {
    ruleId: 'narrative-arithmetic',
    code,
    severity: 'warning',
    where: { section: where },
    expected: `${c} ${unit}`.trim(),
    actual: printed.text,
    message: msg(
      `"${quote(sentence)}": ${en}: the printed ${printed.text} stands for ${`${p} ${unit}`.trim()}, the sentence's own numbers give ${`${c} ${unit}`.trim()}; the intervals cannot meet.`,
      `「${quote(sentence)}」：${zh}印出的 ${printed.text} 代表 ${p} ${zhUnit(unit)}，按句中其他數字計算得 ${c} ${zhUnit(unit)}，兩個區間不相交。`,
    ),
  };
}

const ZH_UNITS: Record<string, string> = {
  CNY: '元',
  t: '噸',
  tce: '噸標準煤',
  m3: '立方米',
  h: '小時',
  person: '人',
  'person-time': '人次',
  count: '次',
  household: '戶',
  MWh: '兆瓦時',
  kWh: '千瓦時',
  '%': '%',
};
const zhUnit = (u: string) => ZH_UNITS[u] ?? u;

function judge(r: SentenceRelation, sentence: string, where: string): Finding | undefined {
  if (numbersOf(r).some((n) => n.approximate)) return undefined;
  switch (r.kind) {
    case 'per-capita': {
      const q = div(r.total.interval, r.count.interval);
      if (!q || meets(q, r.value.interval)) return undefined;
      return finding(
        'per-capita',
        where,
        sentence,
        r.value,
        q,
        r.value.unit,
        `the per-person value (${r.total.text} ÷ ${r.count.text})`,
        `人均值（${r.total.text} ÷ ${r.count.text}）`,
      );
    }
    case 'sum': {
      const s = sum(r.parts.map((p) => p.interval));
      const names = r.parts.map((p) => p.text).join(' + ');
      if (r.exact) {
        if (meets(s, r.total.interval)) return undefined;
        return finding(
          'sum',
          where,
          sentence,
          r.total,
          s,
          r.total.unit,
          `the total (${names})`,
          `合計（${names}）`,
        );
      }
      // "of which": the parts may not exceed the total
      if (s.lo.lessThanOrEqualTo(r.total.interval.hi)) return undefined;
      return finding(
        'parts-exceed-total',
        where,
        sentence,
        r.total,
        { lo: s.lo, hi: s.hi },
        r.total.unit,
        `the total is below its parts (${names})`,
        `總數小於其組成部分（${names}）`,
      );
    }
    case 'share': {
      const q = div(r.part.interval, r.total.interval);
      if (!q) return undefined;
      const pct = scale(q, HUNDRED);
      if (meets(pct, r.share.interval)) return undefined;
      return finding(
        'share',
        where,
        sentence,
        r.share,
        pct,
        '%',
        `the share (${r.part.text} ÷ ${r.total.text})`,
        `佔比（${r.part.text} ÷ ${r.total.text}）`,
      );
    }
    case 'change': {
      const q = div(sub(r.to.interval, r.from.interval), r.from.interval);
      if (!q) return undefined;
      const pct = scale(q, HUNDRED);
      const stated = (sign: 1 | -1) => scale(r.change.interval, new Decimal(sign));
      const ok = r.sign === 0 ? meets(pct, stated(1)) || meets(pct, stated(-1)) : meets(pct, stated(r.sign));
      if (ok) return undefined;
      const signed = r.sign === -1 ? mul(r.change.interval, point(new Decimal(-1))) : r.change.interval;
      return finding(
        'change',
        where,
        sentence,
        { ...r.change, interval: signed },
        pct,
        '%',
        `the change from ${r.from.text} to ${r.to.text}`,
        `由 ${r.from.text} 至 ${r.to.text} 的變動`,
      );
    }
  }
}
