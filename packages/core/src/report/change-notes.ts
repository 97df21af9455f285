/**
 * Explanations of year-on-year swings (issue #19): a figure whose change against the prior year
 * exceeds the report's threshold (figure-rows.ts `swing`) prints, under its section table, the
 * explanation the organisation gave (registers.explanations, subject = the figure id or its
 * total's id) or a sentence saying none is given. Each missing one is a publication-gate item
 * (`unexplained`, publication-gate.ts); the checker's year-on-year rule reports the same swings.
 */
import type { LocalisedText } from '../model/text.js';
import { curateRows, type TableRow } from './curated-rows.js';
import type { Block, ReportFigure } from './model.js';

export function changeNotes(rows: readonly TableRow[]): Block[] {
  return rows.flatMap(({ row: r }): Block[] => {
    if (!r.swing || !r.change) return [];
    const pct = `${r.change.text}%`;
    const label = r.label;
    const text: LocalisedText = r.swing.explanation
      ? {
          'zh-Hant': `變動說明（${label['zh-Hant']}，較上年${pct}）：${r.swing.explanation['zh-Hant']}`,
          en: `Change explained (${label.en}, ${pct} against the prior year): ${r.swing.explanation.en}`,
        }
      : {
          'zh-Hant': `${label['zh-Hant']}較上年變動${pct}，尚未提供說明。`,
          en: `${label.en} changed by ${pct} against the prior year; no explanation has been given.`,
        };
    return [{ kind: 'note', text }];
  });
}

/** Swings without an explanation among the group rows the section tables print (one per row). */
export function unexplainedSwings(rows: readonly ReportFigure[], group: string): number {
  const bySection = new Map<string, ReportFigure[]>();
  for (const r of rows) {
    if (r.entityId !== group) continue;
    bySection.set(r.sectionId, [...(bySection.get(r.sectionId) ?? []), r]);
  }
  let n = 0;
  for (const list of bySection.values())
    for (const { row } of curateRows(list)) if (row.swing && row.swing.explanation === null) n += 1;
  return n;
}
