/**
 * Rule 9, master data: one canonical name per entity. Every free text of the bundle (printed
 * labels and notes, sources and comments of facts, narrative, registers) is scanned for each
 * entity's names. A known alias in place of the canonical name is info (one finding per alias,
 * listing where); a string one edit away from a known name (Levenshtein 1, same first and last
 * character, at least four characters) that is not itself a known name is a warning.
 * Search: a one-edit variant keeps either the first or the second half of the name intact, so
 * only windows anchored on an exact half are compared. Each distinct text is searched once: a
 * large group's millions of data points share a few source texts (2.4 million data points: 3.6 s
 * searched one by one, docs/performance.md), and a place's name is built only where a text hits.
 */
import type { Entity } from '../../model/organisation.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { withinOneEdit } from '../util/levenshtein.js';
import { placeZh } from '../util/place-zh.js';

export const masterDataRule: CheckRule = { id: 'master-data', run };

const MIN_LENGTH = 4;

/**
 * A free text of the bundle and where it is: "<section> <id>" ("data-points d7"), or `section`
 * alone when id is undefined (a register path such as "registers.targets.0.name.en"). The
 * place's name is built only when asked for (whereOf): a group has millions of data points.
 */
export type TextVisitor = (text: string, section: string, id: string | undefined) => void;

export const whereOf = (section: string, id: string | undefined): string =>
  id === undefined ? section : `${section} ${id}`;

/**
 * Visit every non-empty free text of the bundle in a fixed order: printed labels and notes, data
 * points' and activity lines' sources and comments, narrative, registers.
 */
export function forEachText(ctx: CheckContext, visit: TextVisitor): void {
  const b = ctx.bundle;
  for (const p of b.published) {
    if (p.labelZh) visit(p.labelZh, 'published', p.id);
    if (p.labelEn) visit(p.labelEn, 'published', p.id);
    if (p.note) visit(p.note, 'published', p.id);
  }
  const points = b.dataPoints;
  for (let k = 0; k < points.length; k++) {
    const d = points[k] as (typeof points)[number];
    if (d.source) visit(d.source, 'data-points', d.id);
    if (d.comment) visit(d.comment, 'data-points', d.id);
  }
  for (const l of b.activityLines) {
    if (l.source) visit(l.source, 'activity-lines', l.id);
    if (l.comment) visit(l.comment, 'activity-lines', l.id);
  }
  for (const n of b.narrative)
    for (const t of [n.title['zh-Hant'], n.title.en, n.body['zh-Hant'], n.body.en])
      if (t) visit(t, 'narrative', n.id);
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (v) visit(v, path, undefined);
    } else if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, `${path}.${i}`);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(b.registers, 'registers');
}

function namesOf(e: Entity): string[] {
  return [e.name['zh-Hant'], e.name.en, e.name['zh-Hans'], ...e.aliases].filter(
    (n): n is string => typeof n === 'string' && n.length >= MIN_LENGTH,
  );
}

/** A known alias (alias) or a one-edit variant of a name, found in a text. */
type Hit = { readonly alias: boolean; readonly name: Name; readonly window: string };
const NO_HITS: readonly Hit[] = [];

type Name = {
  readonly entity: Entity;
  readonly name: string;
  readonly chars: readonly string[];
  readonly isAlias: boolean;
};

