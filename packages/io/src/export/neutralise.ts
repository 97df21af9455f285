/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell that a spreadsheet may run
 * as a formula gets a leading apostrophe. That is text starting with tab, CR or LF, or with
 * = + - @ after any whitespace, in ASCII or in the full-width and small forms East Asian input
 * methods type (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫) or as the minus sign U+2212, which spreadsheets
 * may normalise to ASCII. Text that already starts with apostrophes before such a start gets one
 * more, so that import/unneutralise.ts, which removes one, is an exact inverse: every text
 * round-trips unchanged (a property test checks it). Plain decimal numbers ("-12.5", "+3") are
 * numbers, not formulas, and stay as they are.
 */
import { Decimal } from '@assay/core';

const TRIGGERS = '=+\\-@\\uff1d\\uff0b\\uff0d\\uff20\\ufe66\\ufe62\\ufe63\\ufe6b\\u2212';
/** A formula start (tab, CR, LF, or whitespace then a trigger) after `apostrophes` ('*' or '+'). */
const formulaStart = (apostrophes: string) => new RegExp(`^'${apostrophes}(?:[\\t\\r\\n]|\\s*[${TRIGGERS}])`);

/** Text the export guards: a formula start, perhaps after apostrophes. */
const NEEDS_GUARD = formulaStart('*');
/** Text as the export wrote it after guarding: an apostrophe added before the above. */
export const FORMULA_GUARDED = formulaStart('+');
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,4})?$/;

export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text);
}

export function neutralise(text: string): string {
  return NEEDS_GUARD.test(text) && !isPlainNumber(text) ? `'${text}` : text;
}

/**
 * An XLSX cell: a number when the decimal survives the trip through an IEEE double exactly
 * ("1.50", "-3", "0.1" as Excel shows it), otherwise text, so no digit is lost; text is neutralised.
 */
export function spreadsheetCell(text: string): string | number {
  if (!isPlainNumber(text)) return neutralise(text);
  const n = Number(text);
  return Number.isFinite(n) && new Decimal(String(n)).equals(new Decimal(text)) ? n : text;
}
