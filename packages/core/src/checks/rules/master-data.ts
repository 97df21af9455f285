/**
 * Rule 9, master data: one canonical name per entity. Every free text of the bundle (printed
 * labels and notes, sources and comments of facts, narrative, registers) is scanned for each
 * entity's names. A known alias in place of the canonical name is info (one finding per alias,
 * listing where); a string one edit away from a known name (Levenshtein 1, same first and last
 * character, at least four characters) that is not itself a known name is a warning.
 * Search: a one-edit variant keeps either the first or the second half of the name intact, so
 * only windows anchored on an exact half are compared.
 */
import type { Entity } from '../../model/organisation.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { withinOneEdit } from '../util/levenshtein.js';
import { placeZh } from '../util/place-zh.js';

export const masterDataRule: CheckRule = { id: 'master-data', run };

type Place = { readonly where: string; readonly text: string };
const MIN_LENGTH = 4;

export function textsOf(ctx: CheckContext): Place[] {
  const b = ctx.bundle;
  const out: Place[] = [];
  const push = (where: string, ...texts: (string | undefined)[]) => {
    for (const t of texts) if (t) out.push({ where, text: t });
  };
  for (const p of b.published) push(`published ${p.id}`, p.labelZh, p.labelEn, p.note);
  for (const d of b.dataPoints) push(`data-points ${d.id}`, d.source, d.comment);
  for (const l of b.activityLines) push(`activity-lines ${l.id}`, l.source, l.comment);
  for (const n of b.narrative)
    push(`narrative ${n.id}`, n.title['zh-Hant'], n.title.en, n.body['zh-Hant'], n.body.en);
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') push(path, v);
    else if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, `${path}.${i}`);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(b.registers, 'registers');
  return out;
}

function namesOf(e: Entity): string[] {
  return [e.name['zh-Hant'], e.name.en, e.name['zh-Hans'], ...e.aliases].filter(
    (n): n is string => typeof n === 'string' && n.length >= MIN_LENGTH,
  );
}

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
  for (const { where, text } of textsOf(ctx)) {
    candidates(text, index, (name, window) => {
      if (window === name.name) {
        if (!name.isAlias || isInsideKnown(text, window, known)) return;
        const k = `${name.entity.id}|${window}`;
        const a = aliasUse.get(k) ?? { entity: name.entity, alias: window, places: new Set<string>() };
        a.places.add(where);
        aliasUse.set(k, a);
      } else if (
        !known.has(window) &&
        !isInsideKnown(text, window, known) &&
        withinOneEdit(window, name.name)
      ) {
        const k = `${name.entity.id}|${window}`;
        const m = nearMiss.get(k) ?? {
          entity: name.entity,
          name: name.name,
          variant: window,
          places: new Set<string>(),
        };
        m.places.add(where);
        nearMiss.set(k, m);
      }
    });
  }
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