function run(ctx: CheckContext): Finding[] {
  const entities = ctx.bundle.organisation.entities;
  const known = new Set<string>(
    entities.flatMap((e) => [
      e.name['zh-Hant'],
      e.name.en,
      ...(e.name['zh-Hans'] ? [e.name['zh-Hans']] : []),
      ...e.aliases,
    ]),
  );
  const names: Name[] = entities.flatMap((e) =>
    namesOf(e).map((name) => ({ entity: e, name, chars: name.split(''), isAlias: e.aliases.includes(name) })),
  );
  const aliasUse = new Map<string, { entity: Entity; alias: string; places: Set<string> }>();
  const nearMiss = new Map<string, { entity: Entity; name: string; variant: string; places: Set<string> }>();
  const index = halfIndex(names);
  /** What a text holds (depends on the text alone): searched once per distinct text. */
  const hitsByText = new Map<string, readonly Hit[]>();
  const hitsOf = (text: string): readonly Hit[] => {
    let hits = hitsByText.get(text);
    if (hits === undefined) {
      const found: Hit[] = [];
      candidates(text, index, (name, window) => {
        if (window === name.name) {
          if (name.isAlias && !isInsideKnown(text, window, known)) found.push({ alias: true, name, window });
        } else if (
          !known.has(window) &&
          !isInsideKnown(text, window, known) &&
          withinOneEdit(window, name.name)
        )
          found.push({ alias: false, name, window });
      });
      hits = found.length === 0 ? NO_HITS : found;
      hitsByText.set(text, hits);
    }
    return hits;
  };
  forEachText(ctx, (text, section, id) => {
    const hits = hitsOf(text);
    if (hits.length === 0) return;
    const where = whereOf(section, id);
    for (const { alias, name, window } of hits) {
      const k = `${name.entity.id}|${window}`;
      if (alias) {
        const a = aliasUse.get(k) ?? { entity: name.entity, alias: window, places: new Set<string>() };
        a.places.add(where);
        aliasUse.set(k, a);
      } else {
        const m = nearMiss.get(k) ?? {
          entity: name.entity,
          name: name.name,
          variant: window,
          places: new Set<string>(),
        };
        m.places.add(where);
        nearMiss.set(k, m);
      }
    }
  });
  const list = (s: Set<string>) => {
    const xs = [...s];
    return xs.length > 5 ? `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more` : xs.join(', ');
  };
  const listZh = (s: Set<string>) => {
    const xs = [...s].map(placeZh);
    return xs.length > 5 ? `${xs.slice(0, 5).join('、')}等 ${xs.length} 處` : xs.join('、');
  };
  const out: Finding[] = [];
  for (const a of aliasUse.values())
    out.push({
      ruleId: 'master-data',
      code: 'alias-used',
      severity: 'info',
      where: { entityId: a.entity.id, section: [...a.places][0] as string },
      expected: a.entity.name['zh-Hant'],
      actual: a.alias,
      message: msg(
        `"${a.alias}" (a known alias of ${a.entity.id}) is used instead of "${a.entity.name['zh-Hant']}" in ${list(a.places)}.`,
        `${listZh(a.places)}使用了「${a.alias}」（已知別名），而非標準名稱「${a.entity.name['zh-Hant']}」。`,
      ),
    });
  for (const m of nearMiss.values())
    out.push({
      ruleId: 'master-data',
      code: 'near-miss-name',
      severity: 'warning',
      where: { entityId: m.entity.id, section: [...m.places][0] as string },
      expected: m.name,
      actual: m.variant,
      message: msg(
        `"${m.variant}" in ${list(m.places)} is one character away from "${m.name}" (${m.entity.id}) but is not a recorded name: a typo, or an alias to record.`,
        `${listZh(m.places)}中的「${m.variant}」與「${m.name}」只差一字，卻非已記錄的名稱：可能是筆誤，或應登記為別名。`,
      ),
    });
  return out;
}

type HalfIndex = {
  heads: Map<string, Name[]>;
  tails: Map<string, Name[]>;
  headLengths: number[];
  tailLengths: number[];
  /** First characters of heads and of tails: most positions start neither. */
  headStarts: Set<string>;
  tailStarts: Set<string>;
};

/** Names by their first half and by their second half (in characters). */
function halfIndex(names: readonly Name[]): HalfIndex {
  const heads = new Map<string, Name[]>();
  const tails = new Map<string, Name[]>();
  for (const n of names) {
    const half = Math.floor(n.name.length / 2);
    const head = n.name.slice(0, half);
    const tail = n.name.slice(half);
    heads.set(head, [...(heads.get(head) ?? []), n]);
    tails.set(tail, [...(tails.get(tail) ?? []), n]);
  }
  const lengths = (m: Map<string, Name[]>) => [...new Set([...m.keys()].map((k) => k.length))];
  const starts = (m: Map<string, Name[]>) => new Set([...m.keys()].map((k) => k.charAt(0)));
  return {
    heads,
    tails,
    headLengths: lengths(heads),
    tailLengths: lengths(tails),
    headStarts: starts(heads),
    tailStarts: starts(tails),
  };
}

/**
 * Windows of a text (in UTF-16 code units, which is characters for CJK and Latin) that may be one edit from a name: anchored on an exact
 * first half (window starts there) or an exact second half (window ends there), lengths n−1..n+1,
 * with the name's first and last character.
 */
export function candidates(t: string, ix: HalfIndex, visit: (name: Name, window: string) => void): void {
  const emit = (name: Name, from: number, to: number) => {
    if (from < 0 || to > t.length || to - from < MIN_LENGTH) return;
    if (t[from] !== name.chars[0] || t[to - 1] !== name.chars[name.chars.length - 1]) return;
    visit(name, t.slice(from, to));
  };
  for (let i = 0; i < t.length; i++) {
    const c = t.charAt(i);
    if (ix.headStarts.has(c))
      for (const len of ix.headLengths) {
        for (const name of ix.heads.get(t.slice(i, i + len)) ?? [])
          for (const d of [-1, 0, 1]) emit(name, i, i + name.chars.length + d);
      }
    if (ix.tailStarts.has(c))
      for (const len of ix.tailLengths) {
        for (const name of ix.tails.get(t.slice(i, i + len)) ?? [])
          for (const d of [-1, 0, 1]) emit(name, i + len - name.chars.length - d, i + len);
      }
  }
}

/** A variant that is only part of a longer known name at that spot is not a variant. */
function isInsideKnown(text: string, variant: string, known: ReadonlySet<string>): boolean {
  for (const k of known)
    if (k.length > variant.length && k.includes(variant) && text.includes(k)) return true;
  return false;
}
