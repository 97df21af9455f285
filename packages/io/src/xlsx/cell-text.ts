/**
 * An exceljs cell value as the text core validation expects. Numbers become the shortest text
 * that reads back as the same IEEE double (what the file holds); formulas, dates, booleans and
 * error values are refused with a reason, since none of them is an entered figure.
 */
import type ExcelJS from 'exceljs';
import { unneutralise } from '../import/unneutralise.js';

export type CellText = { ok: true; text: string } | { ok: false; reason: string };

export function cellText(v: ExcelJS.CellValue): CellText {
  if (v === null || v === undefined) return { ok: true, text: '' };
  if (typeof v === 'number')
    return Number.isFinite(v) ? { ok: true, text: String(v) } : { ok: false, reason: `${v} is not a number` };
  if (typeof v === 'string') return { ok: true, text: unneutralise(v) };
  if (typeof v === 'boolean') return { ok: false, reason: `${v ? 'TRUE' : 'FALSE'} is not a value` };
  if (v instanceof Date) return { ok: false, reason: 'a date is not accepted here; enter text or a number' };
  if ('richText' in v) return { ok: true, text: unneutralise(v.richText.map((r) => r.text).join('')) };
  if ('formula' in v || 'sharedFormula' in v)
    return { ok: false, reason: 'formulas are not accepted; paste the value instead' };
  if ('error' in v) return { ok: false, reason: `the cell holds the error ${v.error}` };
  if ('text' in v && typeof v.text === 'string') return { ok: true, text: unneutralise(v.text) };
  return { ok: false, reason: 'unsupported cell content' };
}
