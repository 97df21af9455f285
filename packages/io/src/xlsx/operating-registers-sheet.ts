/**
 * The supplier, hazard and energy-saving project registers as workbooks (issue #18;
 * docs/registers.md): one sheet per register ("suppliers", "hazards", "projects"), one row per
 * row of the register, bilingual headers whose last line is the column key (a dotted path into
 * the row: "name.en", "verified.tce"), every cell written as text so that decimals and dates come
 * back as typed. Reading is all or nothing: each row is checked by core's rules
 * (validate-register-rows.ts) and a file with any issue (named by file, sheet, row and column)
 * gives no rows; an id given twice is an issue. Defences as for the targets sheet: file size and
 * the ZIP's central directory first (zip-guard.ts), then exceljs.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type Hazard,
  type RowIssue,
  type RowRulesContext,
  type SavingProject,
  type Supplier,
  validateHazard,
  validateProject,
  validateSupplier,
} from '@assay/core';
import type ExcelJS from 'exceljs';
import { neutralise } from '../export/neutralise.js';
import { type ImportIssue, XLSX_LIMITS, type XlsxLimits } from '../import/limits.js';
import { cellText } from './cell-text.js';
import { excel } from './exceljs.js';
import { headerColumns, issuePlace } from './sheet-columns.js';
import { headerText, type TemplateColumn } from './template-layout.js';
import { checkXlsxZip } from './zip-guard.js';

export type OperatingSheet = 'suppliers' | 'hazards' | 'projects';
type Row = Supplier | Hazard | SavingProject;

const col = (key: string, zh: string, en: string, width = 16): TemplateColumn => ({ key, zh, en, width });
const DEMO = col('isDemonstration', '示範數據 (true)', 'Demonstration data (true)', 12);

export const OPERATING_COLUMNS: Readonly<Record<OperatingSheet, readonly TemplateColumn[]>> = {
  suppliers: [
    col('id', '編號', 'Id', 20),
    col('name.en', '名稱（英文）', 'Name (English)', 32),
    col('name.zh-Hant', '名稱（中文）', 'Name (Chinese)', 28),
    col('creditCode', '統一社會信用代碼', 'Unified social credit code', 22),
    col('entityId', '所屬主體', 'Entity'),
    col('region', '地區', 'Region'),
    col('category', '類別', 'Category'),
    col('esgResult', 'ESG評估結果 (pass/conditional/fail)', 'ESG assessment result'),
    col('esgAssessedOn', 'ESG評估日期', 'ESG assessment date', 14),
    col('status', '狀態 (approved/suspended/blacklisted)', 'Status'),
    DEMO,
  ],
  hazards: [
    col('id', '編號', 'Id', 20),
    col('foundOn', '發現日期', 'Found on', 14),
    col('entityId', '地點（主體）', 'Site (entity)'),
    col('grade', '等級 (general/major)', 'Grade'),
    col('description.en', '描述（英文）', 'Description (English)', 36),
    col('description.zh-Hant', '描述（中文）', 'Description (Chinese)', 32),
    col('owner', '責任人', 'Owner'),
    col('dueOn', '整改期限', 'Due on', 14),
    col('rectifiedOn', '整改完成日期', 'Rectified on', 14),
    col('evidence', '整改證據', 'Evidence', 24),
    DEMO,
  ],
  projects: [
    col('id', '編號', 'Id', 20),
    col('name.en', '名稱（英文）', 'Name (English)', 32),
    col('name.zh-Hant', '名稱（中文）', 'Name (Chinese)', 28),
    col('entityId', '地點（主體）', 'Site (entity)'),
    col('measure.en', '措施（英文）', 'Measure (English)', 32),
    col('measure.zh-Hant', '措施（中文）', 'Measure (Chinese)', 28),
    col('status', '狀態 (planned/in-progress/completed/cancelled)', 'Status'),
    col('estimated.tce', '預計節能量（噸標準煤）', 'Estimated savings (tce)'),
    col('estimated.MWh', '預計節電量（兆瓦時）', 'Estimated savings (MWh)'),
    col('estimated.tCO2e', '預計減排量（噸二氧化碳當量）', 'Estimated reduction (tCO2e)'),
    col('verified.tce', '核實節能量（噸標準煤）', 'Verified savings (tce)'),
    col('verified.MWh', '核實節電量（兆瓦時）', 'Verified savings (MWh)'),
    col('verified.tCO2e', '核實減排量（噸二氧化碳當量）', 'Verified reduction (tCO2e)'),
    DEMO,
  ],
};

/** The columns a sheet must have (the rest may be left out). */
const REQUIRED: Readonly<Record<OperatingSheet, readonly string[]>> = {
  suppliers: ['id', 'name.en', 'name.zh-Hant', 'creditCode', 'entityId', 'region', 'category', 'status'],
  hazards: ['id', 'foundOn', 'entityId', 'grade', 'description.en', 'description.zh-Hant', 'owner', 'dueOn'],
  projects: ['id', 'name.en', 'name.zh-Hant', 'entityId', 'measure.en', 'measure.zh-Hant', 'status'],
};

