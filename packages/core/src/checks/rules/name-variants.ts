/**
 * Rule 14, name variants: one product, place or register item spelled two ways in one bundle.
 * master-data compares entity names and aliases; this rule compares every free text of the
 * bundle (master-data's forEachText: printed labels and notes, fact sources and comments, narrative,
 * registers) with each other and with the organisation's names, by normalisation, not by a
 * fuzzy score:
 * - `spacing`: a Latin name written as one word and split ("Jinchuan" / "Jin Chuan", "Jin-chuan");
 *   the split form must be capitalised or hyphenated (everyday/every day is not a name);
 * - `word-order`: two content words in both orders ("nickel cathode" / "cathode nickel"), where
 *   at least one of them is a short text (a label, a name, ≤ 60 characters), not prose;
 * - `near-miss`: capitalised Latin words of six letters or more, same first letter, one edit apart ("Xinjiang" /
 *   "Xinjang"; a trailing s, d or es is an inflection, not a variant), when both look like names:
 *   neither is ever written in lower case, and one is capitalised inside a phrase somewhere
 *   (Suppliers / Supplies at the start of sentences are common words);
 * - `legal-suffix`: one company name with two legal forms ("X Co., Ltd." / "X Company Limited";
 *   "X股份有限公司" / "X有限公司"): different forms may be different companies, hence info;
 * - `width`: full-width letters, digits or brackets where the same name is written half-width
 *   ("ＮｉＣｕ" / "NiCu", "新鑫（香港）" / "新鑫(香港)");
 * - `script`: Simplified characters where the same name is written in Traditional elsewhere
 *   (新鑫矿业 / 新鑫礦業; only one-to-one characters, util/simplified-chars.ts).
 * Severity: warning when one of the two spellings is a declared name (an entity's name or
 * alias, a register item's name), info otherwise. Both spellings and their places are named.
 * Each distinct text is read once (Texts): a large group's millions of data points share a few
 * source texts; what a text holds is found once and noted at each of its places.
 */
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { withinOneEdit } from '../util/levenshtein.js';
import { placeZh } from '../util/place-zh.js';
import { SIMPLIFIED_TO_TRADITIONAL, toTraditional } from '../util/simplified-chars.js';
import { forEachText, type TextVisitor, whereOf } from './master-data.js';

export const nameVariantsRule: CheckRule = { id: 'name-variants', run };

type Place = { readonly where: string; readonly text: string };
type Kind = 'spacing' | 'word-order' | 'near-miss' | 'legal-suffix' | 'width' | 'script';
type Variant = { kind: Kind; a: string; b: string; placesA: Set<string>; placesB: Set<string> };

const STOP = new Set(
  'the and for with from that this were was are has have its per not but all any our their into over under than also other each more most such only been being which when where while there these those total group year years report'.split(
    ' ',
  ),
);
const SHORT_TEXT = 60;
/** "employees trained" / "trained employees" is grammar, not a name: participles are left out of word order. */
const PARTICIPLE = /(?:ed|ing)$/u;

/** Texts to read: master-data's (forEachText), then the organisation's names. */
function forEachPlace(ctx: CheckContext, visit: TextVisitor): void {
  forEachText(ctx, visit);
  for (const e of ctx.bundle.organisation.entities)
    for (const n of [e.name['zh-Hant'], e.name.en, e.name['zh-Hans'], ...e.aliases])
      if (n) visit(n, 'organisation', e.id);
}

function declaredNames(ctx: CheckContext): Set<string> {
  const declared = new Set<string>();
  for (const e of ctx.bundle.organisation.entities)
    for (const n of [e.name['zh-Hant'], e.name.en, e.name['zh-Hans'], ...e.aliases]) if (n) declared.add(n);
  const r = ctx.bundle.registers;
  for (const item of [...r.targets, ...r.policies, ...r.stakeholders, ...r.materialTopics, ...r.climateRisks])
    for (const n of [item.name['zh-Hant'], item.name.en]) if (n) declared.add(n);
  return declared;
}

