/**
 * The XLSX data pack (exceljs): a sheet per report section with figure id, indicator, entity,
 * unit, current year, prior year and change (%); numbers are numeric cells whose number format
 * shows the figure's precision (values rounded half-up in the model; no arithmetic here). Given
 * lineage, a derived figure's current value is a formula over the Calculations sheet's cell
 * (='Calculations'!E12) with the exact value cached as its result, so a previewer that does
 * not calculate shows the number and a spreadsheet that does gets the same one.
 * Text cells starting with = + - @ are prefixed with ' so they cannot run as formulas.
 * A draft report's sheets carry the DRAFT mark (draft-sheet.ts): a banner row above the heads.
 * A report with a restatement note (GRI 2-4) has a sheet of it (restatements-sheet.ts).
 */
import type { ReportModel } from '@assay/core/report-model';
import ExcelJS from 'exceljs';
import { type RenderLang, tx } from '../text/lang.js';
import {
  addCalculationsSheet,
  calculationsRef,
  type LineageSource,
  planCalculations,
} from './calculations-sheet.js';
import { addDraftBanner } from './draft-sheet.js';
import { addRestatementsSheet } from './restatements-sheet.js';

export const safeText = (s: string) => (/^[=+\-@\t\r\n]/.test(s) ? `'${s}` : s);
/** Head of the id column: the ids themselves are the same in every language. */
const ID_HEAD = { 'zh-Hant': '編號', en: 'id', 'zh-Hans': '编号' } as const;
const numFmt = (places: number) => (places > 0 ? `#,##0.${'0'.repeat(places)}` : '#,##0');

/** Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  let base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  for (let i = 2; used.has(base); i++) base = `${title.slice(0, 26)} ${i}`;
  used.add(base);
  return base;
}

export async function renderXlsx(
  model: ReportModel,
  lang: RenderLang,
  lineage?: LineageSource,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Assay';
  const used = new Set<string>();
  const L = model.labels;
  const plan = lineage ? planCalculations(model, lineage) : undefined;
  for (const g of model.figureGroups) {
    const ws = wb.addWorksheet(sheetName(tx(g.title, lang), used));
    const head = [
      tx(ID_HEAD, lang),
      tx(L.indicator, lang),
      tx(L.entity, lang),
      tx(L.unit, lang),
      model.currentYear,
      ...(model.priorYear ? [model.priorYear, tx(L.change, lang)] : []),
    ];
    addDraftBanner(ws, model, lang, head.length);
    ws.addRow(head).font = { bold: true };
    for (const f of g.figures) {
      const row = ws.addRow([
        f.id,
        safeText(tx(f.label, lang)),
        safeText(tx(f.entity, lang)),
        tx(f.unit, lang),
        f.current ? Number(f.current.plain) : f.error ? tx(L.notCalculated, lang) : null,
        ...(model.priorYear
          ? [f.prior ? Number(f.prior.plain) : null, f.change ? Number(f.change.plain) : null]
          : []),
      ]);
      // a derived figure's current value: the Calculations sheet's cell, cached with the exact value
      const calcRow = plan?.figureRow.get(f.id);
      if (calcRow !== undefined && f.exact !== null && f.current)
        row.getCell(5).value = { formula: calculationsRef(lang, calcRow), result: Number(f.exact) };
      for (const c of [5, 6]) row.getCell(c).numFmt = numFmt(f.precision);
      row.getCell(7).numFmt = '+0.0;-0.0;0.0';
    }
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 36 : i === 1 ? 40 : 16;
    });
  }
  if (model.restatementNote)
    addRestatementsSheet(
      wb,
      model,
      lang,
      sheetName(lang === 'en' ? 'Restatements' : '資料重述', used),
      safeText,
    );
  if (lineage && plan) addCalculationsSheet(wb, model, lang, lineage, plan);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