/** The text of a dotted path of a row ("" when absent). */
function cell(row: Row, key: string): string {
  let v: unknown = row;
  for (const part of key.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  if (v === undefined || v === null || v === false) return '';
  return String(v);
}

/** A row from its cells: empty cells leave the field out; nested paths build objects. */
function rowOf(cells: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, text] of cells) {
    if (text === '') continue;
    const parts = key.split('.');
    let at = out;
    for (const p of parts.slice(0, -1)) {
      at[p] = (at[p] as Record<string, unknown> | undefined) ?? {};
      at = at[p] as Record<string, unknown>;
    }
    at[parts[parts.length - 1] as string] = key === 'isDemonstration' ? text.toLowerCase() === 'true' : text;
  }
  for (const t of ['name', 'description', 'measure'])
    if (cells.has(`${t}.en`)) out[t] = { en: '', 'zh-Hant': '', ...(out[t] as object | undefined) };
  return out;
}

export async function operatingWorkbook(sheet: OperatingSheet, rows: readonly Row[]): Promise<Uint8Array> {
  const columns = OPERATING_COLUMNS[sheet];
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: headerText(c), key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  columns.forEach((_, k) => {
    ws.getColumn(k + 1).numFmt = '@';
  });
  for (const r of rows) ws.addRow(columns.map((c) => neutralise(cell(r, c.key))));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type OperatingRead = { ok: true; rows: Row[] } | { ok: false; issues: ImportIssue[] };

const RULES: Readonly<Record<OperatingSheet, (r: Row, ctx: RowRulesContext) => RowIssue[]>> = {
  suppliers: (r, ctx) => validateSupplier(r as Supplier, ctx),
  hazards: (r, ctx) => validateHazard(r as Hazard, ctx),
  projects: (r, ctx) => validateProject(r as SavingProject, ctx),
};

/** Read the register's sheet of the workbook at `path`; `file` names it in issues. */
export async function readOperatingXlsx(
  sheet: OperatingSheet,
  path: string,
  file: string,
  rules: RowRulesContext,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<OperatingRead> {
  const name = file || basename(path);
  const size = (await stat(path)).size;
  if (size > limits.maxBytes)
    return {
      ok: false,
      issues: [{ file: name, reason: `file is ${size} bytes; the limit is ${limits.maxBytes}` }],
    };
  const guard = await checkXlsxZip(path, name, limits);
  if (guard.length > 0) return { ok: false, issues: guard };
  const wb = new (excel().Workbook)();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    return {
      ok: false,
      issues: [{ file: name, reason: 'not a valid XLSX workbook; open it in Excel and save it again' }],
    };
  }
  const ws = wb.getWorksheet(sheet);
  if (!ws)
    return {
      ok: false,
      issues: [{ file: name, reason: `no sheet "${sheet}"; export the register to get one` }],
    };
  return readSheet(sheet, ws, name, rules);
}

function readSheet(
  sheet: OperatingSheet,
  ws: ExcelJS.Worksheet,
  file: string,
  rules: RowRulesContext,
): OperatingRead {
  const at = issuePlace(ws, file);
  const cols = headerColumns(ws);
  const known = new Set(OPERATING_COLUMNS[sheet].map((c) => c.key));
  const issues: ImportIssue[] = [];
  const missing = REQUIRED[sheet].filter((k) => !cols.some((c) => c.key === k));
  if (missing.length > 0)
    return { ok: false, issues: [{ ...at(1), reason: `missing column(s): ${missing.join(', ')}` }] };
  for (const c of cols)
    if (!known.has(c.key)) issues.push({ ...at(1, c.index, c.key), reason: `unknown column "${c.key}"` });
  const colOf = (key: string) => cols.find((c) => c.key === key)?.index;
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells = new Map<string, string>();
    let ok = true;
    for (const c of cols) {
      if (!known.has(c.key)) continue;
      const t = cellText(row.getCell(c.index).value);
      if (!t.ok) {
        issues.push({ ...at(n, c.index, c.key), reason: t.reason });
        ok = false;
      } else if (t.text.length > 2000) {
        issues.push({ ...at(n, c.index, c.key), reason: 'longer than 2,000 characters' });
        ok = false;
      } else cells.set(c.key, t.text.trim());
    }
    if (!ok || [...cells.values()].every((v) => v === '')) return; // a bad or an empty row
    const raw = rowOf(cells);
    for (const k of REQUIRED[sheet]) if (!k.includes('.') && raw[k] === undefined) raw[k] = '';
    const r = raw as unknown as Row;
    for (const i of RULES[sheet](r, rules)) {
      const key = known.has(i.field) ? i.field : (i.field.split('.')[0] ?? i.field);
      issues.push({ ...at(n, colOf(key) ?? colOf(i.field), i.field), reason: `${i.field}: ${i.reason}` });
    }
    const first = seen.get(r.id);
    if (first !== undefined)
      issues.push({ ...at(n, colOf('id'), 'id'), reason: `"${r.id}" is also in row ${first}` });
    else seen.set(r.id, n);
    rows.push(r);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}