function run(ctx: CheckContext): Finding[] {
  // placeholders blanked, identifiers left out; each raw text cleaned once
  const cleaned = new Map<string, string | null>();
  const clean = (raw: string): string | null => {
    let t = cleaned.get(raw);
    if (t === undefined) {
      const c = raw.replace(PLACEHOLDER, ' ');
      t = IDENTIFIER.test(c) ? null : c;
      cleaned.set(raw, t);
    }
    return t;
  };
  const texts: Texts = {
    forEach: (visit) =>
      forEachPlace(ctx, (raw, section, id) => {
        const t = clean(raw);
        if (t !== null) visit(t, section, id);
      }),
  };
  return variantsIn(texts, declaredNames(ctx));
}

/** A narrative placeholder ({{figure:anticorruption.sessions}}) names a figure, not a thing. */
const PLACEHOLDER = /\{\{[^}]*\}\}/gu;

/** Ids and keys the registers hold (anticorruption.coverage, hkex:B3.1, category=design): not names. */
const IDENTIFIER = /^[\x21-\x7E]+$/u;

/** Findings for a set of texts (exported for tests). */
export function findVariants(places: readonly Place[], declared: ReadonlySet<string> = new Set()): Finding[] {
  return variantsIn(
    {
      forEach: (visit) => {
        for (const p of places) visit(p.text, p.where, undefined);
      },
    },
    declared,
  );
}

/**
 * The texts to compare, in order, each with its place (whereOf(section, id)); `forEach` may be
 * called more than once and visits the same texts each time.
 */
type Texts = { readonly forEach: (visit: TextVisitor) => void };

/**
 * Distinct texts in the order first met, each with its first place: what latinVariants and
 * legalSuffixes read (they keep a form's first place only, so a text met again adds nothing),
 * and the corpus widthVariants and scriptVariants search.
 */
type Distinct = { readonly places: readonly Place[]; readonly indexOf: ReadonlyMap<string, number> };

function distinctOf(texts: Texts): Distinct {
  const places: Place[] = [];
  const indexOf = new Map<string, number>();
  texts.forEach((text, section, id) => {
    if (indexOf.has(text)) return;
    indexOf.set(text, places.length);
    places.push({ text, where: whereOf(section, id) });
  });
  return { places, indexOf };
}

function variantsIn(texts: Texts, declared: ReadonlySet<string>): Finding[] {
  const found = new Map<string, Variant>();
  const note = (kind: Kind, a: string, wa: string, b: string, wb: string) => {
    const [x, y, px, py] = a < b ? [a, b, wa, wb] : [b, a, wb, wa];
    const key = `${kind}|${x}|${y}`;
    const v = found.get(key) ?? { kind, a: x, b: y, placesA: new Set<string>(), placesB: new Set<string>() };
    v.placesA.add(px);
    v.placesB.add(py);
    found.set(key, v);
  };
  const distinct = distinctOf(texts);
  latinVariants(distinct.places, note);
  legalSuffixes(distinct.places, note);
  noteAtEveryPlace(texts, distinct, widthHits(distinct.places), 'width', note);
  noteAtEveryPlace(texts, distinct, scriptHits(distinct.places), 'script', note);
  return [...found.values()].map((v) => toFinding(v, declared));
}

/** A spelling found in a text and the other spelling with the place of the first text holding it. */
type Hit = { readonly a: string; readonly b: string; readonly whereB: string };

/** note(kind, hit.a, place, hit.b, hit.whereB) for each hit of each text, at every place of it, in order. */
function noteAtEveryPlace(
  texts: Texts,
  distinct: Distinct,
  hits: readonly (readonly Hit[])[],
  kind: Kind,
  note: Note,
): void {
  if (hits.every((h) => h.length === 0)) return;
  texts.forEach((text, section, id) => {
    const found = hits[distinct.indexOf.get(text) as number] as readonly Hit[];
    if (found.length === 0) return;
    const where = whereOf(section, id);
    for (const h of found) note(kind, h.a, where, h.b, h.whereB);
  });
}

type Note = (kind: Kind, a: string, wa: string, b: string, wb: string) => void;

const WORD = /[A-Za-z][A-Za-z]*(?:-[A-Za-z]+)*/gu;

/** Runs of Latin words not broken by punctuation: [words, is-short-text]. */
function wordRuns(text: string): string[][] {
  return text
    .split(/[^A-Za-z\s-]+/u)
    .map((run) => [...run.matchAll(WORD)].map((m) => m[0]))
    .filter((ws) => ws.length > 0);
}

const capitalised = (w: string) => /^[A-Z]/u.test(w);

