/**
 * A register as a one-sheet workbook, for registers whose rows are flat (issue #18:
 * compliance cases, certifications, tailings facilities; targets-sheet.ts is the model):
 * bilingual headers whose last line is the column key, every cell text, so values come back as
 * typed. Reading is all or nothing: each row is built from its cells and checked by the
 * register's own rules (core), and a file with any issue (file, sheet, row, column) gives no
 * rows; an id given twice is an issue. Defences as for the entry template: size and the ZIP's
 * central directory first (zip-guard.ts), then exceljs.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { neutralise } from '../export/neutralise.js';
import { type ImportIssue, XLSX_LIMITS, type XlsxLimits } from '../import/limits.js';
import { cellText } from './cell-text.js';
import { excel } from './exceljs.js';
import { headerColumns, issuePlace } from './sheet-columns.js';
import { headerText, type TemplateColumn } from './template-layout.js';
import { checkXlsxZip } from './zip-guard.js';

export type RowSheetSpec<T extends { readonly id: string }> = {
  readonly sheet: string;
  readonly columns: readonly TemplateColumn[];
  /** Columns a file must have. */
  readonly required: readonly string[];
  /** A row's cells by column key ('' for absent). */
  readonly cellsOf: (row: T) => Record<string, string>;
  /** The row the cells describe; `opt(key)` is undefined for an empty cell. */
  readonly fromCells: (opt: (key: string) => string | undefined) => T;
  /** The register's rules: issues by field (the field's first part names the column). */
  readonly validate: (row: T) => readonly { field: string; reason: string }[];
  /** Fields that map to another column (a nested field), else the field itself. */
  readonly columnOf?: (field: string) => string;
};

export async function rowSheetWorkbook<T extends { readonly id: string }>(
  spec: RowSheetSpec<T>,
  rows: readonly T[],
): Promise<Uint8Array> {
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: headerText(c), key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  spec.columns.forEach((_, k) => {
    ws.getColumn(k + 1).numFmt = '@';
  });
  for (const r of rows) {
    const cells = spec.cellsOf(r);
    ws.addRow(spec.columns.map((c) => neutralise(cells[c.key] ?? '')));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type RowSheetRead<T> = { ok: true; rows: T[] } | { ok: false; issues: ImportIssue[] };

export async function readRowSheet<T extends { readonly id: string }>(
  spec: RowSheetSpec<T>,
  path: string,
  file: string,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<RowSheetRead<T>> {
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
  const ws = wb.getWorksheet(spec.sheet);
  if (!ws)
    return {
      ok: false,
      issues: [{ file: name, reason: `no sheet "${spec.sheet}"; export the register to get one` }],
    };
  return readSheet(spec, ws, name);
}

function readSheet<T extends { readonly id: string }>(
  spec: RowSheetSpec<T>,
  ws: ExcelJS.Worksheet,
  file: string,
): RowSheetRead<T> {
  const at = issuePlace(ws, file);
  const cols = headerColumns(ws);
  const missing = spec.required.filter((k) => !cols.some((c) => c.key === k));
  if (missing.length > 0)
    return { ok: false, issues: [{ ...at(1), reason: `missing column(s): ${missing.join(', ')}` }] };
  const colOf = (key: string) => cols.find((c) => c.key === key)?.index;
  const issues: ImportIssue[] = [];
  const rows: T[] = [];
  const seen = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells = new Map<string, string>();
    let ok = true;
    for (const c of cols) {
      const t = cellText(row.getCell(c.index).value);
      if (!t.ok) {
        issues.push({ ...at(n, c.index, c.key), reason: t.reason });
        ok = false;
      } else if (t.text.length > 4000) {
        issues.push({ ...at(n, c.index, c.key), reason: 'longer than 4,000 characters' });
        ok = false;
      } else cells.set(c.key, t.text.trim());
    }
    if (ok && [...cells.values()].every((v) => v === '')) return; // an empty row
    if (!ok) return;
    const r = spec.fromCells((k) => {
      const v = cells.get(k);
      return v === undefined || v === '' ? undefined : v;
    });
    for (const i of spec.validate(r)) {
      const key = spec.columnOf?.(i.field) ?? i.field;
      issues.push({ ...at(n, colOf(key), key), reason: `${i.field}: ${i.reason}` });
    }
    const first = seen.get(r.id);
    if (first !== undefined)
      issues.push({ ...at(n, colOf('id'), 'id'), reason: `"${r.id}" is also in row ${first}` });
    else seen.set(r.id, n);
    rows.push(r);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}
