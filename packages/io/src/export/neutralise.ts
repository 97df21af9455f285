/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with = + - @,
 * tab, CR or LF may be run as a formula when the file is opened. Such text gets a leading
 * apostrophe. Plain decimal numbers ("-12.5", "+3") are numbers, not formulas, and stay as they
 * are; import/unneutralise.ts removes the apostrophe again on the way back in.
 */
import { Decimal } from '@assay/core';

const DANGEROUS = /^[=+\-@\t\r\n]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,4})?$/;

export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text);
}

export function neutralise(text: string): string {
  return DANGEROUS.test(text) && !isPlainNumber(text) ? `'${text}` : text;
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