function latinVariants(places: readonly Place[], note: Note): void {
  // one-word forms, split forms (2–3 words, or hyphenated), bigrams by sorted key
  const single = new Map<string, Map<string, string>>(); // compact key → surface → first place
  const split = new Map<string, Map<string, string>>();
  const bigrams = new Map<string, Map<string, { where: string; short: boolean }>>();
  const capitals = new Map<string, string>(); // capitalised word (≥ 6 letters) → first place
  const lower = new Set<string>(); // words also written in lower case: common words, not names
  const midCaps = new Set<string>(); // capitalised inside a run of words, not only at its start
  const add = <V>(m: Map<string, Map<string, V>>, k: string, surface: string, v: V) => {
    const inner = m.get(k) ?? new Map<string, V>();
    if (!inner.has(surface)) inner.set(surface, v);
    m.set(k, inner);
  };
  for (const { where, text } of places) {
    const short = text.length <= SHORT_TEXT;
    for (const ws of wordRuns(text)) {
      for (const [i, w] of ws.entries()) {
        if (!capitalised(w)) lower.add(w.toLowerCase());
        else if (i > 0) midCaps.add(w);
        if (w.includes('-')) {
          if (w.split('-').every(capitalised) || capitalised(w))
            add(split, w.replaceAll('-', '').toLowerCase(), w, where);
        } else if (w.length >= 6) add(single, w.toLowerCase(), w, where);
        if (w.length >= 6 && capitalised(w) && !w.includes('-') && !capitals.has(w)) capitals.set(w, where);
        for (const n of [2, 3]) {
          const parts = ws.slice(i, i + n);
          if (parts.length === n && parts.every(capitalised) && parts.every((p) => !p.includes('-')))
            add(split, parts.join('').toLowerCase(), parts.join(' '), where);
        }
        const next = ws[i + 1];
        if (next && w.length >= 4 && next.length >= 4) {
          const [x, y] = [w.toLowerCase(), next.toLowerCase()];
          if (!STOP.has(x) && !STOP.has(y) && x !== y && !PARTICIPLE.test(x) && !PARTICIPLE.test(y))
            add(bigrams, [x, y].sort().join(' '), `${x} ${y}`, { where, short });
        }
      }
    }
  }
  for (const [k, forms] of split) {
    const one = single.get(k);
    if (!one) continue;
    const [s1, w1] = [...one.entries()][0] as [string, string];
    for (const [s2, w2] of forms) if (s2.length > s1.length) note('spacing', s1, w1, s2, w2);
  }
  for (const forms of bigrams.values()) {
    const xs = [...forms.entries()];
    if (xs.length < 2) continue;
    const [[a, pa], [b, pb]] = xs as [
      [string, { where: string; short: boolean }],
      [string, { where: string; short: boolean }],
    ];
    if (pa.short || pb.short) note('word-order', a, pa.where, b, pb.where);
  }
  // near misses keep their first letter (as master-data's do): compared within first letter and length
  const caps = [...capitals.entries()];
  const bucket = new Map<string, [string, string][]>();
  const keyOf = (w: string, len: number) => `${w.charAt(0)}|${len}`;
  for (const c of caps) {
    const k = keyOf(c[0], c[0].length);
    const b = bucket.get(k);
    if (b) b.push(c);
    else bucket.set(k, [c]);
  }
  for (const [w, where] of caps)
    for (const d of [0, 1])
      for (const [v, vw] of bucket.get(keyOf(w, w.length + d)) ?? []) {
        if (v === w || (d === 0 && v < w) || !withinOneEdit(w, v)) continue;
        if (inflection(w, v) || w.toLowerCase() === v.toLowerCase()) continue;
        // a name: never written in lower case, and capitalised inside a phrase at least once
        if (lower.has(w.toLowerCase()) || lower.has(v.toLowerCase())) continue;
        if (!midCaps.has(w) && !midCaps.has(v)) continue;
        note('near-miss', w, where, v, vw);
      }
}

/** "Report" / "Reports", "Trained" / "Traine" are inflections or cut words, not variants. */
const inflection = (a: string, b: string) => {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return l.startsWith(s) && /^(?:s|d|es|ed)$/u.test(l.slice(s.length));
};

