/**
 * Read a filled XLSX template back as validated slices: data points, one slice per topic sheet,
 * and activity lines from the activity-lines sheet (read-activity-sheet.ts).
 * Order of defences: file size, ZIP central directory and row count (zip-guard.ts), then
 * exceljs; every row is checked by core's validation; a fact entered on two sheets is a
 * duplicate. Issues name file, sheet, row and column (key and letter).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dataPointFactKey, type RawRow } from '@assay/core';
import type ExcelJS from 'exceljs';
import {
  type FactSlice,
  type ImportContext,
  issueSlice,
  tableKind,
  validateSlice,
} from '../import/fact-slice.js';
import { fieldProblem } from '../import/field-caps.js';
import { type ImportIssue, XLSX_LIMITS, type XlsxLimits } from '../import/limits.js';
import { cellText } from './cell-text.js';
import { excel } from './exceljs.js';
import { organisationEntities, readActivitySheet } from './read-activity-sheet.js';
import { headerColumns, issuePlace } from './sheet-columns.js';
import { META_SHEET, TEMPLATE_SCHEMA } from './template-layout.js';
import { checkXlsxZip } from './zip-guard.js';

const NOT_A_WORKBOOK =
  'not a valid XLSX workbook (its parts are missing or do not fit together); open it in Excel and save it again';

export type XlsxReadOptions = {
  readonly limits?: XlsxLimits;
  /** When given, the workbook must have been made for this entity and period. */
  readonly entity?: string | undefined;
  readonly period?: string | undefined;
};

function readMeta(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  wb.getWorksheet(META_SHEET)?.eachRow((row) => {
    const k = row.getCell(1).value;
    const v = row.getCell(2).value;
    if (typeof k === 'string' && typeof v === 'string') out.set(k, v);
  });
  return out;
}

export async function* readFactsXlsx(
  path: string,
  ctx: ImportContext,
  opts: XlsxReadOptions = {},
): AsyncGenerator<FactSlice> {
  const file = basename(path);
  const limits = opts.limits ?? XLSX_LIMITS;
  const size = (await stat(path)).size;
  if (size > limits.maxBytes) {
    yield issueSlice(file, [{ file, reason: `file is ${size} bytes; the limit is ${limits.maxBytes}` }]);
    return;
  }
  const guard = await checkXlsxZip(path, file, limits);
  if (guard.length > 0) {
    yield issueSlice(file, guard);
    return;
  }
  const wb = new (excel().Workbook)();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    // exceljs's messages describe its own objects ("Cannot set properties of undefined (setting
    // 'sheetNo')"), not the file, so none is passed on.
    yield issueSlice(file, [{ file, reason: NOT_A_WORKBOOK }]);
    return;
  }
  const meta = readMeta(wb);
  const entity = opts.entity ?? meta.get('entity');
  const period = opts.period ?? meta.get('period');
  const metaIssues: ImportIssue[] = [];
  if (meta.get('schema') !== TEMPLATE_SCHEMA && (!opts.entity || !opts.period))
    metaIssues.push({ file, reason: 'not an Assay template: give --entity and --period' });
  for (const [k, given] of [
    ['entity', opts.entity],
    ['period', opts.period],
  ] as const) {
    const made = meta.get(k);
    if (given !== undefined && made !== undefined && given !== made)
      metaIssues.push({
        file,
        sheet: META_SHEET,
        reason: `the workbook was made for ${k} "${made}", not "${given}"`,
      });
  }
  if (metaIssues.length > 0 || !entity || !period) {
    yield issueSlice(file, metaIssues);
    return;
  }
  const seen = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET || ws.getRow(1).getCell(1).value === null || ws.state !== 'visible') continue;
    // Data-point sheets start with the indicator column; the activity-lines sheet has an
    // "activity" column (fact-slice.ts tableKind); any other sheet (the About sheet) is not read.
    if (String(ws.getRow(1).getCell(1).value).endsWith('indicator'))
      yield readSheet(ws, file, ctx, entity, period, seen);
    else if (tableKind(headerColumns(ws).map((c) => c.key)) === 'activityLines')
      yield readActivitySheet(ws, {
        file,
        ctx,
        entity,
        period,
        templateId: meta.get('template'),
        entities: organisationEntities(ctx),
      });
  }
}

function readSheet(
  ws: ExcelJS.Worksheet,
  file: string,
  ctx: ImportContext,
  entity: string,
  period: string,
  seen: Map<string, string>,
): FactSlice {
  const issues: ImportIssue[] = [];
  const at = issuePlace(ws, file);
  const cols = headerColumns(ws);
  const keys = ['entity', 'period', ...cols.map((c) => c.key)];
  const rows: RawRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells = [entity, period];
    let ok = true;
    for (const c of cols) {
      const t = cellText(row.getCell(c.index).value);
      const long = t.ok ? fieldProblem(c.key, t.text) : t.reason;
      if (long !== undefined) {
        issues.push({ ...at(n, c.index, c.key), reason: long });
        ok = false;
      }
      cells.push(t.ok && long === undefined ? t.text : '');
    }
    const value = cols.find((c) => c.key === 'value');
    if (ok && value && cells[keys.indexOf('value')] === '') return; // an unfilled template row
    if (ok) rows.push({ line: n, cells });
  });
  const slice = validateSlice(ctx, 'dataPoints', file, keys, rows);
  const colOf = (key: string | undefined) => cols.find((c) => c.key === key)?.index;
  const mapped = slice.issues.map((i) => {
    const index = colOf(i.column);
    return {
      ...i,
      ...at(i.row ?? 1, index, i.column),
      ...(index === undefined && i.column ? { column: i.column } : {}),
    };
  });
  slice.dataPoints.forEach((d, k) => {
    const key = dataPointFactKey(d);
    const here = `sheet ${ws.name} row ${slice.dataPointLines[k]}`;
    const first = seen.get(key);
    if (first)
      mapped.push({
        ...at(slice.dataPointLines[k] ?? 0),
        reason: `duplicate data point: also entered at ${first}`,
      });
    else seen.set(key, here);
  });
  return { ...slice, file: `${file} [${ws.name}]`, issues: [...issues, ...mapped] };
}
