/**
 * Limits on untrusted input, checked before parsing where the format allows: the file size for
 * CSV (rows are counted while streaming and the import stops at the first row over the limit;
 * fields are capped by length, field-caps.ts), and for XLSX the ZIP central directory (declared
 * sizes and compression ratio), then every entry inflated under a cap with its rows, cells, cell
 * numbers and covered ranges counted (zip-guard.ts), all before exceljs reads the file.
 */
import { printable } from '../printable.js';
import { TEXT_FIELD_CHARS } from './field-caps.js';

export type ImportLimits = {
  /** Rows per file (data rows, header excluded). */
  readonly maxRows: number;
  /** Bytes of CSV on disk, or bytes of XLSX once every ZIP entry is inflated. */
  readonly maxBytes: number;
};

export type CsvLimits = ImportLimits & {
  /** Characters of the longest field the reader keeps (per-column caps are lower, field-caps.ts). */
  readonly maxFieldChars: number;
  /** Fields of one record. */
  readonly maxFields: number;
  /** Characters of one record (all its fields). */
  readonly maxRecordChars: number;
};

export type XlsxLimits = ImportLimits & {
  /** Largest accepted inflated/compressed size ratio of one entry or the whole archive. */
  readonly maxRatio: number;
  /** Entries in the archive. */
  readonly maxEntries: number;
  /** Cells (<c> elements) in all worksheets, and shared strings. */
  readonly maxCells: number;
  /** Cells covered by merges, data validations and defined names together (exceljs visits each). */
  readonly maxRangeCells: number;
};

export const CSV_LIMITS: CsvLimits = {
  maxRows: 5_000_000,
  maxBytes: 2 * 1024 ** 3,
  maxFieldChars: TEXT_FIELD_CHARS,
  maxFields: 1_000,
  maxRecordChars: 100_000,
};

/**
 * Hand-filled templates are small; real workbooks compress about 5–20×. Measured with exceljs
 * 4.4 on this machine: 1,000,000 cells read in 5.7 s (550 MB); a data validation over
 * 1,048,576 cells (one whole column) 2.1 s, a merge of that size 4.0 s (725 MB).
 */
export const XLSX_LIMITS: XlsxLimits = {
  maxRows: 100_000,
  maxBytes: 200 * 1024 ** 2,
  maxRatio: 200,
  maxEntries: 2_000,
  maxCells: 1_000_000,
  maxRangeCells: 1_048_576,
};

/** A problem in an input file: file, sheet (XLSX), 1-based row, column, and why. */
export type ImportIssue = {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly reason: string;
};

/** One line naming where and why; every part is escaped (printable.ts), since cells are echoed in reasons. */
export function formatImportIssue(i: ImportIssue): string {
  const where = [
    i.file,
    i.sheet === undefined ? undefined : `sheet ${i.sheet}`,
    i.row === undefined ? undefined : `row ${i.row}`,
    i.column === undefined ? undefined : `column ${i.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  return printable(`${where}: ${i.reason}`);
}