const LATIN_SUFFIX =
  /((?:[A-Z][A-Za-z&'-]*\s+){0,5}[A-Z][A-Za-z&'-]*)\s*,?\s*(Co\.?\s*,?\s*Ltd\.?|Company Limited|Co\.?\s*Limited|Limited|Ltd\.?|Inc\.?|Corporation|Corp\.?|PLC|LLC)(?![A-Za-z])/gu;
const HAN_SUFFIX = /(\p{Script=Han}{2,16}?)(股份有限公司|有限責任公司|有限责任公司|有限公司)/gu;

function legalSuffixes(places: readonly Place[], note: Note): void {
  const latin = new Map<string, Map<string, string>>(); // base → suffix form → place
  const han: { base: string; suffix: string; where: string }[] = [];
  for (const { where, text } of places) {
    for (const m of text.matchAll(LATIN_SUFFIX)) {
      // "X Company Limited": Company belongs to the legal form, not to the name
      const lead = /\s+(Company|Co)$/u.exec((m[1] as string).trim());
      const base = (m[1] as string).trim().slice(0, lead ? -lead[0].length : undefined);
      if (!base) continue;
      const form = `${lead ? `${lead[1]} ` : ''}${m[2] as string}`.replace(/\s+/gu, ' ');
      const inner = latin.get(base) ?? new Map<string, string>();
      if (!inner.has(form)) inner.set(form, where);
      latin.set(base, inner);
    }
    for (const m of text.matchAll(HAN_SUFFIX))
      han.push({ base: m[1] as string, suffix: m[2] as string, where });
  }
  for (const [base, forms] of latin) {
    const xs = [...forms.entries()];
    for (let i = 1; i < xs.length; i++) {
      const [f0, w0] = xs[0] as [string, string];
      const [f1, w1] = xs[i] as [string, string];
      note('legal-suffix', `${base} ${f0}`, w0, `${base} ${f1}`, w1);
    }
  }
  // Han: the same name before two legal forms (the base's last 4+ characters agree)
  const seen = new Set<string>();
  for (const x of han)
    for (const y of han) {
      if (x.suffix >= y.suffix || toTraditional(x.suffix) === toTraditional(y.suffix)) continue;
      const common = commonTail(x.base, y.base);
      if (common.length < 4) continue;
      const key = `${common}|${x.suffix}|${y.suffix}`;
      if (seen.has(key)) continue;
      seen.add(key);
      note('legal-suffix', common + x.suffix, x.where, common + y.suffix, y.where);
    }
}

function commonTail(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return a.slice(a.length - i);
}

/** Full-width letters, digits and brackets (U+FF08, U+FF09, U+FF10–FF5A). */
const FULL_WIDTH = /[\uFF08\uFF09\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]+/gu;
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/u;

/** Per distinct text (in order): full-width spellings whose half-width form some text holds. */
function widthHits(places: readonly Place[]): Hit[][] {
  const all = places.map((p) => p.text);
  const corpus = all.join('\u0000');
  const inName = (c: string) => NAME_CHAR.test(c) || '（）()'.includes(c);
  return places.map(({ text }) => {
    const hits: Hit[] = [];
    let done = 0;
    for (const m of text.matchAll(FULL_WIDTH)) {
      let from = m.index ?? 0;
      if (from < done) continue;
      let to = from + m[0].length;
      // extend to the name around it (brackets included), a few characters each way
      for (let k = 0; k < 6 && from > 0 && inName(text.charAt(from - 1)); k++) from--;
      for (let k = 0; k < 6 && to < text.length && inName(text.charAt(to)); k++) to++;
      done = to;
      const window = text.slice(from, to);
      if (
        !/[\p{Script=Han}A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]{2}/u.test(
          window.replace(/[（）()]/gu, ''),
        )
      )
        continue;
      // brackets alone are a name's only when they enclose part of it: 新鑫（香港）, not 管治（
      const onlyBrackets = !/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/u.test(window);
      if (onlyBrackets && !/[（(][^）)]+[）)]/u.test(window)) continue;
      const half = window.normalize('NFKC');
      if (half === window) continue;
      const i = corpus.includes(half) ? all.findIndex((t) => t.includes(half)) : -1;
      if (i >= 0) hits.push({ a: window, b: half, whereB: (places[i] as Place).where });
    }
    return hits;
  });
}

