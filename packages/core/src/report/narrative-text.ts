/**
 * Narrative placeholders → printed text (model/narrative-refs.ts; docs/report.md, "Narrative
 * bound to figures"). A placeholder prints the figure's table string: the current-year value of
 * its report row, or the prior-year value of the row it is the comparative of, with the row's
 * unit when asked (`|unit`). A placeholder that names no such figure, or a figure in error,
 * prints a visible marker ⟦…⟧ (renderers highlight it) and is an error finding of the checker
 * (checks/rules/narrative.ts); it never prints blank.
 */

import { type NarrativeRef, splitNarrative } from '../model/narrative-refs.js';
import type { Lang, LocalisedText } from '../model/text.js';
import type { ReportFigure } from './model.js';

/** Where a placeholder's figure is printed in the report's tables. */
export type FigureLookup = (
  figureId: string,
) => { row: ReportFigure; which: 'current' | 'prior' } | undefined;

export function figureLookup(rows: readonly ReportFigure[]): FigureLookup {
  const current = new Map(rows.filter((r) => r.current || r.error).map((r) => [r.id, r]));
  const prior = new Map(rows.filter((r) => r.priorId !== null).map((r) => [r.priorId as string, r]));
  return (id) => {
    const c = current.get(id);
    if (c) return { row: c, which: 'current' };
    const p = prior.get(id);
    return p ? { row: p, which: 'prior' } : undefined;
  };
}

/** The marker printed for a placeholder that does not resolve: what was written, without braces. */
export function unresolvedMarker(ref: NarrativeRef, lang: Lang): string {
  const inner = ref.raw.replace(/^\{\{\s*/, '').replace(/\}\}$/, '');
  return lang === 'en' ? `⟦unresolved figure: ${inner}⟧` : `⟦未能解析的數據：${inner}⟧`;
}

/** A number with its unit as a sentence prints it: "132,548.82 tCO2e", "132,548.82噸二氧化碳當量", "4.13%". */
export function withUnit(number: string, unit: string, lang: Lang): string {
  if (unit === '') return number;
  if (lang !== 'en' || unit.startsWith('%') || unit.startsWith('‰')) return `${number}${unit}`;
  return `${number} ${unit}`;
}

function refText(ref: NarrativeRef, lookup: FigureLookup, lang: Lang): string {
  const hit = ref.figureId ? lookup(ref.figureId) : undefined;
  const value = hit ? hit.row[hit.which] : null;
  if (!hit || !value || (hit.which === 'current' && hit.row.error)) return unresolvedMarker(ref, lang);
  return ref.withUnit ? withUnit(value.text, hit.row.unit[lang], lang) : value.text;
}

/** The narrative text with every placeholder replaced, in both languages. */
export function resolveNarrative(
  text: LocalisedText,
  lookup: FigureLookup,
  group: string,
  currentYear: string,
): LocalisedText {
  const one = (lang: Lang) =>
    splitNarrative(text[lang], group, currentYear)
      .map((p) => (p.kind === 'text' ? p.text : refText(p.ref, lookup, lang)))
      .join('');
  return { 'zh-Hant': one('zh-Hant'), en: one('en') };
}
