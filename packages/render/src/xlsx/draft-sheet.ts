/**
 * The DRAFT mark in the XLSX (model.status; docs/report.md, "Draft and final"): every sheet gets
 * "DRAFT" / "草稿" in its page header, so it prints on every page; each section sheet also
 * opens with a banner row (the count of unapproved units) above its column heads, so it shows on
 * screen. The Calculations sheet keeps its column heads in row 1 (its rows are read back by
 * position when it is recalculated) and carries the mark in its header only.
 */
import type { ReportModel } from '@assay/core/report-model';
import type ExcelJS from 'exceljs';
import { type RenderLang, tx } from '../text/lang.js';

const COLOUR = 'B35C44';

/** The sheet's page header: the mark, centred, bold, in the draft colour ('&' doubled: header codes start with it). */
export function markDraftHeader(ws: ExcelJS.Worksheet, model: ReportModel, lang: RenderLang): void {
  if (model.status.state === 'final') return;
  const mark = tx(model.labels.draft, lang).replace(/&/g, '&&');
  ws.headerFooter.oddHeader = `&C&"-,Bold"&K${COLOUR}${mark}`;
}

/** Row 1 of a section sheet: the draft sentence across `width` columns; nothing when final. */
export function addDraftBanner(
  ws: ExcelJS.Worksheet,
  model: ReportModel,
  lang: RenderLang,
  width: number,
): void {
  markDraftHeader(ws, model, lang);
  if (model.status.state === 'final') return;
  const bs = model.status.blockers;
  const items = bs.length === 1 && bs[0]?.kind === 'unapproved' ? [] : bs.map((b) => `• ${tx(b.text, lang)}`);
  const row = ws.addRow([[tx(model.status.note, lang), ...items].join('\n')]);
  row.font = { bold: true, color: { argb: `FF${COLOUR}` } };
  row.height = 30 + 15 * items.length;
  row.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
  ws.mergeCells(row.number, 1, row.number, width);
}
