/**
 * The activity-lines sheet of the entry template (activity-sheet-layout.ts): the existing lines
 * of the entity and the entities below it in the period, each with its id, then blank rows, all
 * with drop-downs (entity, period, activity, use, unit, and the known subjects as a suggestion),
 * the amount limited to numbers of zero or more, and the text columns formatted as text so that
 * Excel keeps "2026-01" as typed instead of turning it into a date. Amounts are written as numbers
 * when the double holds them exactly, otherwise as text, so no digit is lost (spreadsheetCell).
 */
import {
  ACTIVITY_TYPES,
  type ActivityLine,
  ATOMIC_UNITS,
  activityLineFields,
  FUEL_USES,
  factorLibrary,
} from '@assay/core';
import type ExcelJS from 'exceljs';
import { neutralise, spreadsheetCell } from '../export/neutralise.js';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_SHEET,
  BLANK_ACTIVITY_ROWS,
  LISTS_SHEET,
  periodsWithin,
} from './activity-sheet-layout.js';
import { headerText } from './template-layout.js';

export type ActivitySheetInput = {
  /** The template's entity and those below it, the template's entity first. */
  readonly entityIds: readonly string[];
  readonly periodId: string;
  /** The existing lines to write (already chosen: these entities, this period). */
  readonly lines: readonly ActivityLine[];
};

/** Units an activity amount comes in: mass, volume, energy (kWh, GJ, tce…), CO2e (Scope 3) and counts. */
const AMOUNT_DIMENSIONS = new Set(['mass', 'volume', 'energy', 'co2e', 'count']);

/** Units offered: those the lines use, then the atomic units of the amount dimensions. */
export function activityUnits(lines: readonly ActivityLine[]): string[] {
  const used = lines.map((l) => l.amount.unit.symbol);
  const atomic = ATOMIC_UNITS.filter((u) => AMOUNT_DIMENSIONS.has(u.dim)).map((u) => u.symbol);
  return [...new Set([...used, ...atomic])];
}

/** Subjects suggested: those the lines use, then the fuels and minerals of the factor library. */
export function activitySubjects(lines: readonly ActivityLine[]): string[] {
  const library = factorLibrary().flatMap((f) => [f.keys.fuel, f.keys.mineral]);
  const known = [...lines.map((l) => l.subject), ...library].filter((s): s is string => !!s);
  return [...new Set(known)].sort((a, b) => a.localeCompare(b));
}

/** A column of the lists sheet as an absolute range for a validation: '_lists'!$C$1:$C$40. */
function listColumn(ws: ExcelJS.Worksheet, col: number, values: readonly string[]): string {
  values.forEach((v, k) => {
    ws.getCell(k + 1, col).value = neutralise(v);
  });
  const letter = ws.getColumn(col).letter;
  return `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${Math.max(values.length, 1)}`;
}

const TEXT_KEYS = new Set(['entity', 'period', 'activity', 'subject', 'use', 'unit', 'id']);

export function addActivitySheet(wb: ExcelJS.Workbook, input: ActivitySheetInput): void {
  const ws = wb.addWorksheet(ACTIVITY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  ws.columns = ACTIVITY_COLUMNS.map((c) => ({ header: headerText(c), key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  const range = {
    entity: listColumn(lists, 1, input.entityIds),
    period: listColumn(lists, 2, periodsWithin(input.periodId)),
    activity: listColumn(lists, 3, ACTIVITY_TYPES),
    use: listColumn(lists, 4, FUEL_USES),
    unit: listColumn(lists, 5, activityUnits(input.lines)),
    subject: listColumn(lists, 6, activitySubjects(input.lines)),
  };
  for (const line of input.lines) {
    const [id, entity, period, activity, subject, use, amount, unit, attributes, source, evidence, comment] =
      activityLineFields(line);
    const cells = { id, entity, period, activity, subject, use, unit, attributes, source, evidence, comment };
    const row = ws.addRow(
      Object.fromEntries(
        Object.entries(cells).map(([k, v]) => [
          k,
          v === null || v === undefined || v === '' ? null : neutralise(v),
        ]),
      ),
    );
    row.getCell('amount').value = spreadsheetCell(amount ?? '');
  }
  const last = input.lines.length + 1 + BLANK_ACTIVITY_ROWS;
  // Text columns: what is typed stays text (a typed 2026-01 would otherwise become a date).
  for (const key of TEXT_KEYS) ws.getColumn(key).numFmt = '@';
  const rangeOf = (key: string) => {
    const letter = ws.getColumn(key).letter;
    return `${letter}2:${letter}${last}`;
  };
  for (const key of ['entity', 'period', 'activity', 'use', 'unit'] as const)
    validations(ws).add(rangeOf(key), {
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: ACTIVITY_COLUMNS.find((c) => c.key === key)?.en ?? key,
      error: 'Choose a value from the list. 請從清單中選擇。',
      formulae: [range[key]],
    });
  // A suggestion only: a subject not in the list (a new fuel, a Scope 3 category) is allowed.
  validations(ws).add(rangeOf('subject'), {
    type: 'list',
    allowBlank: true,
    showErrorMessage: false,
    formulae: [range.subject],
  });
  validations(ws).add(rangeOf('amount'), {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: '數量 Amount',
    error: 'Enter a number of zero or more. 請輸入零或以上的數字。',
    formulae: [0, 1e15],
  });
}

/**
 * The sheet's validations by range. exceljs has this (doc/data-validations.js) but does not
 * declare it; one range per column is written as one `sqref`, where validations set cell by
 * cell are merged by exceljs into ranges that overlap (it sorts the addresses as text: A10
 * before A2).
 */
function validations(ws: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
}
