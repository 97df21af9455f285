/**
 * Read the entry template's activity-lines sheet (activity-sheet-layout.ts) as one validated
 * slice of activity lines, the shape the store's import takes. Every row goes through core's
 * validation of activity-lines.csv rows; besides, a row's entity must be the workbook's entity
 * or one below it and its period the workbook's period or a quarter or month of it. Issues name
 * file, sheet, row and column (key and letter); a sheet with any issue gives no lines.
 *
 * Empty rows are skipped; an empty entity or period is the workbook's. A period cell Excel has
 * turned into a date (a "2026-01" typed into a cell not formatted as text) is read as its month
 * when it is the first of a month. A row without an id is a new line: it gets
 * "al-x-<template id>-<row>" (the template id from the hidden sheet, made when the template was
 * downloaded), so importing the same workbook again changes nothing, editing a row of it and
 * importing again revises that line, and two workbooks never share ids. A workbook without a
 * template id (not made by Assay) gets the CSV rule, "al-<file name>-<row>" (fact-slice.ts).
 */
import { type Entity, parsePeriod, type RawRow, validateBundle } from '@assay/core';
import type ExcelJS from 'exceljs';
import {
  type FactSlice,
  generatedLineId,
  type ImportContext,
  issueSlice,
  standardIndicators,
  validateSlice,
} from '../import/fact-slice.js';
import { fieldProblem } from '../import/field-caps.js';
import type { ImportIssue } from '../import/limits.js';
import { entitySubtree, periodInTemplate } from './activity-sheet-layout.js';
import { cellText } from './cell-text.js';
import { headerColumns, issuePlace } from './sheet-columns.js';

export type ActivitySheetContext = {
  readonly file: string;
  readonly ctx: ImportContext;
  /** The workbook's entity and period (its hidden sheet, or the caller's). */
  readonly entity: string;
  readonly period: string;
  /** The hidden sheet's template id, when the workbook was made by Assay. */
  readonly templateId: string | undefined;
  /** The organisation's entities (id and parent), to tell which lie below the workbook's entity. */
  readonly entities: readonly Pick<Entity, 'id' | 'parentId'>[];
};

/** The organisation's entities, from the settings rows are checked against (none if they fail). */
export function organisationEntities(ctx: ImportContext): readonly Pick<Entity, 'id' | 'parentId'>[] {
  const v = validateBundle({ settings: ctx.settings }, standardIndicators());
  return v.ok ? v.bundle.organisation.entities : [];
}

/** A template id as Assay writes it: hex digits (anything else is not used in an id). */
const TEMPLATE_ID = /^[0-9a-f]{1,32}$/;

/** A cell's text; a date in the period column is its month when it is the first of one. */
function periodText(v: ExcelJS.CellValue): ReturnType<typeof cellText> {
  if (!(v instanceof Date)) return cellText(v);
  if (v.getUTCDate() !== 1 || v.getUTCHours() !== 0 || v.getUTCMinutes() !== 0)
    return { ok: false, reason: 'a date is not a period; enter a period such as 2026-01 as text' };
  return { ok: true, text: `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}` };
}

export function readActivitySheet(ws: ExcelJS.Worksheet, a: ActivitySheetContext): FactSlice {
  const at = issuePlace(ws, a.file);
  const cols = headerColumns(ws);
  const keys = cols.map((c) => c.key);
  const col = (key: string) => cols.find((c) => c.key === key);
  const known = new Set(a.entities.map((e) => e.id));
  const subtree = new Set(entitySubtree(a.entities, a.entity));
  const prefix = a.templateId && TEMPLATE_ID.test(a.templateId) ? `al-x-${a.templateId}-` : undefined;
  const issues: ImportIssue[] = [];
  const rows: RawRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: string[] = [];
    let ok = true;
    for (const c of cols) {
      const v = row.getCell(c.index).value;
      const t = c.key === 'period' ? periodText(v) : cellText(v);
      const problem = t.ok ? fieldProblem(c.key, t.text) : t.reason;
      if (problem !== undefined) {
        issues.push({ ...at(n, c.index, c.key), reason: problem });
        ok = false;
      }
      cells.push(t.ok && problem === undefined ? t.text : '');
    }
    // An unfilled row (the drop-downs alone): nothing entered besides entity and period.
    const filled = cols.some((c, k) => c.key !== 'entity' && c.key !== 'period' && cells[k] !== '');
    if (!filled && ok) return;
    const set = (key: string, value: string) => {
      const k = keys.indexOf(key);
      if (k >= 0 && cells[k] === '') cells[k] = value;
    };
    set('entity', a.entity);
    set('period', a.period);
    if (prefix) set('id', generatedLineId(prefix, n));
    const entity = cells[keys.indexOf('entity')] ?? a.entity;
    const period = cells[keys.indexOf('period')] ?? a.period;
    const entityCol = col('entity');
    const periodCol = col('period');
    // Unknown entities and malformed periods are core's to name; these are known but outside.
    if (known.has(entity) && !subtree.has(entity)) {
      issues.push({
        ...at(n, entityCol?.index, 'entity'),
        reason: `entity "${entity}" is not ${a.entity} or an entity below it (this workbook is for ${a.entity}); download a template for ${entity}`,
      });
      ok = false;
    }
    if (parsePeriod(period) && !periodInTemplate(period, a.period)) {
      issues.push({
        ...at(n, periodCol?.index, 'period'),
        reason: `period "${period}" is outside ${a.period}, the period this workbook is for (it takes ${a.period} or a quarter or month of it)`,
      });
      ok = false;
    }
    if (ok) rows.push({ line: n, cells });
  });
  // Without an id column every row, the stored lines written into the template too, would be
  // added as a new line: refused rather than doubling them.
  if (prefix && !keys.includes('id'))
    issues.push({
      ...at(1),
      reason:
        'the "id" column (編號) is missing: without it every row would be added as a new line; download the template again',
    });
  // An entity or period column taken out of the sheet: every row is the workbook's.
  const extra = ['entity', 'period'].filter((k) => !keys.includes(k));
  const header = [...extra, ...keys];
  const full = rows.map((r) => ({
    line: r.line,
    cells: [...extra.map((k) => (k === 'entity' ? a.entity : a.period)), ...r.cells],
  }));
  const file = `${a.file} [${ws.name}]`;
  if (full.length === 0) return issueSlice(file, issues);
  const slice = validateSlice(a.ctx, 'activityLines', a.file, header, full);
  const mapped = slice.issues.map((i) => {
    const index = cols.find((c) => c.key === i.column)?.index;
    return {
      ...i,
      ...at(i.row ?? 1, index, i.column),
      ...(index === undefined && i.column ? { column: i.column } : {}),
    };
  });
  const all = [...issues, ...mapped];
  return all.length > 0 ? issueSlice(file, all) : { ...slice, file, issues: [] };
}