/** Per distinct text (in order): Simplified spellings whose Traditional form some text holds. */
function scriptHits(places: readonly Place[]): Hit[][] {
  const all = places.map((p) => p.text);
  const corpus = all.join('\u0000');
  // every pair of adjacent characters in the texts: a window whose Traditional form has a pair
  // not in here cannot occur, and is dismissed without searching the corpus
  const pairs = new Set<string>();
  for (const t of all) for (let k = 0; k + 1 < t.length; k++) pairs.add(t.slice(k, k + 2));
  const mayOccur = (t: string) => {
    for (let k = 0; k + 1 < t.length; k++) if (!pairs.has(t.slice(k, k + 2))) return false;
    return true;
  };
  return places.map(({ text }) => {
    const hits: Hit[] = [];
    const chars = [...text];
    let covered = -1; // a character inside the last hit is not looked at again
    for (const [i, c] of chars.entries()) {
      if (i < covered || !SIMPLIFIED_TO_TRADITIONAL.has(c)) continue;
      // the longest Han window (4..2 characters) around it whose Traditional form occurs
      // elsewhere, then stretched to the right while it still does (阜康冶炼 → 阜康冶炼厂)
      let hit: { from: number; to: number; where: string } | undefined;
      const found = (from: number, to: number) => {
        const w = chars.slice(from, to).join('');
        if (!/^\p{Script=Han}+$/u.test(w)) return -1;
        const t = toTraditional(w);
        return mayOccur(t) && corpus.includes(t) ? all.findIndex((x) => x.includes(t)) : -1;
      };
      for (const len of [4, 3, 2]) {
        for (let from = i - len + 1; from <= i && !hit; from++) {
          if (from < 0 || from + len > chars.length) continue;
          const j = found(from, from + len);
          if (j >= 0) hit = { from, to: from + len, where: (places[j] as Place).where };
        }
        if (hit) break;
      }
      if (!hit) continue;
      while (hit.to < chars.length && found(hit.from, hit.to + 1) >= 0) hit.to += 1;
      const w = chars.slice(hit.from, hit.to).join('');
      hits.push({ a: w, b: toTraditional(w), whereB: hit.where });
      covered = hit.to;
    }
    return hits;
  });
}

const KIND_TEXT: Record<Kind, { en: string; zh: string }> = {
  spacing: { en: 'written as one word and split', zh: '分寫與連寫不一' },
  'word-order': { en: 'the same words in another order', zh: '詞序不同' },
  'near-miss': { en: 'one letter apart', zh: '只差一個字母' },
  'legal-suffix': {
    en: 'two legal forms of one name (or two companies)',
    zh: '同一名稱的兩種公司後綴（或為兩家公司）',
  },
  width: { en: 'full-width and half-width characters', zh: '全形與半形字元不一' },
  script: { en: 'Simplified and Traditional characters', zh: '簡體與繁體字不一' },
};

function toFinding(v: Variant, declared: ReadonlySet<string>): Finding {
  const list = (s: Set<string>, zh = false) => {
    const xs = [...s].map((w) => (zh ? placeZh(w) : w));
    const sep = zh ? '、' : ', ';
    return xs.length > 3 ? `${xs.slice(0, 3).join(sep)} +${xs.length - 3}` : xs.join(sep);
  };
  // a declared name is one of the spellings, or a word of one (Jinchuan in "Jinchuan Group Co., Ltd.")
  const [a, b] = [v.a.toLowerCase(), v.b.toLowerCase()];
  const isDeclared = [...declared].some((name) => {
    const d = name.toLowerCase();
    return d === a || d === b || (/^[a-z]/u.test(a) && d.split(/[\s,.]+/u).some((w) => w === a || w === b));
  });
  const k = KIND_TEXT[v.kind];
  return {
    ruleId: 'name-variants',
    code: v.kind,
    severity: isDeclared && v.kind !== 'legal-suffix' ? 'warning' : 'info',
    where: { section: [...v.placesA][0] as string },
    expected: v.b,
    actual: v.a,
    message: msg(
      `"${v.a}" (${list(v.placesA)}) and "${v.b}" (${list(v.placesB)}) look like one name spelled two ways: ${k.en}. Use one spelling, or record the other as an alias.`,
      `「${v.a}」（${list(v.placesA, true)}）與「${v.b}」（${list(v.placesB, true)}）似是同一名稱的兩種寫法：${k.zh}。請統一寫法，或將另一寫法登記為別名。`,
    ),
  };
}
