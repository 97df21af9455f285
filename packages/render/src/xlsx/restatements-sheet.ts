/**
 * The restatement note (GRI 2-4) in the XLSX: a sheet listing every restated fact of the model's
 * note (restatement, change, reason, entity, item, period, unit, value as reported, as restated)
 * and, below, each restatement's base-year test. Values are numeric cells of the exact values
 * (no arithmetic here); text cells are made safe as in the section sheets. No sheet when the
 * report has no note.
 */
import type { ReportModel } from '@assay/core/report-model';
import type ExcelJS from 'exceljs';
import { type RenderLang, tx } from '../text/lang.js';
import { addDraftBanner } from './draft-sheet.js';

const HEAD = {
  en: [
    'Restatement',
    'Change',
    'Reason',
    'Approved',
    'Entity',
    'Item',
    'Period',
    'Unit',
    'As reported',
    'Restated',
  ],
  'zh-Hant': ['重述', '變動類別', '原因', '批准日期', '實體', '項目', '期間', '單位', '原報告', '重述後'],
} as const;
const BASE_HEAD = {
  en: [
    'Restatement',
    'Base year',
    'As reported (tCO2e)',
    'Recalculated (tCO2e)',
    'Change (%)',
    'Threshold (%)',
    'Significant',
  ],
  'zh-Hant': [
    '重述',
    '基準年',
    '原報告（噸二氧化碳當量）',
    '重新計算（噸二氧化碳當量）',
    '變動（%）',
    '門檻（%）',
    '是否重大',
  ],
} as const;

const head = (lang: RenderLang, table: typeof HEAD | typeof BASE_HEAD) => [
  ...table[lang === 'en' ? 'en' : 'zh-Hant'],
];
const num = (s: string | null) => (s === null ? null : Number(s));

export function addRestatementsSheet(
  wb: ExcelJS.Workbook,
  model: ReportModel,
  lang: RenderLang,
  name: string,
  safeText: (s: string) => string,
): void {
  const note = model.restatementNote;
  if (!note) return;
  const ws = wb.addWorksheet(name);
  const cols = head(lang, HEAD);
  addDraftBanner(ws, model, lang, cols.length);
  ws.addRow(cols).font = { bold: true };
  for (const r of note.restatements)
    for (const i of r.items)
      ws.addRow([
        r.id,
        tx(r.changeLabel, lang),
        safeText(r.reason),
        r.approvedAt.slice(0, 10),
        safeText(tx(i.entity, lang)),
        safeText(tx(i.label, lang)),
        i.periodId,
        i.unit,
        num(i.before),
        num(i.after),
      ]);
  const tests = note.restatements.filter((r) => r.baseYear !== null);
  if (tests.length > 0) {
    ws.addRow([]);
    ws.addRow(head(lang, BASE_HEAD)).font = { bold: true };
    for (const r of tests) {
      const b = r.baseYear;
      if (!b) continue;
      const pct = b.percent === null ? null : Number(Number(b.percent).toFixed(1));
      ws.addRow([r.id, b.year, num(b.before), num(b.after), pct, num(b.thresholdPercent), b.significant]);
    }
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 2 ? 48 : i === 5 ? 32 : 16;
  });
}
