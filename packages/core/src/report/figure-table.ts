/** A table of report figures: indicator, (entity), unit, current year, prior year, change (%). */
import type { LocalisedText } from '../model/text.js';
import { REPORT_LABELS } from './labels.js';
import type { Block, Cell, ReportFigure } from './model.js';

const year = (y: string): LocalisedText => ({ 'zh-Hant': `${y}年`, en: y });

export function figureTableHead(current: string, prior: string | null, withEntity: boolean): LocalisedText[] {
  return [
    REPORT_LABELS.indicator,
    ...(withEntity ? [REPORT_LABELS.entity] : []),
    REPORT_LABELS.unit,
    year(current),
    ...(prior === null ? [] : [year(prior), REPORT_LABELS.change]),
  ];
}

const num = (r: ReportFigure, which: 'current' | 'prior' | 'change'): Cell => {
  const v = r[which];
  if (v) return { kind: 'number', value: v, ...(which === 'current' ? { figureId: r.id } : {}) };
  if (which === 'current' && r.error) return { kind: 'text', text: REPORT_LABELS.notCalculated };
  return { kind: 'empty' };
};

export function figureTable(
  id: string,
  caption: LocalisedText,
  rows: readonly ReportFigure[],
  ctx: { bundle: { reporting: { current: string } }; prior: string | null },
  withEntity: boolean,
): Block {
  return {
    kind: 'table',
    id,
    caption,
    head: figureTableHead(ctx.bundle.reporting.current, ctx.prior, withEntity),
    rows: rows.map((r) => [
      { kind: 'text', text: r.label },
      ...(withEntity ? [{ kind: 'text', text: r.entity } as const] : []),
      { kind: 'text', text: r.unit },
      num(r, 'current'),
      ...(ctx.prior === null ? [] : [num(r, 'prior'), num(r, 'change')]),
    ]),
  };
}
