/**
 * Numbers in narrative text (docs/report.md, "Narrative bound to figures"). A narrative names a
 * figure with a placeholder and the report prints the figure there, formatted as its tables
 * print it:
 *
 *   {{figure:<indicator>[<axis>=<value>;…]@<entity>/<period>|unit}}
 *
 * `[…]`, `@<entity>` and `/<period>` are optional: the entity defaults to the group, the period
 * to the current reporting year ("{{figure:ghg.scope1}}" is "ghg.scope1@group/2025").
 * `|unit` appends the unit in the reader's language. There is no precision option on purpose:
 * a narrative number prints at the catalogue precision, the same string as in every table.
 *
 * Any other number typed into narrative text is "unbound" unless the rule below exempts it
 * (`unboundNumbers`). Pure: no clock, no I/O.
 */
import { disaggregationKey } from './fact.js';

export type NarrativeRef = {
  /** The placeholder as written, braces included. */
  readonly raw: string;
  /** Offset of `raw` in the text. */
  readonly index: number;
  /** The full figure id it names, or undefined when the reference cannot be read. */
  readonly figureId?: string;
  readonly withUnit: boolean;
};

/** One placeholder: `{{figure:` … `}}`; also catches malformed ones so none prints raw unnoticed. */
const PLACEHOLDER = /\{\{\s*figure:([^}|]*)(?:\|([^}]*))?\}\}/g;
const REF = /^([^[@/\s]+)(?:\[([^\]]*)\])?(?:@([^/\s]+))?(?:\/(\S+))?$/;

/** The full figure id of a reference ("ghg.scope1" → "ghg.scope1@group/2025"); undefined when malformed. */
export function refFigureId(ref: string, group: string, currentYear: string): string | undefined {
  const m = REF.exec(ref.trim());
  if (!m?.[1]) return undefined;
  const d: Record<string, string> = {};
  for (const part of (m[2] ?? '').split(';').filter((p) => p.trim() !== '')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) return undefined;
    d[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const key = disaggregationKey(d);
  return `${m[1]}${key === '' ? '' : `[${key}]`}@${m[3] ?? group}/${m[4] ?? currentYear}`;
}

export function narrativeRefs(text: string, group: string, currentYear: string): NarrativeRef[] {
  const out: NarrativeRef[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const options = (m[2] ?? '').split(',').map((o) => o.trim());
    const known = options.every((o) => o === '' || o === 'unit');
    const id = known ? refFigureId(m[1] ?? '', group, currentYear) : undefined;
    out.push({
      raw: m[0],
      index: m.index ?? 0,
      withUnit: options.includes('unit'),
      ...(id ? { figureId: id } : {}),
    });
  }
  return out;
}

/** A piece of narrative: literal text, or a placeholder to resolve. */
export type NarrativePiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'ref'; readonly ref: NarrativeRef };

export function splitNarrative(text: string, group: string, currentYear: string): NarrativePiece[] {
  const pieces: NarrativePiece[] = [];
  let at = 0;
  for (const ref of narrativeRefs(text, group, currentYear)) {
    if (ref.index > at) pieces.push({ kind: 'text', text: text.slice(at, ref.index) });
    pieces.push({ kind: 'ref', ref });
    at = ref.index + ref.raw.length;
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}

/**
 * Numbers typed into narrative text that no placeholder binds, as written ("205.22", "1,839").
 * A number is a run of digits (ASCII or full-width) with "," or "." groups. Exempt, by rule:
 * - years: an integer 1900–2099 standing alone ("2025", "2025年", "calendar 2025");
 * - dates: a month 1–12 followed by 月 or a day 1–31 followed by 日/號; an ISO date 2026-03-31;
 * - codes: digits touching a Latin letter ("C2", "A1.1", "S2", "1st") or following a code word
 *   and a space or nothing: GRI, ISO, IFRS, IEC, GB, GB/T, OHSAS, SA, KPI, HKEX, SASB, SDG,
 *   Scope, 範圍, 附錄, 附件, 第 (ordinals: 第3); and the second scope of "Scope 1 and 2",
 *   "Scope 1+2", "範圍1及2";
 * - a hyphenated code after such a word ("GRI 2-4", "GB/T 2589-2020").
 * Number words ("six", 六) are not digits and are not reported. Placeholders are removed first.
 */
export function unboundNumbers(text: string): string[] {
  const bare = text.replace(PLACEHOLDER, ' ');
  const out: string[] = [];
  const NUMBER = /[0-9０-９]+(?:[.,][0-9０-９]+)*(?:-[0-9０-９]+)*/g;
  for (const m of bare.matchAll(NUMBER)) {
    const s = m[0];
    const start = m.index ?? 0;
    const before = bare.slice(Math.max(0, start - 16), start);
    const after = bare.slice(start + s.length, start + s.length + 2);
    if (/[A-Za-z]$/.test(before) || /^[A-Za-z]/.test(after)) continue;
    if (/(?:Scopes?|範圍)\s?[123]\s?(?:and|&|\+|,|\/|及|和|、)\s?$/.test(before)) continue;
    if (/(?:GRI|ISO|IFRS|IEC|GB\/T|GB|OHSAS|SA|KPI|HKEX|SASB|SDG|Scope|範圍|附錄|第|附件)\s?$/.test(before))
      continue;
    const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (/^(19|20)\d\d$/.test(ascii)) continue;
    if (/^(19|20)\d\d-\d\d-\d\d$/.test(ascii)) continue;
    if (/^\d{1,2}$/.test(ascii) && /^月/.test(after) && Number(ascii) >= 1 && Number(ascii) <= 12) continue;
    if (/^\d{1,2}$/.test(ascii) && /^[日號]/.test(after) && Number(ascii) >= 1 && Number(ascii) <= 31)
      continue;
    out.push(s);
  }
  return out;
}
