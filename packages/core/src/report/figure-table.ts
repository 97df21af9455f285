/**
 * A table of report figures: indicator, unit, the current year, each comparative year (up to two,
 * figure-rows.ts) and the change (%) against the most recent. Rows come curated (curated-rows.ts):
 * breakdowns as sub-rows (`TableBlock.levels`).
 */
import type { LocalisedText } from '../model/text.js';
import type { TableRow } from './curated-rows.js';
import { REPORT_LABELS } from './labels.js';
import type { Block, Cell, NumberText, ReportFigure } from './model.js';

const year = (y: string): LocalisedText => ({ 'zh-Hant': `${y}年`, en: y });

export function figureTableHead(current: string, priors: readonly string[]): LocalisedText[] {
  return [
    REPORT_LABELS.indicator,
    REPORT_LABELS.unit,
    year(current),
    ...priors.map(year),
    ...(priors.length === 0 ? [] : [REPORT_LABELS.change]),
  ];
}

const numberCell = (v: NumberText | null, figureId?: string): Cell =>
  v ? { kind: 'number', value: v, ...(figureId ? { figureId } : {}) } : { kind: 'empty' };

function currentCell(r: ReportFigure): Cell {
  if (r.current) return numberCell(r.current, r.id);
  if (r.error) return { kind: 'text', text: REPORT_LABELS.notCalculated };
  return { kind: 'empty' };
}

/** A prior-year value: the row's comparative for that year (a prior-only row carries it in `prior`). */
function priorCell(r: ReportFigure, y: string, i: number): Cell {
  const p = r.priors.find((x) => x.periodId === y);
  if (p?.value) return numberCell(p.value);
  return i === 0 && r.periodId === y ? numberCell(r.prior) : { kind: 'empty' };
}

export function figureTable(
  id: string,
  caption: LocalisedText,
  rows: readonly TableRow[],
  years: { readonly current: string; readonly priors: readonly string[] },
): Block {
  return {
    kind: 'table',
    id,
    caption,
    head: figureTableHead(years.current, years.priors),
    rows: rows.map(({ row: r, label }) => [
      { kind: 'text', text: label },
      { kind: 'text', text: r.unit },
      currentCell(r),
      ...years.priors.map((y, i) => priorCell(r, y, i)),
      ...(years.priors.length === 0 ? [] : [numberCell(r.change)]),
    ]),
    levels: rows.map((r) => r.level),
  };
}
