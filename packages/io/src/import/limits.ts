/**
 * Limits on untrusted input, checked before parsing where the format allows: the file size for
 * CSV (rows are counted while streaming and the import stops at the first row over the limit),
 * and for XLSX the ZIP central directory (declared sizes and compression ratio) plus a count of
 * worksheet rows in the inflated XML, all before exceljs reads the file.
 */
export type ImportLimits = {
  /** Rows per file (data rows, header excluded). */
  readonly maxRows: number;
  /** Bytes of CSV on disk, or bytes of XLSX once every ZIP entry is inflated. */
  readonly maxBytes: number;
  /** XLSX only: largest accepted inflated/compressed size ratio of one entry or the whole archive. */
  readonly maxRatio: number;
  /** XLSX only: entries in the archive. */
  readonly maxEntries: number;
};

export const CSV_LIMITS: ImportLimits = {
  maxRows: 5_000_000,
  maxBytes: 2 * 1024 ** 3,
  maxRatio: Number.POSITIVE_INFINITY,
  maxEntries: 1,
};

/** Hand-filled templates are small; real workbooks compress about 5–20×. */
export const XLSX_LIMITS: ImportLimits = {
  maxRows: 100_000,
  maxBytes: 200 * 1024 ** 2,
  maxRatio: 200,
  maxEntries: 2_000,
};

/** A problem in an input file: file, sheet (XLSX), 1-based row, column, and why. */
export type ImportIssue = {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly reason: string;
};

export function formatImportIssue(i: ImportIssue): string {
  const where = [
    i.file,
    i.sheet === undefined ? undefined : `sheet ${i.sheet}`,
    i.row === undefined ? undefined : `row ${i.row}`,
    i.column === undefined ? undefined : `column ${i.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${i.reason}`;
}
